// HostPluginContext: the host services one plugin instance receives.
#pragma once

#include <filesystem>
#include <memory>
#include <parley/plugin.hpp>
#include <string>

#include "config/secrets.hpp"

namespace parley::host {

class HostPluginContext final : public PluginContext {
 public:
  HostPluginContext(std::string pipeline, std::string instance_id, std::filesystem::path base_dir, bool dry_run,
                    std::shared_ptr<const SecretRegistry> secrets);

  void log(LogLevel level, std::string_view message) override;
  const std::string& pipeline() const override { return pipeline_; }
  const std::string& instance_id() const override { return instance_id_; }
  std::string resolve_path(std::string_view path) const override;
  std::int64_t now_ms() const override;
  bool dry_run() const override { return dry_run_; }

 private:
  std::string pipeline_;
  std::string instance_id_;
  std::filesystem::path base_dir_;
  bool dry_run_;
  std::shared_ptr<const SecretRegistry> secrets_;
};

}  // namespace parley::host
