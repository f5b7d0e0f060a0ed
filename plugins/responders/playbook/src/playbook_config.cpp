#include "playbook_config.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "personas.hpp"

namespace parley::playbook {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument("playbook: " + message); }

constexpr std::array<const char*, 7> kWeekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::vector<std::string> read_strings(const ConfigValue* list, const std::string& key) {
  std::vector<std::string> result;
  if (list == nullptr || list->is_null()) return result;
  if (!list->is_list()) fail("'" + key + "' must be a list of strings");
  for (const auto& item : list->as_list()) {
    if (!item.is_string() || item.as_string().empty()) fail("'" + key + "' must hold non-empty strings");
    result.push_back(item.as_string());
  }
  return result;
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::int64_t duration_or(const ConfigValue& section, const std::string& key, const std::string& where,
                         std::int64_t fallback) {
  const auto* value = section.find(key);
  if (value == nullptr || value->is_null()) return fallback;
  if (value->is_integer() && value->as_integer() == 0) return 0;
  if (!value->is_string()) fail("'" + where + "' must be a duration such as 15m, 2h or 3d");
  return parse_duration(value->as_string(), where);
}

void read_thresholds(const ConfigValue* section, Thresholds& thresholds) {
  if (section == nullptr || section->is_null()) return;
  const std::pair<const char*, double*> fields[] = {
      {"complaint", &thresholds.complaint},       {"question", &thresholds.question}, {"praise", &thresholds.praise},
      {"compensation", &thresholds.compensation}, {"offtopic", &thresholds.offtopic}, {"spam", &thresholds.spam},
      {"offensive", &thresholds.offensive},       {"target", &thresholds.target},     {"persona", &thresholds.persona}};
  for (const auto& [name, slot] : fields) *slot = section->number_or(name, *slot);
}

// Without a `calendar` section: open at all hours, in the pipeline's zone
// (the promised times of acknowledgements are still local).
void read_calendar(const ConfigValue* section, const std::string& pipeline_time_zone, PlaybookConfig& result) {
  const bool given = section != nullptr && !section->is_null();
  OpeningHours hours;
  const auto* by_day = given ? section->find("hours") : nullptr;
  for (std::size_t day = 0; day < kWeekdays.size(); ++day) {
    const ConfigValue* text = by_day ? by_day->find(kWeekdays[day]) : nullptr;
    try {
      hours.days[day] = OpeningHours::parse_day(text && text->is_string() ? text->as_string() : "24h");
    } catch (const std::invalid_argument& error) {
      fail(std::string("'calendar.hours.") + kWeekdays[day] + "': " + error.what());
    }
  }
  const auto dates = given ? read_strings(section->find("holidays"), "calendar.holidays") : std::vector<std::string>{};
  const auto time_zone = given ? section->string_or("time_zone", pipeline_time_zone) : pipeline_time_zone;
  try {
    result.calendar = BusinessCalendar(time_zone, std::move(hours), std::set<std::string>(dates.begin(), dates.end()));
  } catch (const std::invalid_argument& error) {
    fail(std::string("'calendar': ") + error.what());
  }
}

void read_abuse(const ConfigValue* section, PlaybookConfig& result) {
  if (section == nullptr || section->is_null()) return;
  result.policy_link = section->string_or("policy_link", result.policy_link);
  result.warn_abuse = section->bool_or("warn", result.warn_abuse);
  result.hide_abuse = section->bool_or("hide", result.hide_abuse);
  result.ban_after_warnings = static_cast<int>(section->integer_or("ban_after_warnings", result.ban_after_warnings));
  result.ban_abuse_of_people_at_once = section->bool_or("ban_at_once_for_abuse_of_people", true);
  result.threats_to = section->string_or("threats_to", "");
  result.hide_spam = section->bool_or("hide_spam", result.hide_spam);
  result.delete_spam = section->bool_or("delete_spam", result.delete_spam);
}

void read_personas(const ConfigValue* section, PlaybookConfig& result) {
  if (section == nullptr || section->is_null()) return;
  for (const auto& [name, value] : section->as_map()) {
    if (!is_persona(name)) {
      fail("'personas' names '" + name + "'; expected one of meek, aggressive, high_roller, rip_off, chronic");
    }
    PersonaStrategy strategy;
    strategy.escalate_to = value.string_or("escalate_to", "");
    strategy.offer = value.string_or("offer", "");
    strategy.max_concessions = static_cast<int>(value.integer_or("max_concessions", strategy.offer.empty() ? 0 : 1));
    result.personas[name] = strategy;
  }
}

void read_escalation(const ConfigValue* section, PlaybookConfig& result) {
  if (section == nullptr || section->is_null()) return;
  for (std::size_t index = 0; index < section->as_list().size(); ++index) {
    const auto& entry = section->as_list()[index];
    const auto where = "escalation[" + std::to_string(index) + "]";
    EscalationRoute route;
    route.department = entry.string_or("department", "");
    if (route.department.empty()) fail("'" + where + ".department' is required");
    route.contact = entry.string_or("contact", "");
    if (const auto* title = entry.find("title"); title && !title->is_null()) {
      if (title->is_string()) {
        route.titles[""] = title->as_string();
      } else if (title->is_map()) {
        for (const auto& [lang, text] : title->as_map()) {
          if (!text.is_string()) fail("'" + where + ".title." + lang + "' must be a text");
          route.titles[lang] = text.as_string();
        }
      } else {
        fail("'" + where + ".title' must be a text or a map of language to text");
      }
    }
    route.topics = read_strings(entry.find("topics"), where + ".topics");
    route.keywords = read_strings(entry.find("keywords"), where + ".keywords");
    route.min_severity = entry.string_or("min_severity", "normal");
    if (route.min_severity != "normal" && route.min_severity != "high") {
      fail("'" + where + ".min_severity' must be normal or high, not '" + route.min_severity + "'");
    }
    if (route.topics.empty() && route.keywords.empty()) {
      fail("'" + where + "' needs topics or keywords, or it never matches");
    }
    result.escalation.push_back(std::move(route));
  }
}

/// A brand that rewrites a message in a language keeps its own voice there:
/// the built-in wordings of that message for the P16 portraits are dropped
/// in that language (the brand's text may carry a rule of its own, such as
/// "no account details in public"), unless the brand writes them too.
void drop_builtin_persona_wordings(const ConfigValue& section, MessageCatalog& catalog) {
  for (const auto& [message_name, by_language] : section.as_map()) {
    const auto& names = message_names();
    if (!by_language.is_map() || std::find(names.begin(), names.end(), message_name) == names.end()) continue;
    for (const auto& entry : by_language.as_map()) {
      for (const auto persona : kPersonas) catalog.erase(persona_message_name(message_name, persona), entry.first);
    }
  }
}

void read_templates(const ConfigValue* section, PlaybookConfig& result) {
  if (section == nullptr || section->is_null()) return;
  if (!section->is_map()) fail("'templates' must map a message to languages");
  drop_builtin_persona_wordings(*section, result.catalog);
  for (const auto& [message_name, by_language] : section->as_map()) {
    if (!by_language.is_map()) fail("'templates." + message_name + "' must map a language to a list of texts");
    for (const auto& [lang, variants] : by_language.as_map()) {
      const auto where = "templates." + message_name + "." + lang;
      std::vector<std::string> texts;
      if (variants.is_string()) {
        texts.push_back(variants.as_string());
      } else {
        texts = read_strings(&variants, where);
      }
      try {
        result.catalog.set(message_name, lang, std::move(texts));
      } catch (const std::invalid_argument& error) {
        fail("'" + where + "': " + error.what());
      }
    }
  }
}

}  // namespace

