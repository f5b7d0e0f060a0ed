#include "intent_classifier.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>

#include "cue_list.hpp"
#include "embedded_file.hpp"
#include "handle_key.hpp"
#include "handle_span.hpp"
#include "quoted_spans.hpp"
#include "rating.hpp"

// The built-in cue lists, compiled in by parley_embed_text() (CMakeLists.txt).
std::span<const parley::text::EmbeddedFile> intent_default_cues();

namespace parley::intent {

namespace {

constexpr std::string_view kSignalNames[kSignalCount] = {
    "complaint", "problem",  "negative", "hint",    "question",  "praise",   "compensation", "offtopic",
    "spam",      "promo",    "instead",  "ordered", "received",  "resolved", "duration",     "procedure",
    "asking",    "waiting",  "minutes",  "short",   "give_back", "money",    "personal",     "public",
    "yours",     "where_is", "where",    "parcel",  "owed",      "neutral",  "verify",
};

/// Weight per word of an `[about.<theme>]` cue: what a complaint is about
/// ("order", "app", "flight") counts half as much as what went wrong with it
/// ("late", "crashes", "wrong size") in `[theme.<theme>]`.
constexpr float kAboutWeight = 0.5F;
/// What a complaint is about adds at most this to a theme, less than one
/// word of what went wrong: "the courier threw the parcel, the TV is
/// cracked" is `quality`, however many delivery words it has.
constexpr float kAboutCap = 0.75F;

/// Evidence strength -> score in [0,1): 1 - e^(-k x). Saturates, never jumps.
double squash(double evidence, double k) { return evidence <= 0 ? 0.0 : 1.0 - std::exp(-k * evidence); }

/// Counts beyond a few say little more ("late late late").
double capped(std::uint32_t count, std::uint32_t cap) { return static_cast<double>(std::min(count, cap)); }

bool ascii_iequals(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char ch = text[at + i];
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ch != word[i]) return false;
  }
  return true;
}

/// Skips leading "@handle" mentions and "RT", so that "@brand how do I ..."
/// starts at "how".
std::string_view skip_leading_handles(std::string_view text) {
  while (true) {
    std::size_t at = 0;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
    if (at < text.size() && text[at] == '@') {
      const std::size_t end = text::handle_end(text, at + 1, true);  // any script: "@Игорь_К"
      if (end == at + 1) return text.substr(at);
      text = text.substr(end);
    } else if (ascii_iequals(text, at, "rt ")) {
      text = text.substr(at + 3);
    } else {
      return text.substr(at);
    }
  }
}

/// The leading "@handle" mentions (and "RT") of `text`: whom the post speaks to.
std::string_view leading_handles(std::string_view text) {
  return text.substr(0, text.size() - skip_leading_handles(text).size());
}

/// Customer-care accounts are named for what they do ("@AmazonHelp",
/// "@AskPlayStation", "@Uber_Support", "@KenyaPower_Care"): people write to
/// them when something is wrong far more often than to other accounts.
bool speaks_to_customer_care(std::string_view lead) {
  for (std::size_t at = 0; at < lead.size(); ++at) {
    for (std::string_view word : {"help", "support", "care", "service", "@ask"}) {
      if (ascii_iequals(lead, at, word)) return true;
    }
  }
  return false;
}

/// A theme cue found in a text: where it starts, how many words it has.
struct ThemeMatch {
  std::size_t start = 0;
  std::uint32_t words = 1;
  std::uint32_t theme = 0;
  float weight = 0.0F;
};

/// Adds each theme cue's weight, except a cue inside a longer phrase of
/// another theme: "still waiting for a reply" (rude_staff: no answer) holds
/// "still waiting" and "waiting for" (late_delivery), and says which it is.
void add_theme_weights(const std::vector<ThemeMatch>& matches, Evidence& evidence) {
  for (const auto& match : matches) {
    const bool inside_longer = std::any_of(matches.begin(), matches.end(), [&](const ThemeMatch& other) {
      return other.theme != match.theme && other.words > match.words && other.start <= match.start &&
             match.start + match.words <= other.start + other.words;
    });
    if (!inside_longer) evidence.theme_weight[match.theme] += match.weight;
  }
}

