#include "playbook_responder.hpp"

#include <algorithm>
#include <cstdio>

#include "addressees.hpp"
#include "greek_vocative.hpp"

namespace parley::playbook {

struct PlaybookResponder::Turn {
  const Event& event;
  const Labels& labels;
  const CaseView& case_view;
  std::vector<Action>& proposals;
  std::string customer_lang;  ///< P20: what the customer wrote in
  std::string persona;        ///< P16 portrait, or empty
  std::int64_t now = 0;
  std::map<std::string, std::string> facts;  ///< placeholders for texts
  /// A direct message or another private conversation: every reply stays in
  /// it, and nothing of it is said in public (P4 is met already).
  bool in_private = false;
};

namespace {

std::string score_text(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

std::string label_note(const Labels& labels, const std::string& name) {
  return name + " " + score_text(labels.score(name));
}

/// What to call the customer: the first word of the display name, else the handle.
/// "@sam_k, @ola": the handles as the comment wrote them.
std::string join_handles(const std::vector<std::string>& handles) {
  std::string text;
  for (const auto& handle : handles) text += (text.empty() ? "@" : ", @") + handle;
  return text;
}

std::string first_name(const Author& author) {
  auto name = author.display_name;
  if (name.empty()) name = author.handle;
  if (!name.empty() && name.front() == '@') name.erase(0, 1);
  return name.substr(0, name.find(' '));
}

std::string duration_text(std::int64_t ms) {
  const auto minutes = ms / 60000;
  if (minutes >= 2 * 24 * 60 && minutes % (24 * 60) == 0) return std::to_string(minutes / (24 * 60)) + "d";
  if (minutes >= 120 && minutes % 60 == 0) return std::to_string(minutes / 60) + "h";
  if (minutes >= 60) return std::to_string(minutes / 60) + "h" + std::to_string(minutes % 60) + "m";
  return std::to_string(minutes) + "m";
}

int metadata_int(const Event& event, const std::string& key) {
  const auto found = event.metadata.find(key);
  if (found == event.metadata.end()) return 0;
  try {
    return std::stoi(found->second);
  } catch (const std::exception&) {
    return 0;
  }
}

std::string metadata_text(const Event& event, const std::string& key) {
  const auto found = event.metadata.find(key);
  return found == event.metadata.end() ? std::string() : found->second;
}

/// How texts in `lang` name the team of `route`; empty drops the placeholder.
std::string department_title(const EscalationRoute& route, const std::string& lang) {
  if (auto found = route.titles.find(lang); found != route.titles.end()) return found->second;
  if (auto any = route.titles.find(""); any != route.titles.end()) return any->second;
  return {};
}

bool answered(const CaseView& case_view) {
  return case_view.first_response_at != 0 || case_view.status != "new" ||
         std::any_of(case_view.last_actions.begin(), case_view.last_actions.end(),
                     [](const std::string& kind) { return kind == "reply_public" || kind == "reply_private"; });
}

}  // namespace

PlaybookResponder::PlaybookResponder(const ConfigValue& config, PluginContext& context)
    : config_(parse_playbook_config(config, context.time_zone())),
      context_(context),
      writer_(config_, context),
      router_(config_.escalation) {
  check_catalog_covers(config_);
  if (!config_.acknowledge_publicly && !config_.move_private) {
    throw std::invalid_argument(
        "playbook: 'acknowledge_publicly' and 'move_private' are both false, so complaints would go unanswered "
        "(P1); keep at least one");
  }
}

void PlaybookResponder::respond(const Event& event, const Labels& labels, const CaseView& case_view,
                                std::vector<Action>& proposals) {
  if (event.author.is_brand) return;  // the brand's own posts and replies
  Turn turn{event, labels, case_view, proposals, {}, {}, context_.now_ms(), {}};
  // A case update (P6) speaks of the case's first comment, which may be public.
  turn.in_private = (event.kind == EventKind::direct_message || event.visibility == Visibility::private_message) &&
                    metadata_text(event, "case.update").empty();
  turn.customer_lang = labels.attribute("lang");
  // "und": the language classifier could not tell (an empty or emoji-only
  // text); the platform's or CRM's own language is then the better guess.
  if (turn.customer_lang.empty() || turn.customer_lang == "und") turn.customer_lang = event.lang;
  const auto& persona = labels.attribute("persona");
  if (!persona.empty() && labels.score("persona." + persona) >= config_.thresholds.persona) turn.persona = persona;
  auto name = first_name(event.author);
  if (writer_.reply_language(turn.customer_lang) == "el") name = greek_vocative(name);
  turn.facts = {{"name", std::move(name)}, {"brand", config_.brand}, {"policy_link", config_.policy_link}};
  const auto& theme = labels.attribute("theme");
  if (auto link = config_.knowledge_base.find(theme); link != config_.knowledge_base.end()) {
    turn.facts["kb_link"] = link->second;
  } else if (auto fallback = config_.knowledge_base.find("default"); fallback != config_.knowledge_base.end()) {
    turn.facts["kb_link"] = fallback->second;
  }

  if (case_view.author_banned) {
    act(turn, ActionKind::ignore, "P8", "the author is banned; their posts are not answered");
    return;
  }
  if (event.kind == EventKind::timer) return on_timer(turn);
  const auto update = metadata_text(event, "case.update");
  if (update == "resolved") return on_resolved(turn);
  if (update == "closed") {
    act(turn, ActionKind::label, "P1.closed", "the case was closed (" + event.id + ")", {{"case_status", "closed"}});
    return;
  }

  const auto& thresholds = config_.thresholds;
  const bool complaint = labels.score("intent.complaint") >= thresholds.complaint ||
                         labels.score("intent.compensation") >= thresholds.compensation;
  // A complaint names something of the business (a theme other than "other");
  // anger alone makes rants and insults look like complaints too.
  const bool about_business = !theme.empty() && theme != "other";
  if (labels.score("intent.spam") >= thresholds.spam && !complaint) return on_spam(turn);
  if (strong(labels, "toxicity.offensive")) {
    // A threat to the brand's account is a threat to the people behind it.
    const bool aimed_at_people = aimed_at(labels, "abuse.target.staff") || aimed_at(labels, "abuse.target.community") ||
                                 (strong(labels, "toxicity.threat") && aimed_at(labels, "abuse.target.brand"));
    const bool hateful =
        strong(labels, "toxicity.hate") || strong(labels, "toxicity.threat") || strong(labels, "toxicity.harassment");
    const bool insulting = strong(labels, "toxicity.insult");
    // P8: a ban at once is for obscenity or racism aimed at people; a profane
    // complaint about the business is still a complaint (P16.aggressive).
    if (aimed_at_people && (hateful || (insulting && strong(labels, "toxicity.profanity")))) {
      return on_abuse(turn, true);
    }
    const bool business_complaint = complaint && about_business;
    if (!business_complaint || hateful || (aimed_at_people && insulting)) return on_abuse(turn, false);
  }
  // P18: a rant about politics or conspiracies is not a complaint, however
  // angry; it stays one when the business is what it is mostly about.
  const auto offtopic = labels.score("intent.offtopic");
  if (offtopic >= thresholds.offtopic && (!about_business || offtopic >= labels.score("intent.complaint"))) {
    act(turn, ActionKind::ignore, "P18",
        "off-topic (" + label_note(labels, "intent.offtopic") + "); not about the business, left unanswered");
    return;
  }
  if (complaint) return on_complaint(turn);
  if (labels.score("intent.question") >= thresholds.question) return on_question(turn);
  if (labels.score("intent.praise") >= thresholds.praise) {
    if (config_.thank_praise && !answered(case_view)) {
      say(turn, ActionKind::reply_public, message::thanks, "P10.thanks",
          "praise (" + label_note(labels, "intent.praise") + ") is thanked once per conversation");
    }
    return;
  }
  // P1: an unhappy comment the classifiers could not place may still be a
  // complaint; a person looks at it rather than nobody.
  if (labels.score("sentiment.negative") >= thresholds.unplaced_negative) {
    act(turn, ActionKind::notify, "P1.unplaced",
        "a negative comment (" + label_note(labels, "sentiment.negative") +
            ") that is neither a complaint, a question nor abuse by the labels; a person decides",
        {{"team", "community"}});
  }
}

std::optional<std::vector<ActionKind>> PlaybookResponder::possible_actions() const {
  const auto& c = config_;
  const auto possible = [&c](ActionKind kind) {
    switch (kind) {
      case ActionKind::reply_public:
        return c.acknowledge_publicly || c.answer_questions || c.thank_praise || c.resolved_note;
      case ActionKind::hide: return c.hide_spam || c.hide_abuse;
      case ActionKind::delete_event: return c.delete_spam;
      case ActionKind::warn: return c.warn_abuse;
      case ActionKind::escalate: return !c.escalation.empty();
      case ActionKind::follow_up: return c.follow_up_ms > 0 || c.community_window_ms > 0;
      case ActionKind::request_removal: return c.request_removal;
      case ActionKind::unhide:
      case ActionKind::assign: return false;
      // Always: private replies (P4, P14, P16), notes to people (P1, P2, P3),
      // ignore and label (audited decisions), ban (P8's last step).
      case ActionKind::reply_private:
      case ActionKind::ban:
      case ActionKind::notify:
      case ActionKind::label:
      case ActionKind::ignore: return true;
    }
    return true;
  };
  std::vector<ActionKind> kinds;
  for (const auto kind : kAllActionKinds) {
    if (possible(kind)) kinds.push_back(kind);
  }
  return kinds;
}

void PlaybookResponder::on_timer(Turn& turn) {
  const auto purpose = metadata_text(turn.event, "timer.purpose");
  const auto& status = turn.case_view.status;
  if (purpose == "community_window") {
    const int replies = metadata_int(turn.event, "thread.replies_since");
    const int brand_replies = metadata_int(turn.event, "thread.brand_replies_since");
    if (replies > 0 || brand_replies > 0) {
      act(turn, ActionKind::ignore, "P7",
          "the community answered the question within the window (" + std::to_string(replies) +
              " replies from others, " + std::to_string(brand_replies) + " from the brand)");
      return;
    }
    say(turn, ActionKind::reply_public, message::answer_question, "P7",
        "nobody answered the question within " + duration_text(config_.community_window_ms) +
            ", so the brand answers (P13: with a link where the brand has one)");
    return;
  }
  if (purpose == "follow_up") {
    if (status == "banned" || status == "closed" || status == "followed_up") {
      act(turn, ActionKind::ignore, "P14", "the follow-up is not sent: the case is " + status);
      return;
    }
    say(turn, ActionKind::reply_private, message::follow_up, "P14",
        "a follow-up " + duration_text(config_.follow_up_ms) + " later, to make sure the need was fully met",
        {{"case_status", "followed_up"}});
  }
}

void PlaybookResponder::on_resolved(Turn& turn) {
  const auto origin = turn.case_view.origin_event_id;
  if (config_.resolved_note) {
    auto before = turn.proposals.size();
    say(turn, ActionKind::reply_public, message::resolved_note, "P6",
        "the case was resolved; a public note under the original comment says so", {{"case_status", "resolved"}});
    if (turn.proposals.size() > before && !origin.empty()) turn.proposals.back().target_event_id = origin;
  } else {
    act(turn, ActionKind::label, "P6", "the case was resolved (no public note: resolved_note is off)",
        {{"case_status", "resolved"}});
  }
  if (config_.request_removal) {
    auto before = turn.proposals.size();
    say(turn, ActionKind::request_removal, message::removal_request, "P5",
        "the brand asks, politely and never automatically without consent, whether the post may be removed");
    if (turn.proposals.size() > before && !origin.empty()) turn.proposals.back().target_event_id = origin;
  }
  if (config_.follow_up_ms > 0 && turn.case_view.open_timers == 0) {
    act(turn, ActionKind::follow_up, "P14",
        "follow up " + duration_text(config_.follow_up_ms) + " after the resolution",
        {{"after", duration_text(config_.follow_up_ms)}, {"purpose", "follow_up"}});
  }
}

void PlaybookResponder::on_spam(Turn& turn) {
  const auto why = label_note(turn.labels, "intent.spam");
  if (turn.in_private) {
    act(turn, ActionKind::ignore, "P9.spam",
        "spam (" + why + ") in a private message: nobody else sees it, so nothing is hidden or deleted");
    return;
  }
  if (config_.delete_spam) {
    act(turn, ActionKind::delete_event, "P9.spam",
        "spam (" + why + ") may be deleted: the brand allows it for spam; the guard decides");
  }
  if (config_.hide_spam) {
    act(turn, ActionKind::hide, "P9.spam", "spam (" + why + ") is hidden, not deleted (P9)");
  } else if (!config_.delete_spam) {
    act(turn, ActionKind::ignore, "P9.spam", "spam (" + why + ") is left alone: hide_spam and delete_spam are off");
  }
}

void PlaybookResponder::on_abuse(Turn& turn, bool obscene_or_hateful_at_people) {
  moderate_abuse(turn, obscene_or_hateful_at_people);
  // A threat is also a person's business, whatever the moderation (safety;
  // reporting it to the platform or the police is theirs to decide).
  if (strong(turn.labels, "toxicity.threat")) refer_threat(turn);
}

void PlaybookResponder::moderate_abuse(Turn& turn, bool obscene_or_hateful_at_people) {
  const auto& labels = turn.labels;
  const auto why = label_note(labels, "toxicity.offensive");
  const int warnings = turn.case_view.author_warnings;
  // A private message is seen by nobody else: there is nothing to hide.
  const bool can_hide = config_.hide_abuse && !turn.in_private;
  auto hide = [&] {
    if (can_hide) act(turn, ActionKind::hide, "P8.hide", "abusive comment (" + why + ") hidden (P9: not deleted)");
  };
  if (obscene_or_hateful_at_people && config_.ban_abuse_of_people_at_once) {
    const auto target = aimed_at(labels, "abuse.target.staff")       ? "staff"
                        : aimed_at(labels, "abuse.target.community") ? "the community"
                                                                     : "the brand's people";
    // Named as what it is: the person reviewing the ban reads this first.
    const char* what = strong(labels, "toxicity.threat")       ? "a threat"
                       : strong(labels, "toxicity.hate")       ? "hateful abuse"
                       : strong(labels, "toxicity.harassment") ? "harassment"
                                                               : "an obscene insult";
    act(turn, ActionKind::ban, "P8.ban_at_once",
        std::string(what) + " aimed at " + target + " (" + why + ") is banned at once; policy.ban.for decides");
    hide();
    return;
  }
  if (warnings >= config_.ban_after_warnings) {
    act(turn, ActionKind::ban, "P8.ban",
        "still abusive (" + why + ") after " + std::to_string(warnings) + " warning(s); ban as the last resort");
    hide();
    return;
  }
  if (config_.warn_abuse) {
    say(turn, ActionKind::warn, message::warning, "P8.warn",
        "abusive (" + why + "); warning " + std::to_string(warnings + 1) + " of " +
            std::to_string(config_.ban_after_warnings) + " before a ban, with the community policy");
    hide();
    return;
  }
  hide();
  if (!can_hide) {
    act(turn, ActionKind::ignore, "P8",
        "abusive (" + why + "); " +
            (turn.in_private ? "a private message and warnings are off" : "warn and hide are off"));
  }
}

void PlaybookResponder::on_complaint(Turn& turn) {
  if (!answered(turn.case_view)) return on_first_complaint(turn);
  // The customer wrote again in a conversation the brand already answered:
  // no second public acknowledgement (no double reply); a person continues.
  auto reason = "the customer wrote again in an answered case (" + turn.case_view.status +
                "); a person continues the conversation in private";
  std::map<std::string, std::string> params = {{"team", "community"}};
  if (turn.case_view.status == "awaiting_customer") params["case_status"] = "private";
  act(turn, ActionKind::notify, "P1.again", std::move(reason), std::move(params));
  if (turn.labels.score("intent.compensation") >= config_.thresholds.compensation || turn.persona == "rip_off") {
    offer_or_decline(turn);
  }
}

void PlaybookResponder::on_first_complaint(Turn& turn) {
  const auto& labels = turn.labels;
  const auto& theme = labels.attribute("theme");
  const auto persona_note = turn.persona.empty() ? std::string() : "; P16." + turn.persona;
  const auto eta = config_.calendar.add_open_time(turn.now, config_.full_answer_ms);
  turn.facts["eta"] = config_.calendar.promise_text(turn.now, eta, writer_.reply_language(turn.customer_lang));
  if (!theme.empty()) turn.facts["theme"] = theme;

  check_first_response_time(turn);
  const auto severity =
      labels.score("toxicity.threat") >= 0.5 || labels.score("anger") >= 0.8 || turn.persona == "high_roller"
          ? "high"
          : "normal";
  std::string why;
  std::string escalation_rule = "P12";
  const auto* route = router_.route(theme, turn.event.text, severity, why);
  if (route != nullptr) {
    why += ", severity " + std::string(severity);
  } else if (auto strategy = config_.personas.find(turn.persona);
             strategy != config_.personas.end() && !strategy->second.escalate_to.empty()) {
    route = router_.find(strategy->second.escalate_to);
    escalation_rule = "P16." + turn.persona;
    why = "the brand's strategy for this portrait";
  }
  if (route != nullptr) turn.facts["department"] = department_title(*route, writer_.reply_language(turn.customer_lang));

  const auto complaint_note = "a complaint (" + label_note(labels, "intent.complaint") +
                              (theme.empty() ? std::string() : ", theme " + theme) + ")";
  if (turn.in_private) {
    // One answer where the customer wrote: no public acknowledgement of a
    // private message, and no "let's move to private" either.
    if (route != nullptr) {
      say(turn, ActionKind::reply_private, message::escalated, "P4",
          complaint_note + " in a private message is answered there; P12: the " + route->department +
              " team takes over" + persona_note,
          {{"case_status", "awaiting_customer"}});
    } else {
      say(turn, ActionKind::reply_private, message::acknowledge, "P2",
          complaint_note + " in a private message is acknowledged there, saying when a full answer comes (P1)" +
              persona_note,
          {{"case_status", "awaiting_customer"}});
    }
  } else if (config_.acknowledge_publicly) {
    say(turn, ActionKind::reply_public, message::acknowledge, "P2",
        complaint_note + " gets a short public acknowledgement that says when a full answer comes (P1)" + persona_note);
  }
  if (config_.move_private && !turn.in_private) {
    const auto where = std::string(config_.acknowledge_publicly ? " after the public acknowledgement"
                                                                : " (the brand answers complaints only in private)");
    if (route != nullptr) {
      say(turn, ActionKind::reply_private, message::escalated, "P4",
          "the conversation continues in private" + where + "; P12: the " + route->department + " team takes over" +
              persona_note,
          {{"case_status", "awaiting_customer"}});
    } else {
      say(turn, ActionKind::reply_private, message::move_private, "P4",
          "the conversation continues in private" + where + persona_note, {{"case_status", "awaiting_customer"}});
    }
  }

  if (labels.score("intent.compensation") >= config_.thresholds.compensation || turn.persona == "rip_off" ||
      (!turn.persona.empty() && config_.personas.count(turn.persona) &&
       !config_.personas.at(turn.persona).offer.empty())) {
    offer_or_decline(turn);
  }
  if (route != nullptr) escalate(turn, *route, escalation_rule, why);

  if (config_.follow_up_ms > 0 && (config_.move_private || turn.in_private) && turn.case_view.open_timers == 0) {
    act(turn, ActionKind::follow_up, "P14",
        "follow up " + duration_text(config_.follow_up_ms) + " later to make sure the need was fully met",
        {{"after", duration_text(config_.follow_up_ms)}, {"purpose", "follow_up"}});
  }
}

void PlaybookResponder::offer_or_decline(Turn& turn) {
  const auto persona = turn.persona.empty() ? std::string("rip_off") : turn.persona;
  const auto found = config_.personas.find(persona);
  const bool rip_off =
      persona == "rip_off" || turn.labels.score("intent.compensation") >= config_.thresholds.compensation;
  if (found != config_.personas.end() && !found->second.offer.empty() &&
      turn.case_view.author_concessions < found->second.max_concessions) {
    turn.facts["offer"] = found->second.offer;
    say(turn, ActionKind::reply_private, message::offer, "P16." + persona,
        "a concession within the brand's limit (" + std::to_string(turn.case_view.author_concessions + 1) + " of " +
            std::to_string(found->second.max_concessions) + "), privately only (P4)",
        {{"offer", found->second.offer}});
    return;
  }
  if (!rip_off) return;
  const auto limit = found == config_.personas.end() ? 0 : found->second.max_concessions;
  say(turn, ActionKind::reply_private, message::decline_offer, "P16.rip_off",
      "compensation asked for; the brand's limit of " + std::to_string(limit) +
          " concession(s) is reached, so the fix is offered instead, privately");
}

void PlaybookResponder::escalate(Turn& turn, const EscalationRoute& route, const std::string& rule,
                                 const std::string& why) {
  std::map<std::string, std::string> params = {{"department", route.department}};
  if (!route.contact.empty()) params["contact"] = route.contact;
  const auto& theme = turn.labels.attribute("theme");
  if (!theme.empty()) params["topic"] = theme;
  act(turn, ActionKind::escalate, rule, "escalated to " + route.department + " (" + why + "; P12)", std::move(params));
}

void PlaybookResponder::refer_threat(Turn& turn) {
  const auto why = "a threat (" + label_note(turn.labels, "toxicity.threat") + ")";
  if (const auto* route = router_.find(config_.threats_to); route != nullptr) {
    escalate(turn, *route, "P8.threat", why);
    return;
  }
  act(turn, ActionKind::notify, "P8.threat", why + ": a person reviews it and decides whether to report it",
      {{"team", "community"}});
}

void PlaybookResponder::check_first_response_time(Turn& turn) {
  if (turn.event.created_at <= 0) return;
  const auto waited = config_.calendar.open_time_between(turn.event.created_at, turn.now);
  if (waited <= config_.first_response_ms) return;
  act(turn, ActionKind::notify, "P2.sla_breach",
      "the first response comes " + duration_text(waited) + " (open time) after the comment; the SLA is " +
          duration_text(config_.first_response_ms),
      {{"sla", duration_text(config_.first_response_ms)}, {"waited", duration_text(waited)}, {"team", "community"}});
}

void PlaybookResponder::on_question(Turn& turn) {
  if (answered(turn.case_view) || !config_.answer_questions) return;
  // P7: a question that tags other people and not the brand is theirs to
  // answer (a friend asked along to brunch); not the brand's.
  const auto handles = mentioned_handles(turn.event.text);
  if (!turn.in_private && tags_only_others(handles, turn.event.account, config_.brand)) {
    act(turn, ActionKind::ignore, "P7",
        "a question to other people (" + join_handles(handles) + "), not to the brand; theirs to answer");
    return;
  }
  if (config_.community_window_ms > 0 && !turn.in_private) {  // no community reads a private message
    act(turn, ActionKind::follow_up, "P7",
        "a question; the community gets " + duration_text(config_.community_window_ms) +
            " to answer before the brand does",
        {{"after", duration_text(config_.community_window_ms)}, {"purpose", "community_window"}});
    return;
  }
  say(turn, ActionKind::reply_public, message::answer_question, "P13",
      "a question (" + label_note(turn.labels, "intent.question") +
          ") is answered (P13: with a link where the brand "
          "has one)");
}

void PlaybookResponder::say(Turn& turn, ActionKind kind, std::string_view message_name, const std::string& rule,
                            std::string reason, std::map<std::string, std::string> params) {
  if (kind == ActionKind::reply_public && turn.in_private) {
    kind = ActionKind::reply_private;
    reason += "; in private: the customer wrote a private message";
  }
  // P16: the portrait's own wording ("acknowledge.aggressive") where the
  // catalog has one in the reply's language; the variant memory and the tone
  // check then work on the message actually used.
  const auto used = config_.catalog.wording_for(message_name, turn.persona, writer_.reply_language(turn.customer_lang));
  const auto reply = writer_.write(used, turn.customer_lang, turn.event.account, turn.event.id + rule, turn.facts);
  if (!reply.problems.empty()) {
    std::string found;
    for (const auto& problem : reply.problems) {
      found += (found.empty() ? "" : ", ") + ("\"" + problem.phrase + "\" (" + problem.kind + ")");
    }
    act(turn, ActionKind::notify, "P3.tone",
        "the " + used + " reply for " + rule + " was held back by the tone check: " + found +
            "; a person should write it",
        {{"team", "community"}, {"held_back", used}});
    return;
  }
  if (used != message_name) reason += "; P16." + turn.persona + " wording (" + used + ")";
  if (reply.fell_back) {
    reason += "; P20: written in " + reply.lang + ", the brand's default, because the customer wrote in " +
              (turn.customer_lang.empty() ? std::string("an unknown language") : turn.customer_lang) +
              ", which the brand does not answer in";
  } else {
    reason += "; P20: in " + reply.lang;
  }
  params["lang"] = reply.lang;
  Action action;
  action.kind = kind;
  action.text = reply.text;
  action.params = std::move(params);
  action.reason = std::move(reason);
  action.rule_id = rule;
  turn.proposals.push_back(std::move(action));
}

void PlaybookResponder::act(Turn& turn, ActionKind kind, const std::string& rule, std::string reason,
                            std::map<std::string, std::string> params) {
  Action action;
  action.kind = kind;
  action.params = std::move(params);
  action.reason = std::move(reason);
  action.rule_id = rule;
  turn.proposals.push_back(std::move(action));
}

bool PlaybookResponder::strong(const parley::Labels& labels, const char* label) const {
  return labels.score(label) >= config_.thresholds.offensive;
}

bool PlaybookResponder::aimed_at(const parley::Labels& labels, const char* label) const {
  return labels.score(label) >= config_.thresholds.target;
}

}  // namespace parley::playbook
