// parley-fasttext-prep: prepares text for fastText exactly as the fasttext
// classifier does at run time (TextPreprocessor), so training data and live
// events are seen the same way. See README.md, "Training a model".
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fasttext_config.hpp"
#include "text_preprocessor.hpp"

namespace {

constexpr std::string_view kUsage = R"(Usage: parley-fasttext-prep [options] [FILE...]
Reads text (FILEs, or standard input when none or "-") and writes it prepared
for fastText: one line per input line, as the fasttext classifier sees it.

  --jsonl            input is JSON Lines with a "text" field (default: plain text lines)
  --label KEY        write training lines "__label__VALUE prepared text" from the row's
                     labels.KEY: 1/true -> KEY, 0/false -> not_KEY, a string -> itself.
                     Rows without labels.KEY or without words are skipped. Implies --jsonl.
  --holdout P        split rows by a hash of their "id" (FNV-1a 64 modulo 100 < P: held out);
  --part PART        ... and keep only PART: train or holdout. Implies --jsonl.
  --raw              write the kept input lines unchanged (to cut a JSONL set into its parts)
  --help             this text
)";

struct Options {
  bool jsonl = false;
  std::optional<std::string> label_key;
  int holdout_percent = -1;
  std::string part;
  bool raw = false;
  std::vector<std::string> files;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "parley-fasttext-prep: " << message << "\n" << kUsage;
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(std::string(arg) + " needs a value");
      return argv[++i];
    };
    if (arg == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (arg == "--jsonl") {
      options.jsonl = true;
    } else if (arg == "--label") {
      options.label_key = value();
      options.jsonl = true;
    } else if (arg == "--holdout") {
      const std::string text = value();
      char* end = nullptr;
      const long percent = std::strtol(text.c_str(), &end, 10);
      if (*end != '\0' || percent < 0 || percent > 100) usage_error("--holdout takes a percentage 0..100");
      options.holdout_percent = static_cast<int>(percent);
    } else if (arg == "--part") {
      options.part = value();
      if (options.part != "train" && options.part != "holdout") usage_error("--part is train or holdout");
      options.jsonl = true;
    } else if (arg == "--raw") {
      options.raw = true;
    } else if (arg.starts_with("--")) {
      usage_error("unknown option " + std::string(arg));
    } else {
      options.files.emplace_back(arg);
    }
  }
  if ((options.holdout_percent >= 0) != !options.part.empty()) usage_error("--holdout and --part go together");
  if (options.files.empty()) options.files.emplace_back("-");
  return options;
}

/// The split is a pure function of the id, so every run and tool agrees on it.
bool is_held_out(const std::string& id, int percent) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return static_cast<int>(hash % 100) < percent;
}

std::optional<std::string> label_value(const nlohmann::json& row, const std::string& key) {
  const auto labels = row.find("labels");
  if (labels == row.end() || !labels->is_object()) return std::nullopt;
  const auto value = labels->find(key);
  if (value == labels->end() || value->is_null()) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>() ? key : "not_" + key;
  if (value->is_number()) return value->get<double>() != 0.0 ? key : "not_" + key;
  if (value->is_string()) return value->get<std::string>();
  return std::nullopt;
}

class Preparer {
 public:
  explicit Preparer(Options options) : options_(std::move(options)) {}

  /// Returns false on input it cannot read (reported on stderr).
  bool process(std::istream& in, const std::string& name) {
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!options_.jsonl) {
        std::cout << (options_.raw ? line : preprocessor_.prepare(line)) << '\n';
        continue;
      }
      if (line.empty()) continue;
      nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (row.is_discarded() || !row.is_object() || !row.contains("text") || !row["text"].is_string()) {
        std::cerr << "parley-fasttext-prep: " << name << ":" << number << ": not a JSON object with a \"text\"\n";
        return false;
      }
      if (!options_.part.empty()) {
        const std::string id = row.contains("id") && row["id"].is_string() ? row["id"].get<std::string>() : "";
        if (id.empty()) {
          std::cerr << "parley-fasttext-prep: " << name << ":" << number << ": --part needs a string \"id\"\n";
          return false;
        }
        if (is_held_out(id, options_.holdout_percent) != (options_.part == "holdout")) continue;
      }
      std::optional<std::string> label;
      if (options_.label_key) {
        label = label_value(row, *options_.label_key);
        if (!label) {
          ++skipped_;
          continue;
        }
      }
      if (options_.raw) {
        std::cout << line << '\n';
        continue;
      }
      const std::string text = preprocessor_.prepare(row["text"].get<std::string>());
      if (label && text.empty()) {
        ++skipped_;
        continue;
      }
      if (label) std::cout << parley::fasttext::kModelLabelPrefix << *label << ' ';
      std::cout << text << '\n';
    }
    return true;
  }

  std::size_t skipped() const { return skipped_; }

 private:
  Options options_;
  parley::fasttext::TextPreprocessor preprocessor_;
  std::size_t skipped_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const Options options = parse_options(argc, argv);
  Preparer preparer(options);
  for (const auto& file : options.files) {
    if (file == "-") {
      if (!preparer.process(std::cin, "<stdin>")) return 1;
      continue;
    }
    std::ifstream in(file);
    if (!in) {
      std::cerr << "parley-fasttext-prep: cannot open " << file << "\n";
      return 1;
    }
    if (!preparer.process(in, file)) return 1;
  }
  if (preparer.skipped() > 0) {
    std::cerr << "parley-fasttext-prep: skipped " << preparer.skipped() << " row(s) without the label or words\n";
  }
  return 0;
}