/// A post that answers another commenter, not the brand: the connector says
/// so (`metadata["parent.author"]` = `other`), or the post starts with
/// @handles none of which is the brand's account (its letters and digits
/// start with the account's: "@nordic_coffee_help" for "nordic-coffee", as
/// toxicity compares brand handles) or a customer-care account.
bool answers_another_commenter(const parley::Event& event) {
  if (const auto parent = event.metadata.find("parent.author"); parent != event.metadata.end()) {
    return parent->second == "other";
  }
  const auto lead = leading_handles(event.text);
  const auto account = text::handle_key(event.account);
  if (account.empty() || lead.empty() || speaks_to_customer_care(lead)) return false;
  bool any_handle = false;
  for (std::size_t at = lead.find('@'); at != std::string_view::npos; at = lead.find('@', at + 1)) {
    const auto end = text::handle_end(lead, at + 1, true);
    const auto key = text::handle_key(lead.substr(at + 1, end - at - 1));
    // A name in another script has no key: cannot tell, so not another's.
    if (key.empty() || text::is_brand_handle(key, account)) return false;
    any_handle = true;
  }
  return any_handle;
}

/// Greek letters (lead bytes 0xCE/0xCF), where ';' is the question mark.
bool has_greek(std::string_view text) {
  return text.find("\xCE") != std::string_view::npos || text.find("\xCF") != std::string_view::npos;
}

/// Question marks: ASCII ?, Arabic ؟ (U+061F), Greek ; (U+037E, and the ASCII
/// semicolon in Greek text, which is how Greek writes a question mark).
bool has_question_mark(std::string_view text) {
  if (text.find('?') != std::string_view::npos) return true;
  if (text.find("\xD8\x9F") != std::string_view::npos) return true;
  if (text.find("\xCD\xBE") != std::string_view::npos) return true;
  return has_greek(text) && text.find(';') != std::string_view::npos;
}

/// What one byte can be in has_statement().
enum class ByteRole : std::uint8_t { other, letter, stop, ask, semicolon, arabic_lead, greek_lead };

/// A table, so the scan costs one lookup per byte: ASCII letters and
/// digits, and the lead bytes of 2- and 3-byte UTF-8 sequences, are letters
/// (emoji, 4 bytes, are not); 0xD8 leads an Arabic letter or the Arabic
/// question mark (D8 9F), 0xCD a Greek letter or the Greek one (CD BE).
constexpr std::array<ByteRole, 256> make_byte_roles() {
  std::array<ByteRole, 256> roles{};
  for (int ch = '0'; ch <= '9'; ++ch) roles[ch] = ByteRole::letter;
  for (int ch = 'a'; ch <= 'z'; ++ch) roles[ch] = ByteRole::letter;
  for (int ch = 'A'; ch <= 'Z'; ++ch) roles[ch] = ByteRole::letter;
  for (int ch = 0xC2; ch <= 0xEF; ++ch) roles[ch] = ByteRole::letter;
  roles['.'] = roles['!'] = ByteRole::stop;
  roles['?'] = ByteRole::ask;
  roles[';'] = ByteRole::semicolon;
  roles[0xD8] = ByteRole::arabic_lead;
  roles[0xCD] = ByteRole::greek_lead;
  return roles;
}
constexpr auto kByteRoles = make_byte_roles();

/// Whether a sentence of the text states rather than asks: one ended by "."
/// or "!" (not "4.5", not "shop.com"), or words after a question ("Any human
/// there? 5 days I've been writing"). A lone unpunctuated line is not one:
/// it may start with a question word. `greek`: ';' is a question mark.
bool has_statement(std::string_view text, bool greek) {
  bool words = false;
  bool ended_one = false;
  const auto next_is = [&text](std::size_t at, char byte) { return at + 1 < text.size() && text[at + 1] == byte; };
  for (std::size_t at = 0; at < text.size(); ++at) {
    bool question_end = false;
    switch (kByteRoles[static_cast<unsigned char>(text[at])]) {
      case ByteRole::other: break;
      case ByteRole::letter: words = true; break;
      case ByteRole::stop:
        if ((at + 1 == text.size() || next_is(at, ' ') || next_is(at, '\n') || next_is(at, '.') || next_is(at, '!')) &&
            words) {
          return true;
        }
        break;
      case ByteRole::ask: question_end = true; break;
      case ByteRole::semicolon: question_end = greek; break;
      case ByteRole::arabic_lead:
        question_end = next_is(at, '\x9F');
        words = words || !question_end;
        break;
      case ByteRole::greek_lead:
        question_end = next_is(at, '\xBE');
        words = words || !question_end;
        break;
    }
    if (question_end) {
      words = false;
      ended_one = true;
    }
  }
  return words && ended_one;
}

