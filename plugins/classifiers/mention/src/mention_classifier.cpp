#include "mention_classifier.hpp"

#include "text_normalizer.hpp"

namespace parley::mention {

namespace {

bool handle_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& ch : lower) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return lower;
}

/// The best-scoring entry (the first of equals), or -1 when all are 0.
std::ptrdiff_t best_of(const std::vector<double>& scores) {
  std::ptrdiff_t best = -1;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] > 0.0 && (best < 0 || scores[i] > scores[static_cast<std::size_t>(best)])) {
      best = static_cast<std::ptrdiff_t>(i);
    }
  }
  return best;
}

}  // namespace

MentionClassifier::MentionClassifier(const parley::ConfigValue& config, parley::PluginContext& context)
    : MentionClassifier(read_mention_settings(config), context) {}

MentionClassifier::MentionClassifier(const MentionSettings& settings, parley::PluginContext& context)
    : matcher_(settings.brands, settings.fuzzy, settings.fuzzy_exclude) {
  for (const auto& brand : settings.brands) {
    brand_names_.push_back(brand.name);
    for (const auto& product : brand.products) product_names_.push_back(product.name);
    // Handles: the aliases written "@name"; without one, the name written together.
    std::vector<std::string> handles;
    for (const auto& alias : brand.aliases) {
      if (alias.size() > 1 && alias[0] == '@') handles.push_back(lower_ascii(alias.substr(1)));
    }
    if (handles.empty()) {
      std::string joined;
      for (char ch : brand.name) {
        if (handle_char(ch)) joined += ch;
      }
      if (!joined.empty()) handles.push_back(lower_ascii(joined));
    }
    handles_.push_back(std::move(handles));
  }
  context.log(parley::LogLevel::debug, "mention: " + std::to_string(brand_names_.size()) + " brands, " +
                                           std::to_string(product_names_.size()) + " products");
}

bool MentionClassifier::tags_brand(std::string_view text, std::size_t brand) const {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && handle_char(text[end])) ++end;
    const std::string handle = lower_ascii(text.substr(at + 1, end - at - 1));
    for (const auto& known : handles_[brand]) {
      if (handle == known) return true;
    }
  }
  return false;
}

void MentionClassifier::classify(const parley::Event& event, parley::Labels& labels) {
  thread_local text::NormalizedText folded;
  thread_local MatchScores scores;
  matcher_.normalizer().normalize(event.text, folded);
  matcher_.match(folded, scores);

  const std::ptrdiff_t brand = best_of(scores.brands);
  if (brand >= 0) {
    const double score = scores.brands[static_cast<std::size_t>(brand)];
    labels.raise("mention.brand", score);
    labels.set_attribute("brand", brand_names_[static_cast<std::size_t>(brand)]);
    if (!tags_brand(event.text, static_cast<std::size_t>(brand))) labels.raise("mention.untagged", score);
  }
  const std::ptrdiff_t product = best_of(scores.products);
  if (product >= 0) {
    labels.raise("mention.product", scores.products[static_cast<std::size_t>(product)]);
    labels.set_attribute("product", product_names_[static_cast<std::size_t>(product)]);
  }
}

}  // namespace parley::mention
