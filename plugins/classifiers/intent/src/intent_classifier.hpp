// IntentClassifier: complaint, question, praise, compensation, off-topic and
// spam scores plus the complaint theme, from multilingual cue lists matched
// in one pass (CueTrie), a few surface signals (question marks, links) and
// the labels of earlier classifiers (sentiment, anger, toxicity).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <parley/parley.hpp>

#include "cue_trie.hpp"
#include "intent_config.hpp"
#include "text_normalizer.hpp"

namespace parley::intent {

/// What a cue is evidence of. Themes follow the signals: target kThemeBase + i.
enum Signal : std::uint32_t {
  kComplaint = 0,  ///< a clear complaint phrase ("still waiting", "unacceptable")
  kProblem,        ///< something went wrong ("delayed", "not working", "again")
  kNegative,       ///< displeasure or negation, weak
  kHint,           ///< often in complaints, weak alone ("why", "still", "hours", "need help")
  kQuestion,       ///< wh-words, "how do I", "can you"
  kPraise,
  kCompensation,
  kOfftopic,
  kSpam,
  kPromo,      ///< promotion, weak alone ("check out", "download", "subs")
  kInstead,    ///< "instead of": with kReceived, something was substituted
  kOrdered,    ///< "I ordered": with kReceived, a hint of the wrong item
  kReceived,   ///< "I got", "they brought me": nothing alone
  kResolved,   ///< "sorted out", "working again": with thanks, the problem is over
  kDuration,   ///< "hours", "три дня": a hint in a statement, nothing in a calm question
  kProcedure,  ///< "how long does", "jak zrobić": asks how something is done
  kAsking,     ///< "I was wondering if", "есть ли", "هل": asks wherever it stands
  kWaiting,    ///< "waited", "жду", "odotin": with a kDuration or kMinutes, a wait too long (a problem)
  kMinutes,    ///< "minutes", "минут": a length of time only beside a kWaiting word
  kShort,      ///< "only", "всего", "tylko" just before a length of time: the wait was short
  kGiveBack,   ///< "return", "верните", "palauttakaa": with kMoney, a compensation wish
  kMoney,      ///< "the difference", "баллы", "20 zł", "الفرق": what is wished back
  kPersonal,   ///< pets, family, neighbours, one's own news: off-topic with nothing of the business
  kPublic,     ///< "anyone else", "кто ещё": a question to the other readers, not the business
  kYours,      ///< "your", "ваш", "teidän": speaks to the business, so not one's own life only
  kWhereIs,    ///< "where is", "gdzie jest": with a kParcel or kOwed one or two words on, "where is my order?"
  kWhere,      ///< "где", "missä", "وين": the same with the thing right after ("где заказ?")
  kParcel,     ///< "my order", "посылка", "tilaukseni": what was ordered and has not come
  kOwed,       ///< "my money", "мои деньги", "فلوسي": money owed back that has not come
  kNeutral,    ///< "late check-out", "open late", "still in stock": its words are no other cue
  kVerify,     ///< "is this real", "ισχύει", "это правда": in a question, checking what reached one
  kSignalCount,
};
constexpr std::uint32_t kThemeBase = kSignalCount;
constexpr std::size_t kMaxThemes = 64;
/// `[about.<theme>]` cues: target kAboutBase + theme index.
constexpr std::uint32_t kAboutBase = kThemeBase + kMaxThemes;

/// The evidence found in one text, before it becomes scores.
struct Evidence {
  std::uint32_t counts[kSignalCount] = {};
  /// A question cue is the first word (after @handles), or an asking cue
  /// stands anywhere ("Hi, I was wondering if ...").
  bool question_at_start = false;
  bool question_mark = false;
  std::uint32_t links = 0;
  /// Tokens (the first 64) where a problem cue and a compensation cue start
  /// together: a refund word, which both lists hold ("refund*", "zwrot*").
  std::uint64_t problem_starts = 0;
  std::uint64_t compensation_starts = 0;
  /// Tokens (the first 64) where a length of time (kDuration, kMinutes) or
  /// a kShort cue starts: "only 5 minutes" is a short wait.
  std::uint64_t length_starts = 0;
  std::uint64_t short_starts = 0;
  /// Tokens (the first 64) where kWhereIs, kWhere, kParcel and kOwed cues
  /// start: "where is" + "my order" two tokens on asks where it is.
  std::uint64_t where_is_starts = 0;
  std::uint64_t where_starts = 0;
  std::uint64_t parcel_starts = 0;
  std::uint64_t owed_starts = 0;
  /// A phrase in quote marks, not a name: the business's words held up
  /// against what happened ('fresh' bread, a "service fee").
  bool scare_quotes = false;
  float theme_weight[kMaxThemes] = {};  ///< what went wrong ("late", "cracked")
  float about_weight[kMaxThemes] = {};  ///< what it is about ("courier", "parcel")
};

class IntentClassifier final : public parley::Classifier {
 public:
  /// `config` is validated with defaults filled in. Throws std::invalid_argument
  /// (message starting "intent:") for a config the schema cannot refuse.
  IntentClassifier(const parley::ConfigValue& config, parley::PluginContext& context);

  /// Threading: called concurrently with distinct events; reads members only.
  void classify(const parley::Event& event, parley::Labels& labels) override;

  /// The evidence in `text` (exposed for tests).
  Evidence gather(std::string_view text) const;

  const std::vector<std::string>& themes() const { return themes_; }
  std::size_t cue_count() const { return cues_.size(); }

 private:
  /// What a matched cue adds: to a signal's count, or `weight` to a theme.
  struct CueTarget {
    std::uint32_t target = 0;  ///< a Signal, or kThemeBase + theme index
    float weight = 1.0F;
    std::uint32_t words = 1;  ///< of the term (themes: a longer phrase covers shorter ones)
  };

  /// Adds `term` for `target`. `theme_weight_per_word` (themes only): the
  /// weight of each word of the term, up to two words (a phrase says more
  /// than a single word).
  void add_cue(std::string_view where, std::string_view term, std::uint32_t target, float theme_weight_per_word = 1.0F);
  std::uint32_t target_id(std::uint32_t target, float weight, std::uint32_t words);
  std::uint32_t theme_index(const std::string& name);

  text::TextNormalizer normalizer_;
  CueTrie cues_;                     ///< values index targets_
  std::vector<CueTarget> targets_;   ///< distinct (target, weight) pairs
  std::vector<std::string> themes_;  ///< index = value - kThemeBase; "other" is not listed
  double theme_min_complaint_ = 0.5;
  bool refine_sentiment_ = true;
  std::size_t wrong_order_theme_ = 0;    ///< index of `wrong_order`, or themes_.size() when not loaded
  std::size_t late_delivery_theme_ = 0;  ///< likewise `late_delivery` ("where is my order?")
  std::size_t refund_delay_theme_ = 0;   ///< likewise `refund_delay` ("where is my money?")
};

}  // namespace parley::intent