/// Web links and bare domains ("gofundme.com/x", "gems4free.xyz",
/// "wa.me/4477..."), each counted once: after a marker the rest of the word
/// is skipped. Twitter's t.co wrappers and e-mail addresses do not count.
std::uint32_t count_links(std::string_view text) {
  struct Marker {
    std::string_view text;
    // A bare domain ending, matched in lower case only and with no letter
    // after it: "the shop.Shopping", "a pain.Info desk" are sentences.
    bool ends_word;
  };
  static constexpr Marker kMarkers[] = {
      {"http://", false}, {"https://", false}, {"www.", false}, {".com", false},  {".net", false},
      {".org", false},    {".ly/", false},     {".io/", false}, {".me/", false},  {".co/", false},
      {".co.uk", false},  {".xyz", true},      {".info", true}, {".biz", true},   {".shop", true},
      {".online", true},  {".site", true},     {".club", true}, {".store", true},
  };
  const auto is_ascii_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
  std::uint32_t links = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char ch = text[at];
    if (ch != 'h' && ch != 'H' && ch != 'w' && ch != 'W' && ch != '.') continue;
    for (const Marker& marker : kMarkers) {
      if (!ascii_iequals(text, at, marker.text)) continue;
      const std::size_t after = at + marker.text.size();
      if (marker.ends_word && (text.substr(at, marker.text.size()) != marker.text ||
                               (after < text.size() && is_ascii_letter(text[after])))) {
        continue;
      }
      // Twitter wraps every link and attached picture in t.co: no signal.
      const bool twitter_wrapper = marker.text.starts_with("http") && ascii_iequals(text, after, "t.co/");
      const std::size_t word_start =
          text.find_last_of(" \n\t", at) == std::string_view::npos ? 0 : text.find_last_of(" \n\t", at) + 1;
      const bool email =
          marker.text.front() == '.' && text.substr(word_start, at - word_start).find('@') != std::string_view::npos;
      if (!twitter_wrapper && !email) ++links;
      while (at < text.size() && text[at] != ' ' && text[at] != '\n' && text[at] != '\t') ++at;
      break;
    }
  }
  return links;
}

/// Exchanges two of sentiment's shares (the three still sum to 1).
void swap_shares(parley::Labels& labels, std::string_view a, std::string_view b) {
  const double first = labels.score(a);
  labels.set(a, labels.score(b));
  labels.set(b, first);
}

/// Sentiment's lean, corrected where intent knows what the post is for
/// (`refine_sentiment`; docs/quality.md, note 20). A lexicon hears
/// the words, not the act: on a brand's channel a complaint that names what
/// went wrong or what of the business it is about is negative however plain
/// its words ("the parcel never arrived, nine days now"), and a question or
/// a promotion is neutral however friendly ("do you deliver on Sundays? 😊",
/// "Win an iPhone!"). `anger` is not touched.
void refine_sentiment(parley::Labels& labels, bool names_fault_or_business) {
  const double negative = labels.score("sentiment.negative");
  const double neutral = labels.score("sentiment.neutral");
  const double positive = labels.score("sentiment.positive");
  // A tie between neutral and negative ("Delivered late, the food was
  // cold": 0.5 each) leans nowhere; such a complaint decides it too.
  const bool leans_neutral = neutral >= negative && neutral >= positive && neutral > 0.0;
  const bool leans_positive = positive > negative && positive > neutral;
  // Sure (above the 0.5 from which the demo answers a complaint), and not
  // on hints or mood alone: it names what went wrong or what it is about.
  if (leans_neutral && names_fault_or_business && labels.score("intent.complaint") >= 0.6) {
    if (neutral > negative) {
      swap_shares(labels, "sentiment.negative", "sentiment.neutral");
    } else {  // the tie: half the neutral share goes to negative
      labels.set("sentiment.negative", negative + neutral / 2);
      labels.set("sentiment.neutral", neutral / 2);
    }
  } else if (leans_positive && (labels.score("intent.spam") >= 0.5 ||
                                (labels.score("intent.question") >= 0.6 && labels.score("intent.praise") < 0.5))) {
    swap_shares(labels, "sentiment.positive", "sentiment.neutral");
  }
}

}  // namespace

