#include "persona_classifier.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <stdexcept>

#include "embedded_file.hpp"

// The built-in cue lists (cues/*.txt), compiled in by parley_embed_text().
std::span<const parley::text::EmbeddedFile> persona_cue_files();

namespace parley::persona {
namespace {

/// 1 cue: 0.45, 2: 0.70, 3: 0.83 ... each further cue closes part of the gap.
double cue_strength(int cues) {
  double missing = 1.0;
  for (int i = 0; i < cues; ++i) missing *= 0.55;
  return 1.0 - missing;
}

double noisy_or(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

std::size_t persona_of_file(std::string_view file_name) {
  for (std::size_t i = 0; i < kPersonaCount; ++i) {
    if (file_name == std::string(kPersonaNames[i]) + ".txt") return i;
  }
  throw std::logic_error("persona: no persona for built-in cue file " + std::string(file_name));
}

/// Lines "LANG<TAB>PHRASE"; '#' starts a comment line.
void add_builtin_cues(CueMatcher& matcher) {
  for (const auto& file : persona_cue_files()) {
    const auto group = persona_of_file(file.name);
    std::size_t start = 0;
    while (start < file.content.size()) {
      auto end = file.content.find('\n', start);
      if (end == std::string_view::npos) end = file.content.size();
      const auto line = file.content.substr(start, end - start);
      start = end + 1;
      if (line.empty() || line.front() == '#') continue;
      const auto tab = line.find('\t');
      if (tab == std::string_view::npos || !matcher.add(group, line.substr(tab + 1))) {
        throw std::logic_error("persona: bad built-in cue line in " + std::string(file.name) + ": " +
                               std::string(line));
      }
    }
  }
}

/// True when at least 8 ASCII or non-ASCII cased letters are mostly upper
/// case. Only ASCII is inspected byte-wise; other scripts count through
/// their UTF-8 case-sensitive ranges below.
bool is_shouting(std::string_view text) {
  int upper = 0, lower = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      // Plain ranges: what isupper/islower say for ASCII in any locale, without a call per byte.
      if (c >= 'A' && c <= 'Z') ++upper;
      if (c >= 'a' && c <= 'z') ++lower;
      continue;
    }
    if (i + 1 >= text.size()) break;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    // Cyrillic А-Я (D0 90..D0 AF) vs а-я (D0 B0..D1 8F); Greek Α-Ω (CE 91..CE A9) vs α-ω (CE B1..CF 89).
    if (c == 0xD0)
      (next <= 0xAF ? upper : lower)++;
    else if (c == 0xD1)
      ++lower;
    else if (c == 0xCE)
      (next >= 0x91 && next <= 0xA9 ? upper : lower)++;
    else if (c == 0xCF)
      ++lower;
  }
  return upper + lower >= 8 && upper >= 2 * lower;
}

bool has_repeated_marks(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const bool mark = text[i] == '!' || text[i] == '?';
    if (mark && (text[i + 1] == '!' || (text[i] == '?' && text[i + 1] == '?'))) return true;
    if (text[i] == '?' && text[i + 1] == '!') return true;
  }
  return false;
}

}  // namespace