std::int64_t parse_duration(const std::string& text, const std::string& key) {
  if (text == "0" || text == "off") return 0;
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  const auto unit = text.substr(digits);
  std::int64_t scale = 0;
  if (unit == "s") scale = 1000;
  if (unit == "m" || unit == "min") scale = 60 * 1000;
  if (unit == "h") scale = 3600 * 1000;
  if (unit == "d") scale = 24LL * 3600 * 1000;
  if (unit == "w") scale = 7LL * 24 * 3600 * 1000;
  if (digits == 0 || digits > 6 || scale == 0) {
    fail("'" + key + "' is '" + text + "'; expected a duration such as 90s, 15m, 2h, 3d or 1w");
  }
  return std::stoll(text.substr(0, digits)) * scale;
}

ConfigSchema playbook_schema() {
  using namespace schema;
  auto unit = [](const char* name, double fallback, const char* what) {
    return number(name).range(0, 1).defaults(fallback).describe(what);
  };
  std::vector<ConfigField> days;
  for (const auto* day : kWeekdays) days.push_back(string(day).describe("e.g. 09:00-18:00, closed, 24h"));
  std::vector<ConfigField> persona_fields;
  for (const auto persona : kPersonas) {
    const std::string name(persona);
    persona_fields.push_back(
        object(name,
               {string("escalate_to").describe("department (escalation) for this portrait"),
                string("offer").describe("what may be offered, privately only"),
                integer("max_concessions").range(0, 100).describe("offers per customer before declining politely")})
            .describe(std::string("P16 strategy for ") + name));
  }
  return {
      string("brand").require().describe("the brand's name as customers know it ({brand} in texts)"),
      list("languages", string()).defaults(ConfigValue::List{"en"}).describe("P20: languages the brand answers in"),
      string("default_language").defaults("en").describe("P20: used when the customer's language is not answered"),
      object("thresholds", {unit("complaint", 0.5, "intent.complaint"), unit("question", 0.5, "intent.question"),
                            unit("praise", 0.6, "intent.praise"), unit("compensation", 0.5, "intent.compensation"),
                            unit("offtopic", 0.6, "intent.offtopic"), unit("spam", 0.7, "intent.spam"),
                            unit("offensive", 0.6, "toxicity.offensive"),
                            unit("target", 0.5, "abuse.target.staff|community: abuse aimed at people"),
                            unit("persona", 0.5, "persona.* (P16)"),
                            unit("unplaced_negative", 0.6,
                                 "sentiment.negative of a comment nothing else placed: notify a person (P1)")})
          .describe("label scores that count"),
      object("calendar",
             {string("time_zone").describe("IANA time zone, e.g. Europe/Athens; default: the pipeline's `timezone`"),
              object("hours", std::move(days)).describe("opening hours per weekday; default 24h"),
              list("holidays", string()).describe("closed dates, YYYY-MM-DD")})
          .describe("P2: when the first-response clock runs"),
      string("first_response").defaults("1h").describe("P2: first-response SLA, in open time"),
      string("full_answer").defaults("24h").describe("P2: when the acknowledgement promises a full answer"),
      boolean("acknowledge_publicly").defaults(true).describe("P2: a short public acknowledgement of a complaint"),
      boolean("move_private").defaults(true).describe("P4: continue a complaint in private"),
      object("questions", {string("community_window").defaults("0").describe("P7: wait this long for the community"),
                           boolean("answer").defaults(true).describe("answer questions at all")})
          .describe("questions (not complaints)"),
      boolean("thank_praise").defaults(true).describe("thank people who praise the brand, once per conversation"),
      object("abuse", {string("policy_link").describe("P8: the community policy warnings link to"),
                       boolean("warn").defaults(true).describe("P8: warn abusive authors"),
                       boolean("hide").defaults(true).describe("hide abusive comments"),
                       integer("ban_after_warnings")
                           .range(0, 100)
                           .defaults(std::int64_t{2})
                           .describe("P8: ban after this many warnings"),
                       boolean("ban_at_once_for_abuse_of_people")
                           .defaults(true)
                           .describe("P8: ban at once for abuse aimed at staff or community"),
                       string("threats_to")
                           .describe("department (escalation) that threats go to; default: notify the community team"),
                       boolean("hide_spam").defaults(true).describe("hide spam"),
                       boolean("delete_spam").defaults(false).describe("P9: propose delete for spam")})
          .describe("P8/P9"),
      boolean("ignore_offtopic").defaults(true).describe("P18: leave off-topic rants unanswered (audited)"),
      boolean("resolved_note").defaults(true).describe("P6: public note when a case is resolved"),
      boolean("request_removal").defaults(false).describe("P5: ask privately whether the post may be removed"),
      string("follow_up").defaults("3d").describe("P14: follow up this long after taking a complaint private; 0 = off"),
      object("personas", std::move(persona_fields)).describe("P16: a strategy per portrait"),
      list("escalation", object("", {string("department").require(),
                                     any("title").describe("how replies name the team: a text, or language -> text"),
                                     string("contact"), list("topics", string()).describe("complaint themes, * = any"),
                                     list("keywords", string()).describe("words in the text, any language"),
                                     string("min_severity").one_of({"normal", "high"}).defaults("normal")}))
          .describe("P12: escalation directory, first match wins"),
      map("knowledge_base", string()).describe("P13: theme -> link cited in replies; 'default' for any theme"),
      list("banned_phrases", string()).describe("P3/P19: corporate boilerplate never to send"),
      map("templates", any()).describe("message -> language -> texts, replacing the built-in ones (TEMPLATES.md)"),
  };
}

