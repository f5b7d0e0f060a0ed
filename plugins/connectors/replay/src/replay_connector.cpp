#include "replay_connector.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace parley::replay {
namespace {

constexpr std::size_t kMaxRejectedRawBytes = 4096;

/// `line` cut to at most `limit` bytes, never inside a UTF-8 sequence.
std::string truncate_utf8(const std::string& line, std::size_t limit) {
  if (line.size() <= limit) return line;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
  return line.substr(0, end);
}

void sleep_for(std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); }

}  // namespace

ReplayConnector::ReplayConnector(const ConfigValue& config, PluginContext& context)
    : ReplayConnector(config, context, &sleep_for) {}

ReplayConnector::ReplayConnector(const ConfigValue& config, PluginContext& context, Sleeper sleep)
    : context_(context),
      config_(ReplayConfig::from(config)),
      sleep_(std::move(sleep)),
      journal_(config_.output.empty() ? std::string() : context.resolve_path(config_.output)) {
  defaults_.account = config_.account;
  if (config_.input == "-") {
    input_ = &std::cin;
  } else {
    const auto path = context.resolve_path(config_.input);
    file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file_) {
      throw std::runtime_error("replay: cannot open input '" + path + "': " + std::strerror(errno));
    }
    input_ = file_.get();
  }
  if (journal_.unreadable_lines() > 0) {
    context_.log(LogLevel::warn, "replay: skipped " + std::to_string(journal_.unreadable_lines()) +
                                     " unreadable line(s) in action output '" + journal_.path() + "'");
  }
  if (!context.dry_run()) journal_.open();
}

std::string ReplayConnector::where() const {
  return (config_.input == "-" ? std::string("stdin") : config_.input) + ":" + std::to_string(line_number_);
}

bool ReplayConnector::read_line(std::string& line) {
  if (input_ended_) return false;
  if (!std::getline(*input_, line)) {
    if (input_->bad()) {
      context_.log(LogLevel::error,
                   "replay: reading '" + config_.input + "' failed after line " + std::to_string(line_number_));
    }
    input_ended_ = true;
    return false;
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line_number_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte order mark
  return true;
}

void ReplayConnector::poll(PollBatch& batch, std::size_t max_events) {
  std::size_t taken = 0;
  std::size_t events_this_call = 0;
  std::string line;
  while (taken < max_events) {
    if (!waiting_) {
      if (!read_line(line)) break;
      if (is_blank_or_comment(line)) continue;
      auto parsed = parse_event_line(line, defaults_);
      if (!parsed.event) {
        batch.rejected.push_back({where(), std::move(parsed.error), truncate_utf8(line, kMaxRejectedRawBytes)});
        ++taken;
        continue;
      }
      waiting_ = std::move(parsed.event);
    }
    if (config_.speed == ReplaySpeed::realtime) {
      const std::int64_t time = waiting_->created_at;
      if (latest_time_ && time > *latest_time_) {
        if (events_this_call > 0) break;  // deliver what we have; wait in the next call
        const auto gap = std::min(time - *latest_time_, config_.max_gap_ms);
        if (gap > 0) sleep_(std::chrono::milliseconds(gap));
      }
      latest_time_ = latest_time_ ? std::max(*latest_time_, time) : time;
    }
    batch.events.push_back(std::move(*waiting_));
    waiting_.reset();
    ++taken;
    ++events_this_call;
  }
  if (input_ended_ && !waiting_) batch.exhausted = true;
}

ActionResult ReplayConnector::execute(const Action& action) {
  ActionResult result;
  if (!action.idempotency_key.empty() && journal_.contains(action.idempotency_key)) {
    result.message = "already done (idempotency key '" + action.idempotency_key + "' seen before)";
    return result;
  }
  try {
    journal_.record(action, context_.now_ms());
  } catch (const std::runtime_error& error) {
    result.status = ActionResult::Status::failed_retryable;
    result.message = error.what();
  }
  return result;
}

std::vector<ActionKind> ReplayConnector::supported_actions() const { return config_.supported_actions; }

}  // namespace parley::replay