std::array<double, kPersonaCount> persona_scores(const Evidence& evidence, int chronic_after) {
  std::array<double, kPersonaCount> scores{};
  const auto cues = [&](Persona persona) { return cue_strength(evidence.cues[static_cast<std::size_t>(persona)]); };

  // Aggressive: loud, often profane (P16). The toxicity and anger labels carry
  // most of it; shouting and "!!!" push a clean but heated text over.
  double aggressive = std::max({cues(Persona::aggressive), evidence.insult, evidence.threat, 0.8 * evidence.profanity,
                                0.85 * evidence.harassment, 0.9 * evidence.anger});
  if (evidence.shouting) aggressive = noisy_or(aggressive, 0.35);
  if (evidence.repeated_marks) aggressive = noisy_or(aggressive, 0.15);
  scores[static_cast<std::size_t>(Persona::aggressive)] = aggressive;

  // Meek: polite and hedging, and not angry. Rarely complains: no history helps.
  double meek = cues(Persona::meek);
  if (meek > 0 && evidence.earlier_complaints_30d == 0) meek = noisy_or(meek, 0.1);
  scores[static_cast<std::size_t>(Persona::meek)] = meek * (1.0 - aggressive);

  // High-roller: the customer tier says it best; claims of loyalty/spend/reach too.
  scores[static_cast<std::size_t>(Persona::high_roller)] =
      std::max(evidence.high_roller_tier ? 0.9 : 0.0, 0.9 * cues(Persona::high_roller));

  // Rip-off: asks for money, a discount or a bonus; stronger with a threat to go public.
  double rip_off = std::max(0.85 * evidence.compensation, cues(Persona::rip_off));
  if (evidence.compensation >= 0.5 && evidence.cues[static_cast<std::size_t>(Persona::rip_off)] > 0) {
    rip_off = noisy_or(rip_off, 0.3);
  }
  scores[static_cast<std::size_t>(Persona::rip_off)] = rip_off;

  // Chronic: complaint after complaint. History decides; "again" in the text adds.
  const int complaints = evidence.earlier_complaints_30d + (evidence.complaint >= 0.5 ? 1 : 0);
  const double from_history = complaints >= chronic_after ? std::min(1.0, 0.6 + 0.1 * (complaints - chronic_after))
                                                          : 0.45 * complaints / chronic_after;
  scores[static_cast<std::size_t>(Persona::chronic)] = noisy_or(from_history, 0.6 * cues(Persona::chronic));
  return scores;
}

PersonaClassifier::PersonaClassifier(const ConfigValue& config, PluginContext& context)
    : config_(parse_persona_config(config)), context_(context), cues_(kPersonaCount) {
  for (std::size_t persona = 0; persona < kPersonaCount; ++persona) {
    label_names_[persona] = "persona." + std::string(kPersonaNames[persona]);
  }
  add_builtin_cues(cues_);
  for (std::size_t persona = 0; persona < kPersonaCount; ++persona) {
    for (const auto& phrase : config_.extra_cues[persona]) {
      if (!cues_.add(persona, phrase)) {
        throw std::invalid_argument("persona: extra_cues." + std::string(kPersonaNames[persona]) + ": '" + phrase +
                                    "' has no words");
      }
    }
  }
  cues_.freeze();
}

Evidence PersonaClassifier::gather(const Event& event, const Labels& labels) const {
  Evidence evidence;
  thread_local text::NormalizedText folded;
  cues_.normalizer().normalize(event.text, folded);
  const auto counts = cues_.count(folded);
  std::copy(counts.begin(), counts.end(), evidence.cues.begin());
  evidence.anger = labels.score("anger");
  evidence.insult = labels.score("toxicity.insult");
  evidence.threat = labels.score("toxicity.threat");
  evidence.profanity = labels.score("toxicity.profanity");
  evidence.harassment = labels.score("toxicity.harassment");
  evidence.complaint = labels.score("intent.complaint");
  evidence.compensation = labels.score("intent.compensation");
  // Only the first 4 KB: a wall of text is not more or less shouting.
  const auto head = std::string_view(event.text).substr(0, 4096);
  evidence.shouting = is_shouting(head);
  evidence.repeated_marks = has_repeated_marks(head);

  const auto history = context_.author_history(event);
  evidence.earlier_complaints_30d = history.complaints_30d;
  std::string tier = history.customer_tier;
  if (const auto found = event.metadata.find("customer_tier"); found != event.metadata.end() && !found->second.empty())
    tier = found->second;
  tier = lower_ascii(std::move(tier));
  evidence.high_roller_tier =
      !tier.empty() && std::find(config_.high_roller_tiers.begin(), config_.high_roller_tiers.end(), tier) !=
                           config_.high_roller_tiers.end();
  return evidence;
}

void PersonaClassifier::classify(const Event& event, Labels& labels) {
  const auto scores = persona_scores(gather(event, labels), config_.chronic_after);
  std::size_t strongest = 0;
  for (std::size_t i = 0; i < kPersonaCount; ++i) {
    labels.set(label_names_[i], scores[i]);
    if (scores[i] > scores[strongest]) strongest = i;
  }
  if (scores[strongest] >= 0.5) labels.set_attribute("persona", std::string(kPersonaNames[strongest]));
}

}  // namespace parley::persona