PlaybookConfig parse_playbook_config(const ConfigValue& config, const std::string& pipeline_time_zone) {
  PlaybookConfig result;
  if (!config.is_map()) fail("the config must be a map with at least 'brand'");
  result.brand = config.string_or("brand", "");
  if (result.brand.empty()) fail("'brand' is required");
  if (const auto* languages = config.find("languages"); languages && !languages->is_null()) {
    result.languages.clear();
    for (auto& lang : read_strings(languages, "languages")) result.languages.push_back(lower_ascii(lang));
  }
  result.default_language = lower_ascii(config.string_or("default_language", result.default_language));
  if (std::find(result.languages.begin(), result.languages.end(), result.default_language) == result.languages.end()) {
    fail("'default_language' " + result.default_language + " is not in 'languages'");
  }
  read_thresholds(config.find("thresholds"), result.thresholds);
  read_calendar(config.find("calendar"), pipeline_time_zone, result);
  result.first_response_ms = duration_or(config, "first_response", "first_response", result.first_response_ms);
  result.full_answer_ms = duration_or(config, "full_answer", "full_answer", result.full_answer_ms);
  result.acknowledge_publicly = config.bool_or("acknowledge_publicly", result.acknowledge_publicly);
  result.move_private = config.bool_or("move_private", result.move_private);
  if (const auto* questions = config.find("questions"); questions && questions->is_map()) {
    result.community_window_ms = duration_or(*questions, "community_window", "questions.community_window", 0);
    result.answer_questions = questions->bool_or("answer", true);
  }
  result.thank_praise = config.bool_or("thank_praise", result.thank_praise);
  read_abuse(config.find("abuse"), result);
  result.ignore_offtopic = config.bool_or("ignore_offtopic", result.ignore_offtopic);
  result.resolved_note = config.bool_or("resolved_note", result.resolved_note);
  result.request_removal = config.bool_or("request_removal", result.request_removal);
  result.follow_up_ms = duration_or(config, "follow_up", "follow_up", result.follow_up_ms);
  read_personas(config.find("personas"), result);
  read_escalation(config.find("escalation"), result);
  if (const auto* links = config.find("knowledge_base"); links && links->is_map()) {
    for (const auto& [theme, link] : links->as_map()) {
      if (!link.is_string()) fail("'knowledge_base." + theme + "' must be a link");
      result.knowledge_base[theme] = link.as_string();
    }
  }
  result.banned_phrases = read_strings(config.find("banned_phrases"), "banned_phrases");
  const auto check_department = [&](const std::string& department, const std::string& key) {
    const bool known = std::any_of(result.escalation.begin(), result.escalation.end(),
                                   [&](const EscalationRoute& route) { return route.department == department; });
    if (!department.empty() && !known) fail("'" + key + "' names '" + department + "', not in 'escalation'");
  };
  for (const auto& [name, strategy] : result.personas)
    check_department(strategy.escalate_to, "personas." + name + ".escalate_to");
  check_department(result.threats_to, "abuse.threats_to");
  read_templates(config.find("templates"), result);
  return result;
}

}  // namespace parley::playbook
