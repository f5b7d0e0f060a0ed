#include "engine/action_executor.hpp"

#include <chrono>
#include <thread>

namespace parley::host {

namespace {
const PluginInstance<Connector>* find_connector(const PipelineRuntime& runtime, const std::string& id) {
  for (const auto& connector : runtime.connectors) {
    if (connector.id == id) return &connector;
  }
  return nullptr;
}
}  // namespace

std::optional<DeadLetter> execute_action(const PipelineRuntime& runtime, Store& store, const RetryPolicy& retry,
                                         OutboxEntry& entry, bool may_have_run_before) {
  const auto* connector = find_connector(runtime, entry.connector_id);
  const auto* capabilities = runtime.capabilities_of(entry.connector_id);
  if (connector == nullptr) {
    entry.status = OutboxStatus::failed;
    entry.note = "no connector '" + entry.connector_id + "' in this pipeline";
  } else if (is_host_internal(entry.action.kind) && capabilities && !capabilities->lists(entry.action.kind)) {
    // No platform effect, and the connector does not record it: the host's
    // own record (audit, outbox, case state) is all there is to do.
    entry.status = OutboxStatus::done;
    entry.platform_id = "host:" + std::string(to_string(entry.action.kind));
    entry.note.clear();
  } else {
    for (int attempt = 1; attempt <= retry.max_attempts; ++attempt) {
      ++entry.attempts;
      ActionResult result;
      const Action* sent = &entry.action;
      Action marked;  // a copy only when it needs the retry mark
      if (attempt > 1 || may_have_run_before) {
        marked = entry.action;
        marked.params.insert_or_assign(std::string("parley.retry"), std::string("1"));
        sent = &marked;
      }
      auto error = call_plugin([&] { result = connector->object->execute(*sent); }, {1, 0}, connector->plugin,
                               entry.event_id, "execute an action for", runtime.secrets.get());
      if (error) result = {ActionResult::Status::failed_retryable, "", *error};
      if (result.status == ActionResult::Status::done) {
        entry.status = OutboxStatus::done;
        entry.platform_id = result.platform_id;
        entry.note.clear();
        break;
      }
      entry.status = OutboxStatus::failed;
      entry.note = runtime.secrets ? runtime.secrets->redact(result.message) : result.message;
      if (result.status == ActionResult::Status::failed_permanent) break;
      if (attempt < retry.max_attempts) {
        std::this_thread::sleep_for(std::chrono::milliseconds(retry.backoff_ms << (attempt - 1)));
      }
    }
  }
  store.update_outbox(entry);
  if (entry.status != OutboxStatus::failed) return std::nullopt;
  DeadLetter letter{"execute",
                    connector ? connector->plugin : entry.connector_id,
                    entry.event_id,
                    entry.action.idempotency_key,
                    entry.note,
                    "",
                    0};
  store.add_dead_letter(letter);
  return letter;
}

}  // namespace parley::host