IntentClassifier::IntentClassifier(const parley::ConfigValue& config, parley::PluginContext& context) {
  const IntentSettings settings = read_intent_settings(config);
  theme_min_complaint_ = settings.theme_min_complaint;
  refine_sentiment_ = settings.refine_sentiment;

  // Theme order decides ties: built-in themes first, then the config's new ones.
  if (!settings.replace_default_themes) {
    for (const auto& theme : default_themes()) theme_index(theme);
  }
  for (const auto& extra : settings.themes) theme_index(extra.name);

  for (const auto& file : intent_default_cues()) {
    const std::string language(file.name.substr(0, file.name.find('.')));
    if (std::find(settings.languages.begin(), settings.languages.end(), language) == settings.languages.end()) continue;
    for (const auto& line : parse_cue_file(file.name, file.content)) {
      const auto signal = std::find(std::begin(kSignalNames), std::end(kSignalNames), line.section);
      if (signal != std::end(kSignalNames)) {
        add_cue(file.name, line.term, static_cast<std::uint32_t>(signal - std::begin(kSignalNames)));
      } else if (line.section.starts_with("theme.")) {
        if (settings.replace_default_themes) continue;
        add_cue(file.name, line.term, kThemeBase + theme_index(line.section.substr(6)));
      } else if (line.section.starts_with("about.")) {
        if (settings.replace_default_themes) continue;
        add_cue(file.name, line.term, kAboutBase + theme_index(line.section.substr(6)), kAboutWeight);
      } else {
        throw std::invalid_argument("intent: " + std::string(file.name) + ": unknown section [" + line.section + "]");
      }
    }
  }
  for (const auto& theme : settings.themes) {
    for (const auto& term : theme.terms) add_cue("themes." + theme.name, term, kThemeBase + theme_index(theme.name));
  }
  for (const auto& extra : settings.extra) {
    const auto signal = std::find(std::begin(kSignalNames), std::end(kSignalNames), extra.name);
    for (const auto& term : extra.terms) {
      add_cue("extra." + extra.name, term, static_cast<std::uint32_t>(signal - std::begin(kSignalNames)));
    }
  }
  cues_.freeze();
  const auto theme_position = [this](std::string_view name) {
    return static_cast<std::size_t>(std::find(themes_.begin(), themes_.end(), name) - themes_.begin());
  };
  wrong_order_theme_ = theme_position("wrong_order");
  late_delivery_theme_ = theme_position("late_delivery");
  refund_delay_theme_ = theme_position("refund_delay");
  context.log(parley::LogLevel::debug,
              "intent: " + std::to_string(cues_.size()) + " cues, " + std::to_string(themes_.size()) + " themes");
}

std::uint32_t IntentClassifier::theme_index(const std::string& name) {
  const auto found = std::find(themes_.begin(), themes_.end(), name);
  if (found != themes_.end()) return static_cast<std::uint32_t>(found - themes_.begin());
  if (themes_.size() == kMaxThemes) {
    throw std::invalid_argument("intent: themes: at most " + std::to_string(kMaxThemes) + " themes");
  }
  themes_.push_back(name);
  return static_cast<std::uint32_t>(themes_.size() - 1);
}

std::uint32_t IntentClassifier::target_id(std::uint32_t target, float weight, std::uint32_t words) {
  for (std::size_t i = 0; i < targets_.size(); ++i) {
    const auto& known = targets_[i];
    if (known.target == target && known.weight == weight && known.words == words) return static_cast<std::uint32_t>(i);
  }
  targets_.push_back({target, weight, words});
  return static_cast<std::uint32_t>(targets_.size() - 1);
}

void IntentClassifier::add_cue(std::string_view where, std::string_view term, std::uint32_t target,
                               float theme_weight_per_word) {
  std::vector<std::string> words;
  std::vector<bool> stems;
  for (const auto& raw : split_term(term)) {
    const auto folded = normalizer_.tokens(raw.text);  // "don't" is the two words "don t"
    for (std::size_t i = 0; i < folded.size(); ++i) {
      words.push_back(folded[i]);
      stems.push_back(raw.stem && i + 1 == folded.size());
    }
  }
  // A theme phrase ("wrong order", "sain väärän") is more specific than a
  // single word ("order"): it weighs per word, up to two. A neutral phrase
  // keeps its length in words: the words it covers count as nothing else.
  float weight = 1.0F;
  if (target == kNeutral) weight = static_cast<float>(words.size());
  if (target >= kThemeBase) weight = theme_weight_per_word * static_cast<float>(std::min<std::size_t>(words.size(), 2));
  const auto word_count = static_cast<std::uint32_t>(words.size());
  if (!cues_.insert(words, stems, target_id(target, weight, word_count))) {
    throw std::invalid_argument("intent: " + std::string(where) + ": term '" + std::string(term) +
                                "' has no letters, digits or symbols to match");
  }
}

