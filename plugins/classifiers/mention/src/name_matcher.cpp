#include "name_matcher.hpp"

#include <algorithm>
#include <stdexcept>

#include "edit_distance.hpp"

namespace parley::mention {

namespace {
constexpr std::size_t kMaxFuzzyCodePoints = 62;

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string joined;
  for (const auto& word : words) {
    if (!joined.empty()) joined += separator;
    joined += word;
  }
  return joined;
}

/// Length in code points of UTF-8 text (continuation bytes not counted).
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}
/// Whether `text` starts with `prefix` (a code point: 1 to 4 bytes).
bool same_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (text[i] != prefix[i]) return false;
  }
  return true;
}

/// The first two bytes of `text` as one number (the second 0 for one byte).
std::size_t opening_of(std::string_view text) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U; };
  return (std::size_t{byte(0)} << 8) | byte(1);
}

}  // namespace

double NameMatcher::fuzzy_score(std::size_t distance, std::size_t letters) {
  const double score =
      1.0 - 1.5 * static_cast<double>(distance) / static_cast<double>(std::max<std::size_t>(letters, 1));
  return std::clamp(score, 0.5, 0.9);
}

NameMatcher::NameMatcher(const std::vector<Brand>& brands, bool fuzzy, const std::vector<std::string>& fuzzy_exclude) {
  brand_count_ = brands.size();
  for (std::uint32_t b = 0; b < brands.size(); ++b) {
    const Brand& brand = brands[b];
    add_form(brand.name, brand.name, {false, b}, fuzzy);
    for (const auto& alias : brand.aliases) add_form(brand.name, alias, {false, b}, fuzzy);
    for (const auto& product : brand.products) {
      const Target target{true, static_cast<std::uint32_t>(product_count_++)};
      add_form(brand.name, product.name, target, fuzzy);
      for (const auto& alias : product.aliases) add_form(brand.name, alias, target, fuzzy);
    }
  }
  for (const auto& word : fuzzy_exclude) {
    const auto words = normalizer_.tokens(word);
    if (!words.empty()) fuzzy_exclude_.insert(join(words, " "));
  }
}

void NameMatcher::add_form(const std::string& owner, std::string_view form, Target target, bool fuzzy) {
  const auto words = normalizer_.tokens(form);
  if (words.empty()) {
    throw std::invalid_argument("mention: brand '" + owner + "': name or alias '" + std::string(form) +
                                "' has no letters or digits to match");
  }
  std::vector<std::string> keys = {join(words, " ")};
  if (words.size() > 1) keys.push_back(join(words, ""));  // hashtag / handle spelling
  for (const auto& key : keys) {
    exact_openings_.set(opening_of(key));
    auto& targets = exact_[key];
    const bool known = std::any_of(targets.begin(), targets.end(), [&](const Target& t) {
      return t.product == target.product && t.index == target.index;
    });
    if (!known) targets.push_back(target);
  }
  max_words_ = std::max(max_words_, words.size());
  if (!fuzzy) return;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    FuzzyForm fuzzy_form;
    fuzzy_form.words = k == 0 ? words.size() : 1;
    fuzzy_form.letters = code_points(join(words, ""));
    fuzzy_form.max_distance = fuzzy_form.letters >= kTwoEditsLetters  ? 2
                              : fuzzy_form.letters >= kOneEditLetters ? 1
                                                                      : 0;
    if (fuzzy_form.max_distance == 0) continue;
    if (!decode_utf8(keys[k], fuzzy_form.text, kMaxFuzzyCodePoints)) continue;  // too long to be a typo target
    fuzzy_form.first = keys[k].substr(0, keys[k].size() - std::string_view(keys[k]).substr(1).size());
    while (fuzzy_form.first.size() < keys[k].size() &&
           (static_cast<unsigned char>(keys[k][fuzzy_form.first.size()]) & 0xC0) == 0x80) {
      fuzzy_form.first += keys[k][fuzzy_form.first.size()];  // the whole first code point
    }
    fuzzy_form.target = target;
    fuzzy_by_first_byte_[static_cast<unsigned char>(keys[k][0])].push_back(static_cast<std::uint32_t>(fuzzy_.size()));
    fuzzy_.push_back(std::move(fuzzy_form));
  }
}

void NameMatcher::match(const text::NormalizedText& text, MatchScores& scores) const {
  scores.brands.assign(brand_count_, 0.0);
  scores.products.assign(product_count_, 0.0);
  auto credit = [&](const Target& target, double score) {
    put(target.product ? scores.products[target.index] : scores.brands[target.index], score);
  };
  const std::size_t token_count = text.tokens.size();
  thread_local std::u32string window;
  for (std::size_t first = 0; first < token_count; ++first) {
    const std::size_t longest = std::min(max_words_, token_count - first);
    for (std::size_t words = 1; words <= longest; ++words) {
      const std::string_view window = text.tokens_view(first, words);
      if (!exact_openings_.test(opening_of(window))) continue;
      const auto found = exact_.find(window);
      if (found == exact_.end()) continue;
      for (const auto& target : found->second) credit(target, 1.0);
    }
    // Only forms whose first byte agrees with the token's (see the filters below).
    const auto first_byte = static_cast<unsigned char>(text.text[text.tokens[first].begin]);
    for (const std::uint32_t index : fuzzy_by_first_byte_[first_byte]) {
      const FuzzyForm& form = fuzzy_[index];
      if (form.words > token_count - first) continue;
      const std::string_view candidate = text.tokens_view(first, form.words);
      // Cheap filters before the edit distance: the first letter must agree
      // (typos at the start are rare, and this keeps many common words out),
      // and the lengths in code points must be within the allowed edits.
      if (!same_prefix(candidate, form.first)) continue;
      const std::size_t length = code_points(candidate);
      if (length > form.text.size() + form.max_distance || length + form.max_distance < form.text.size()) continue;
      window.clear();
      if (!decode_utf8(candidate, window, kMaxFuzzyCodePoints)) continue;
      const std::size_t distance = bounded_osa_distance(window, form.text, form.max_distance);
      if (distance == 0 || distance > form.max_distance) continue;
      if (fuzzy_exclude_.contains(candidate)) continue;
      credit(form.target, fuzzy_score(distance, form.letters));
    }
  }
}

}  // namespace parley::mention
