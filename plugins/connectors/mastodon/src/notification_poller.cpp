#include "notification_poller.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "mastodon_error.hpp"
#include "mention_event.hpp"

namespace parley::mastodon {

namespace {
using nlohmann::json;
constexpr const char* kPath = "/api/v1/notifications";
}  // namespace

void NotificationPoller::poll(PollBatch& batch, std::size_t max_events) {
  if (!loaded_) {  // not in the constructor: the store opens after plugins are created
    loaded_ = true;
    since_id_ = context_.load_checkpoint(kCheckpointSinceId);
    if (since_id_ && since_id_->empty()) since_id_.reset();
  }
  if (waiting_.empty() && !checkpoint_ && context_.now_ms() >= next_read_at_ms_) read(batch);
  drain(batch, max_events);
}

void NotificationPoller::read(PollBatch& batch) {
  next_read_at_ms_ = context_.now_ms() + config_.poll_interval_s * 1000;
  Parameters query{{"types[]", "mention"}};
  if (config_.include_status_notifications) query.emplace_back("types[]", "status");
  query.emplace_back("limit", std::to_string(config_.page_size));
  if (since_id_) query.emplace_back("since_id", *since_id_);
  const auto max_pages = since_id_ ? config_.max_pages_per_poll : config_.backfill;

  std::vector<Event> newest_first;
  std::optional<std::string> newest_id;
  std::string next_url;
  bool complete = false;
  for (std::int64_t page = 1; page <= max_pages; ++page) {
    const auto response = page == 1 ? api_.get(kPath, query) : api_.get_url(next_url);
    const auto where = "GET " + std::string(kPath) + " page " + std::to_string(page);
    if (!response.ok()) {
      // Events already read still go out (the host drops repeats); the checkpoint stays.
      context_.log(LogLevel::warn, "reading mentions failed, trying again in " +
                                       std::to_string(config_.poll_interval_s) +
                                       " s: " + result_for_failure(response, config_.access_token).message);
      for (auto it = newest_first.rbegin(); it != newest_first.rend(); ++it) waiting_.push_back(std::move(*it));
      return;
    }
    const auto notifications = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (!notifications.is_array()) {
      batch.rejected.push_back({where, "expected a JSON array of notifications", response.body.substr(0, 4096)});
      return;
    }
    bool reached_checkpoint = false;
    for (std::size_t i = 0; i < notifications.size(); ++i) {
      const auto& notification = notifications[i];
      const auto id = notification.is_object() && notification.contains("id") && notification["id"].is_string()
                          ? notification["id"].get<std::string>()
                          : std::string();
      if (id.empty()) {
        batch.rejected.push_back({where + " [" + std::to_string(i) + "]", "a notification needs a string 'id'",
                                  notification.dump().substr(0, 4096)});
        continue;
      }
      if (since_id_ && !is_newer_id(id, *since_id_)) {
        reached_checkpoint = true;  // read before; Link pages do not carry since_id
        continue;
      }
      if (!newest_id || is_newer_id(id, *newest_id)) newest_id = id;
      auto parsed = read_notification(notification, config_);
      if (!parsed.rejected.empty()) {
        batch.rejected.push_back({where + " notification " + id, parsed.rejected, notification.dump().substr(0, 4096)});
      }
      if (parsed.event) {
        known_.remember(parsed.event->metadata["mastodon.status_id"], *parsed.facts);
        newest_first.push_back(std::move(*parsed.event));
      }
    }
    const auto link = response.header("Link");
    const auto next = link ? next_link(*link) : std::nullopt;
    if (notifications.empty() || reached_checkpoint || !next) {
      complete = true;
      break;
    }
    next_url = *next;
  }
  if (!complete && since_id_) {
    context_.log(LogLevel::warn, "more than " + std::to_string(max_pages) +
                                     " pages of new mentions since the last read; older ones are skipped "
                                     "(raise max_pages_per_poll or lower poll_interval_s)");
  }
  // Oldest first, as they were written; the checkpoint goes with the last one.
  for (auto it = newest_first.rbegin(); it != newest_first.rend(); ++it) waiting_.push_back(std::move(*it));
  if (newest_id) {
    since_id_ = newest_id;
    checkpoint_ = newest_id;
  }
}

void NotificationPoller::drain(PollBatch& batch, std::size_t max_events) {
  while (!waiting_.empty() && batch.events.size() < max_events) {
    batch.events.push_back(std::move(waiting_.front()));
    waiting_.pop_front();
  }
  // Committed with the read's last event, so a crash reads the mentions again rather than skip them.
  if (waiting_.empty() && checkpoint_) {
    batch.checkpoints[kCheckpointSinceId] = *checkpoint_;
    checkpoint_.reset();
  }
}

}  // namespace parley::mastodon
