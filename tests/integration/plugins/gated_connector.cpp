// Test plugin: a connector whose "platform" is down until a gate file exists.
// It polls `events` fixed comments once; an action fails (retryable) while
// `gate` is missing, and is appended to `output` (kind, key, retry mark) once
// it exists, so tests can make actions fail for good and retry them later.
#include <filesystem>
#include <fstream>
#include <parley/parley.hpp>
#include <string>

namespace {

class GatedConnector final : public parley::Connector {
 public:
  GatedConnector(const parley::ConfigValue& config, parley::PluginContext& context)
      : events_(config.at("events").as_integer()),
        gate_(context.resolve_path(config.at("gate").as_string())),
        output_(context.resolve_path(config.at("output").as_string())) {}

  void poll(parley::PollBatch& batch, std::size_t) override {
    for (; polled_ < events_; ++polled_) {
      parley::Event event;
      event.id = "gated-" + std::to_string(polled_ + 1);
      event.platform = "gated";
      event.account = "gated-account";
      event.author.id = "u-" + std::to_string(polled_ + 1);
      event.text = "my order is late";
      batch.events.push_back(std::move(event));
    }
    batch.exhausted = true;
  }

  parley::ActionResult execute(const parley::Action& action) override {
    if (!std::filesystem::exists(gate_)) {
      return {parley::ActionResult::Status::failed_retryable, "", "platform down (HTTP 503)"};
    }
    const auto retry = action.params.find("parley.retry");
    std::ofstream(output_, std::ios::app) << parley::to_string(action.kind) << " " << action.idempotency_key << " "
                                          << (retry == action.params.end() ? "first" : "retry") << "\n";
    return {parley::ActionResult::Status::done, "gated:" + action.idempotency_key, ""};
  }

  std::vector<parley::ActionKind> supported_actions() const override { return {parley::ActionKind::reply_public}; }

 private:
  std::int64_t events_;
  std::int64_t polled_ = 0;
  std::string gate_;
  std::string output_;
};

parley::ConfigSchema gated_schema() {
  return {parley::schema::integer("events").describe("how many comments to poll").defaults(1),
          parley::schema::string("gate").describe("actions fail until this file exists").require(),
          parley::schema::string("output").describe("where executed actions are appended").require()};
}

}  // namespace

PARLEY_PLUGIN(connector, GatedConnector, "gated", "1.0.0", "Actions fail until a file exists (tests only)",
              gated_schema)
