#include "action_journal.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "utc_time.hpp"

namespace parley::replay {

std::string action_to_json_line(const Action& action, std::int64_t at_ms) {
  nlohmann::ordered_json line;
  line["key"] = action.idempotency_key;
  line["action"] = std::string(to_string(action.kind));
  line["target_event_id"] = action.target_event_id;
  line["target_author_id"] = action.target_author_id;
  line["text"] = action.text;
  line["params"] = nlohmann::ordered_json::object();
  for (const auto& [name, value] : action.params) line["params"][name] = value;
  line["reason"] = action.reason;
  line["rule"] = action.rule_id;
  line["at"] = format_utc_timestamp(at_ms);
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

ActionJournal::ActionJournal(std::string path) : path_(std::move(path)) {
  if (!path_.empty()) load_existing_keys();
}

ActionJournal::~ActionJournal() = default;

void ActionJournal::load_existing_keys() {
  std::error_code error;
  // Only a regular file holds earlier keys (not /dev/null, not a pipe).
  if (!std::filesystem::is_regular_file(path_, error)) return;
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read action output '" + path_ + "': " + std::strerror(errno));
  std::string line;
  bool last_line_complete = true;
  while (std::getline(in, line)) {
    last_line_complete = !in.eof();
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    const auto key = parsed.is_object() ? parsed.find("key") : parsed.end();
    if (!parsed.is_object() || key == parsed.end() || !key->is_string()) {
      ++unreadable_lines_;
      continue;
    }
    if (!key->get_ref<const std::string&>().empty()) keys_.insert(key->get<std::string>());
  }
  needs_newline_ = !last_line_complete;
}

void ActionJournal::open() {
  if (path_.empty() || file_) return;
  const std::filesystem::path path(path_);
  if (path.has_parent_path()) {
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      throw std::runtime_error("cannot create the folder of action output '" + path_ + "': " + error.message());
    }
  }
  file_.reset(std::fopen(path_.c_str(), "ab"));
  if (!file_) throw std::runtime_error("cannot open action output '" + path_ + "': " + std::strerror(errno));
}

void ActionJournal::record(const Action& action, std::int64_t at_ms) {
  if (!path_.empty()) {
    open();
    std::string line;
    if (needs_newline_) line += '\n';  // end the partial line a crash left behind
    line += action_to_json_line(action, at_ms);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), file_.get()) != line.size() || std::fflush(file_.get()) != 0) {
      const std::string reason = std::strerror(errno);
      std::clearerr(file_.get());
      needs_newline_ = true;  // part of the line may be in the file; the retry starts a new one
      throw std::runtime_error("cannot write to action output '" + path_ + "': " + reason);
    }
    needs_newline_ = false;
  }
  if (!action.idempotency_key.empty()) keys_.insert(action.idempotency_key);
}

}  // namespace parley::replay
