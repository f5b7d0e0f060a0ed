// HostPluginContext: the host services one plugin instance receives.
#pragma once

#include <filesystem>
#include <memory>
#include <parley/plugin.hpp>
#include <string>

#include "config/secrets.hpp"
#include "engine/engine_clock.hpp"
#include "plugins/plugin_state_buffer.hpp"
#include "store/store_slot.hpp"

namespace parley::host {

class HostPluginContext final : public PluginContext {
 public:
  HostPluginContext(std::string pipeline, std::string instance_id, std::filesystem::path base_dir, bool dry_run,
                    std::shared_ptr<const SecretRegistry> secrets, std::shared_ptr<const EngineClock> clock = nullptr,
                    std::shared_ptr<const StoreSlot> store = nullptr, std::shared_ptr<HttpClient> http = nullptr,
                    std::shared_ptr<PluginStateBuffer> plugin_state = nullptr);

  void log(LogLevel level, std::string_view message) override;
  const std::string& pipeline() const override { return pipeline_; }
  const std::string& instance_id() const override { return instance_id_; }
  std::string resolve_path(std::string_view path) const override;
  std::int64_t now_ms() const override;
  bool dry_run() const override { return dry_run_; }
  AuthorHistory author_history(const Event& event) const override;
  std::optional<std::string> load_checkpoint(std::string_view key) const override;
  std::optional<std::string> load_state(std::string_view key) const override;
  /// Throws std::logic_error when built without a PluginStateBuffer.
  void save_state(std::string_view key, std::string_view value) override;
  /// The pipeline's client; throws std::logic_error when it was built without one.
  HttpClient& http() override;
  std::string hmac_sha256_hex(std::string_view key, std::string_view message) const override;
  const std::string& time_zone() const override { return time_zone_; }
  /// The pipeline's checked `timezone`; "UTC" until set.
  void set_time_zone(std::string time_zone) { time_zone_ = std::move(time_zone); }

 private:
  std::string pipeline_;
  std::string instance_id_;
  std::filesystem::path base_dir_;
  bool dry_run_;
  std::shared_ptr<const SecretRegistry> secrets_;
  std::shared_ptr<const EngineClock> clock_;         ///< null (check, classify): the system clock
  std::shared_ptr<const StoreSlot> store_;           ///< null, or not bound yet: no checkpoints
  std::shared_ptr<HttpClient> http_;                 ///< shared by the pipeline's instances
  std::shared_ptr<PluginStateBuffer> plugin_state_;  ///< shared by the pipeline's instances; null: no state
  std::string time_zone_ = "UTC";
};

/// While alive, author_history() called on this thread for `event` answers
/// `history`. The engine opens one around the classifiers of each event, so a
/// classifier sees the history of the event it was given and nothing else.
class AuthorHistoryScope {
 public:
  AuthorHistoryScope(const Event& event, const AuthorHistory& history);
  ~AuthorHistoryScope();
  AuthorHistoryScope(const AuthorHistoryScope&) = delete;
  AuthorHistoryScope& operator=(const AuthorHistoryScope&) = delete;

 private:
  const Event* previous_event_;
  const AuthorHistory* previous_history_;
};

}  // namespace parley::host
