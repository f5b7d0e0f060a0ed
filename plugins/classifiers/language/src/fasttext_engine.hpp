// FastTextEngine: fastText's lid.176 language-ID model (Facebook/Meta,
// CC BY-SA 3.0). The strongest engine when any language may come.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fasttext {
class FastText;
}

namespace parley::language {

struct Candidate {
  std::string language;  ///< ISO 639-1 (or the model's code when it has none)
  double probability = 0.0;
};

class FastTextEngine {
 public:
  /// Loads the model once. Throws std::runtime_error naming `model` when it
  /// is missing or not a fastText model.
  explicit FastTextEngine(const std::filesystem::path& model);
  ~FastTextEngine();
  FastTextEngine(const FastTextEngine&) = delete;
  FastTextEngine& operator=(const FastTextEngine&) = delete;

  /// The `k` most probable languages of `words`, most probable first.
  /// Threading: safe to call concurrently (FastText::predictLine is const in
  /// fastText 0.9.2 and keeps its per-call state on the stack).
  void predict(std::string_view words, int k, std::vector<Candidate>& out) const;

  /// Every language the model knows.
  const std::vector<std::string>& languages() const { return languages_; }

 private:
  std::unique_ptr<fasttext::FastText> model_;
  std::vector<std::string> languages_;
};

}  // namespace parley::language