Evidence IntentClassifier::gather(std::string_view raw) const {
  Evidence evidence;
  thread_local text::NormalizedText folded;
  normalizer_.normalize(skip_leading_handles(raw), folded);
  // A neutral phrase ("late check-out", "open late") covers its words: no
  // other cue starting on them counts. Such phrases are rare, so the first
  // pass counts everything and marks them; only when it found one is the
  // text counted again, skipping the words they cover.
  std::uint64_t neutral_tokens = 0;
  thread_local std::vector<ThemeMatch> theme_matches;
  theme_matches.clear();
  const auto count = [&](std::uint32_t value, std::size_t token) {
    const CueTarget& cue = targets_[value];
    if (cue.target == kNeutral) {
      const auto end = std::min<std::size_t>(token + static_cast<std::size_t>(cue.weight), 64);
      for (auto covered = token; covered < end; ++covered) neutral_tokens |= std::uint64_t{1} << covered;
      return;
    }
    if (token < 64 && ((neutral_tokens >> token) & 1U) != 0) return;
    if (cue.target < kThemeBase) {
      ++evidence.counts[cue.target];
      if ((cue.target == kQuestion && token == 0) || cue.target == kAsking) evidence.question_at_start = true;
      const std::uint64_t bit = token < 64 ? std::uint64_t{1} << token : 0;
      if (cue.target == kProblem) evidence.problem_starts |= bit;
      if (cue.target == kCompensation) evidence.compensation_starts |= bit;
      if (cue.target == kDuration || cue.target == kMinutes) evidence.length_starts |= bit;
      if (cue.target == kShort) evidence.short_starts |= bit;
      if (cue.target == kWhereIs) evidence.where_is_starts |= bit;
      if (cue.target == kWhere) evidence.where_starts |= bit;
      if (cue.target == kParcel) evidence.parcel_starts |= bit;
      if (cue.target == kOwed) evidence.owed_starts |= bit;
    } else if (cue.target < kAboutBase) {
      theme_matches.push_back({token, cue.words, cue.target - kThemeBase, cue.weight});
    } else {
      evidence.about_weight[cue.target - kAboutBase] += cue.weight;
    }
  };
  cues_.for_each_match(folded, count);
  if (neutral_tokens != 0) {
    evidence = {};
    theme_matches.clear();
    cues_.for_each_match(folded, count);
  }
  add_theme_weights(theme_matches, evidence);
  // Praise in scare quotes is not praise: "'fresh' bread", «свежий» хлеб.
  thread_local std::vector<std::string_view> quoted;
  thread_local text::NormalizedText folded_quote;
  quoted.clear();
  text::find_quoted_spans(raw, quoted);
  for (const auto span : quoted) {
    if (text::starts_with_capital(span)) continue;  // a name: the "Family Box"
    evidence.scare_quotes = true;
    normalizer_.normalize(span, folded_quote);
    cues_.for_each_match(folded_quote, [&](std::uint32_t value, std::size_t) {
      if (targets_[value].target == kPraise && evidence.counts[kPraise] > 0) --evidence.counts[kPraise];
    });
  }
  evidence.question_mark = has_question_mark(raw);
  evidence.links = count_links(raw);
  // "10/10" praises and "2/5" complains, in any language.
  if (const auto mark = text::rating_share(raw)) {
    if (*mark >= 0.8) ++evidence.counts[kPraise];
    if (*mark <= 0.4) ++evidence.counts[kProblem];
  }
  return evidence;
}

