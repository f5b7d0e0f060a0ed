#include "plugins/host_plugin_context.hpp"

#include <spdlog/spdlog.h>
#include <stdexcept>

#include "net/hmac.hpp"

namespace parley::host {

HostPluginContext::HostPluginContext(std::string pipeline, std::string instance_id, std::filesystem::path base_dir,
                                     bool dry_run, std::shared_ptr<const SecretRegistry> secrets,
                                     std::shared_ptr<const EngineClock> clock, std::shared_ptr<const StoreSlot> store,
                                     std::shared_ptr<HttpClient> http, std::shared_ptr<PluginStateBuffer> plugin_state)
    : pipeline_(std::move(pipeline)),
      instance_id_(std::move(instance_id)),
      base_dir_(std::move(base_dir)),
      dry_run_(dry_run),
      secrets_(std::move(secrets)),
      clock_(std::move(clock)),
      store_(std::move(store)),
      http_(std::move(http)),
      plugin_state_(std::move(plugin_state)) {}

void HostPluginContext::log(LogLevel level, std::string_view message) {
  // A plugin may echo a token it was given; the host redacts before writing.
  const auto text = secrets_ ? secrets_->redact(message) : std::string(message);
  const auto spd_level = level == LogLevel::debug  ? spdlog::level::debug
                         : level == LogLevel::info ? spdlog::level::info
                         : level == LogLevel::warn ? spdlog::level::warn
                                                   : spdlog::level::err;
  spdlog::log(spd_level, "[{}/{}] {}", pipeline_, instance_id_, text);
}

std::string HostPluginContext::resolve_path(std::string_view path) const {
  std::filesystem::path given(path);
  if (path.empty() || path == "-" || given.is_absolute()) return std::string(path);
  return (base_dir_ / given).lexically_normal().string();
}

std::optional<std::string> HostPluginContext::load_checkpoint(std::string_view key) const {
  // The instance id is the connector id its checkpoints are saved under.
  auto* store = store_ ? store_->get() : nullptr;
  if (store == nullptr) return std::nullopt;
  return store->load_checkpoint(instance_id_, std::string(key));
}

std::optional<std::string> HostPluginContext::load_state(std::string_view key) const {
  if (!plugin_state_) return std::nullopt;
  return plugin_state_->load(instance_id_, key);
}

void HostPluginContext::save_state(std::string_view key, std::string_view value) {
  if (!plugin_state_) throw std::logic_error("this context keeps no plugin state");
  plugin_state_->save(instance_id_, key, value);
}

std::int64_t HostPluginContext::now_ms() const { return clock_ ? clock_->now() : EngineClock::system_ms(); }

HttpClient& HostPluginContext::http() {
  if (!http_) throw std::logic_error("this context has no HTTP client");
  return *http_;
}

std::string HostPluginContext::hmac_sha256_hex(std::string_view key, std::string_view message) const {
  return host::hmac_sha256_hex(key, message);
}

}  // namespace parley::host

namespace parley::host {

namespace {
// The event whose classifiers run on this thread, and its author's history.
thread_local const Event* current_event = nullptr;
thread_local const AuthorHistory* current_history = nullptr;
}  // namespace

AuthorHistory HostPluginContext::author_history(const Event& event) const {
  // Compared by address: the classifier must pass the event it was given.
  if (current_event == &event && current_history != nullptr) return *current_history;
  return {};
}

AuthorHistoryScope::AuthorHistoryScope(const Event& event, const AuthorHistory& history)
    : previous_event_(current_event), previous_history_(current_history) {
  current_event = &event;
  current_history = &history;
}

AuthorHistoryScope::~AuthorHistoryScope() {
  current_event = previous_event_;
  current_history = previous_history_;
}

}  // namespace parley::host