void IntentClassifier::classify(const parley::Event& event, parley::Labels& labels) {
  Evidence e = gather(event.text);
  auto& c = e.counts;

  // "Instead of a latte I got black coffee": a substitution is a problem of
  // the wrong_order kind; "I ordered a latte and got black coffee" hints at it.
  if (c[kReceived] > 0 && (c[kInstead] > 0 || c[kOrdered] > 0)) {
    const bool substituted = c[kInstead] > 0;
    ++c[substituted ? kProblem : kHint];
    if (wrong_order_theme_ < themes_.size()) e.theme_weight[wrong_order_theme_] += substituted ? 2.0F : 1.0F;
  }

  // Earlier classifiers (absent -> 0): sentiment and anger raise a complaint.
  // Their mood is discounted where it is about something else: abuse of other
  // commenters, and anger at politics or a conspiracy (an off-topic cue),
  // when nothing about the business went wrong.
  const double negative = labels.score("sentiment.negative");
  const double positive = labels.score("sentiment.positive");
  const double anger = labels.score("anger");
  const double toxic = std::max(labels.score("toxicity.offensive"), labels.score("toxicity.insult"));
  // "How long does a refund take?", "Jak zrobić zwrot?": asking how a refund
  // or a return is done asks for the procedure. Its refund words are no
  // problem, and count half as a wish: "how do I get my money back" (two
  // cues) still wants the money.
  const bool asks = e.question_mark || e.question_at_start;
  // "I got a message that I won a prize from you, is it real?": a customer
  // checking what reached them in the business's name. Its prize words are
  // neither spam (spammers do not ask whether they are real) nor praise.
  const bool checking_a_message = c[kVerify] > 0 && asks;
  const bool procedure_question = c[kProcedure] > 0 && c[kCompensation] > 0 && asks;
  if (procedure_question) {
    const auto refund_words = static_cast<std::uint32_t>(std::popcount(e.problem_starts & e.compensation_starts));
    c[kProblem] -= std::min(c[kProblem], refund_words);
  }

  // A calm question: it only asks, with nothing wrong and no bad mood (in a
  // procedure question, the refund word's mood does not count).
  // Asked when needed (the sentence scan is not free), at most once.
  std::optional<bool> calm_question_cache;
  const auto calm_question = [&] {
    if (!calm_question_cache) {
      calm_question_cache = c[kComplaint] + c[kProblem] + c[kNegative] == 0 && (negative < 0.3 || procedure_question) &&
                            anger < 0.3 && asks && !has_statement(event.text, has_greek(event.text));
    }
    return *calm_question_cache;
  };
  // A length of time hints at waiting ("two hours late"), except in a calm
  // question, where it asks about time ("What are your opening hours?",
  // "Сколько дней доставка?").
  if (c[kDuration] > 0 && !calm_question()) c[kHint] += c[kDuration];
  // Waiting that long is what went wrong ("жду уже два часа", "waited 40
  // minutes"): a problem, so praise beside it reads as sarcasm ("I love
  // waiting 40 minutes on the line"). Minutes count only here: "ready in
  // 10 minutes" is no complaint, nor is a wait said to be short: "only"
  // starting one to three words before the length ("waited only 5 minutes",
  // "less than 5 minutes", "всего 10 минут"); elsewhere it says nothing of
  // the wait ("I just keep waiting").
  const bool short_wait = ((e.short_starts << 1) | (e.short_starts << 2) | (e.short_starts << 3)) & e.length_starts;
  if (c[kWaiting] > 0 && c[kDuration] + c[kMinutes] > 0 && !short_wait && !calm_question()) {
    ++c[kProblem];
    if (c[kDuration] == 0) ++c[kHint];
  }
  // "Where is my order?", "Где посылка?", "وين طلبي؟": asking where
  // something is that should have come is the commonest delivery
  // complaint, not a calm question. The thing follows "where is" within
  // two words, and a bare "где"/"gdzie" at once, so "где оформить заказ"
  // (where to place an order) and "where can I track my order" still only ask.
  const std::uint64_t asked_where = (e.where_is_starts << 1) | (e.where_is_starts << 2) | (e.where_starts << 1);
  const bool where_parcel = (asked_where & e.parcel_starts) != 0;
  const bool where_owed = (asked_where & e.owed_starts) != 0;
  if (where_parcel || where_owed) {
    ++c[kProblem];
    const auto theme = where_owed ? refund_delay_theme_ : late_delivery_theme_;
    if (theme < themes_.size()) e.theme_weight[theme] += 1.0F;
  }
  // So do scare quotes: the 'fresh' bread, the "10 minute" delivery.
  if (e.scare_quotes && !calm_question()) ++c[kHint];
  // "Return the difference", "верните баллы", "Oddajcie mi te 20 zł": asking
  // for money back in the words of an order, not of a refund.
  if (c[kGiveBack] > 0 && c[kMoney] > 0) ++c[kCompensation];
  // Likewise a wish for a discount or a refund is part of a complaint, but
  // asking calmly whether there is one ("Any student discount?") is not.
  const double wish = c[kCompensation] > 0 && !calm_question() ? 0.3 : 0.0;

  // "Sorted out, thanks for the help": a problem that is over. Problem and
  // hint cues count half and no longer block the praise discount; a clear
  // complaint phrase still does.
  const bool resolved = c[kResolved] > 0 && (c[kPraise] > 0 || positive >= 0.5);
  if (resolved) {
    c[kProblem] /= 2;
    c[kHint] /= 2;
  }
  const bool problem_cues = c[kComplaint] + (resolved ? 0 : c[kProblem]) > 0;
  // Off-topic only: politics or a conspiracy, nothing that went wrong, and
  // no word of the business (orders, apps, staff, prices: any theme cue).
  const auto positive_weight = [](float weight) { return weight > 0.0F; };
  // Only the configured themes can have a weight: scan those, not all 64.
  const auto themes = themes_.size();
  const bool theme_named = std::any_of(e.theme_weight, e.theme_weight + themes, positive_weight);
  const bool about_business = theme_named || std::any_of(e.about_weight, e.about_weight + themes, positive_weight);
  const bool off_topic_only = c[kOfftopic] > 0 && !problem_cues && !about_business;
  // Abuse aimed at other commenters (toxicity's target hint: a reply, an
  // @mention of someone else) is their quarrel. Abuse of the brand or its
  // staff, or of no one else, is displeasure with the business ("Thieves.",
  // "where the f*** is my food") and counts in full.
  // So is hate speech about a group ("go back to your country") that is
  // not aimed at the brand or its staff.
  const auto aimed_at_others = [&labels] {
    const double at_business = std::max(labels.score("abuse.target.brand"), labels.score("abuse.target.staff"));
    const double at_community = labels.score("abuse.target.community");
    return (at_community >= 0.5 && at_community > at_business) ||
           (labels.score("toxicity.hate") >= 0.5 && at_business < 0.5);
  };
  const bool abuse_of_others = toxic >= 0.5 && !problem_cues && aimed_at_others();
  // So is an argument with another commenter ("@tom123 no it isn't, read
  // the post again") when nothing went wrong and no word is of the business.
  const bool argument_with_others = !problem_cues && !about_business && answers_another_commenter(event);
  const bool mood_elsewhere = abuse_of_others || off_topic_only || argument_with_others;
  // In a question about the refund procedure with nothing wrong, the bad
  // mood sentiment heard is the refund word itself.
  const bool procedure_mood = procedure_question && !problem_cues;
  const double mood_weight = mood_elsewhere || procedure_mood ? 0.3 : 1.0;
  // Hints ("still", "again", "nobody", "hours") point to a complaint about
  // the business; beside politics or a quarrel with nothing wrong they are
  // rhetoric ("nobody asked you"); in an argument with another commenter
  // ("isn't", "again") they are only that.
  const double hint_weight = argument_with_others ? 0.0 : mood_elsewhere ? 0.1 : 0.3;

  // Praise lowers a complaint only when nothing went wrong: "thanks for
  // nothing" and "thanks to your incompetence" stay complaints.
  // A hint halves the discount: "great service, 2 hours on hold" is sarcasm
  // more often than praise.
  const double hint_share = c[kHint] > 0 ? 0.5 : 1.0;
  const double praise_penalty = problem_cues ? 0.0 : hint_share * (0.35 * capped(c[kPraise], 2) + 0.4 * positive);

  // Negative words ("never", "ei") are mood too: weighed like it.
  double complaint = 0.9 * capped(c[kComplaint], 2) + 0.45 * capped(c[kProblem], 3) +
                     hint_weight * capped(c[kHint], 3) + mood_weight * 0.2 * capped(c[kNegative], 2) + wish +
                     mood_weight * (0.6 * negative + 0.4 * anger) - praise_penalty;
  if (speaks_to_customer_care(leading_handles(event.text))) complaint += 0.2;  // with one hint: 0.69
  if (c[kSpam] > 0 || e.links > 1) complaint -= 0.5;                           // promotion is not a complaint
  const double complaint_score = squash(complaint, 2.35);                      // one hint alone: 0.51

  double question = (e.question_mark ? 1.2 : 0.0) + (e.question_at_start ? 0.8 : 0.0) + 0.15 * capped(c[kQuestion], 2);
  const double question_score = squash(question, 1.5);

  // A promotion's "free", "amazing" and "discount" are offers, neither
  // praise of the business nor demands.
  const bool promotion = (c[kSpam] > 0 || e.links > 1) && !problem_cues && !checking_a_message;
  // A good mood is about the business as little as a bad one is beside
  // politics or a quarrel ("Jesus loves you all 🙏").
  const double praise_mood_weight = checking_a_message ? 0.0 : mood_weight;
  double praise = 0.6 * capped(c[kPraise], 3) + praise_mood_weight * 0.6 * positive - 0.45 * capped(c[kComplaint], 2) -
                  0.3 * capped(c[kProblem], 3) - 0.5 * negative;
  // Scare quotes beside a problem are sarcasm: "Thanks for the «fresh»
  // bread with mould" thanks for nothing. Such praise counts half. So is a
  // praise word beside what went wrong when it went wrong again ("Great job
  // losing my parcel for the second time", "Ну супер, опять опаздывает"):
  // such praise counts a quarter.
  // What went wrong may be named by a theme cue alone ("Oh wonderful, my
  // order is late again": "late" is a late_delivery cue, not a problem cue).
  const bool went_wrong = problem_cues || theme_named;
  const bool sarcasm = c[kPraise] > 0 && went_wrong && c[kHint] > 0;
  const double irony = sarcasm ? 0.25 : e.scare_quotes && problem_cues ? 0.5 : 1.0;
  const double praise_score = promotion ? 0.0 : irony * squash(praise, 1.6);

  // "Thanks for the quick refund": money that came back, thanked for with
  // nothing wrong, is praise, not a demand.
  const bool thanked_for = c[kPraise] > 0 && !problem_cues && c[kHint] == 0;
  const double wish_weight = procedure_question ? 0.4 : 0.8;
  // Nor is a prize a customer asks about ("won a voucher from you, legit?")
  // a wish for one, when nothing went wrong.
  const bool prize_asked_about = checking_a_message && !problem_cues;
  const double compensation_score =
      promotion || prize_asked_about
          ? 0.0
          : squash(thanked_for ? 0.4 * capped(c[kCompensation], 1) : wish_weight * capped(c[kCompensation], 2), 1.6);
  // An off-topic cue with not a word of the business is surer than one beside
  // an order or an app: one such cue alone passes the playbook's 0.6.
  // A quarrel between commenters is theirs, not the business's (P18): it
  // counts as one off-topic cue, and as a sure one with no business word.
  const bool quarrel = abuse_of_others && !about_business;
  // One's own life (a cat, the kids, the neighbour's drill, a driving test)
  // with nothing of the business and nothing wrong is chat too, unless it
  // asks the business something ("Can I bring my dog?") or speaks to it
  // ("my kids loved your nuggets"); a question to the other readers
  // ("Anyone else's dog scared of the hoover?") is chat. Unlike politics it
  // does not discount the mood: a bad day told to a brand may still be a
  // complaint.
  const bool personal_chat =
      c[kPersonal] > 0 && c[kYours] == 0 && !problem_cues && !about_business && (!asks || c[kPublic] > 0);
  const double offtopic_score =
      squash(0.5 * capped(c[kOfftopic] + (quarrel ? 1U : 0U) + (personal_chat ? 1U : 0U), 4) +
                 (off_topic_only || quarrel || personal_chat ? 0.2 : 0.0) - 0.3 * capped(c[kProblem], 2),
             1.6);
  // A complaint phrase beside a spam word is a customer asking about it
  // ("Is the giveaway on your page real or a scam?"): spammers do not
  // complain.
  const double spam_score = squash(0.6 * capped(c[kSpam], 4) + 0.3 * capped(c[kPromo], 3) + 0.45 * capped(e.links, 3) -
                                       0.5 * capped(c[kComplaint], 1) - (checking_a_message ? 1.0 : 0.0),
                                   1.6);

  auto put = [&labels](std::string_view name, double score) {
    if (score > 0.0) labels.raise(name, score);  // raise: keep a stronger earlier signal
  };
  put("intent.complaint", complaint_score);
  put("intent.question", question_score);
  put("intent.praise", praise_score);
  put("intent.compensation", compensation_score);
  put("intent.offtopic", offtopic_score);
  put("intent.spam", spam_score);
  // What went wrong (a complaint phrase, a problem word), or what of the
  // business it is about (an order, an app, a bill: any theme cue).
  if (refine_sentiment_) refine_sentiment(labels, problem_cues || about_business);

  if (labels.score("intent.complaint") >= theme_min_complaint_ && labels.attribute("theme").empty()) {
    std::size_t best = themes_.size();
    float best_weight = 0.0F;
    for (std::size_t i = 0; i < themes_.size(); ++i) {
      const float weight = e.theme_weight[i] + std::min(e.about_weight[i], kAboutCap);
      if (weight > best_weight) {
        best = i;
        best_weight = weight;
      }
    }
    labels.set_attribute("theme", best == themes_.size() ? std::string("other") : themes_[best]);
  }
}

}  // namespace parley::intent
