// NullStore: keeps nothing. Measures the pipeline without durable state.
#pragma once

#include "store/store.hpp"

namespace parley::bench {

class NullStore final : public host::Store {
 public:
  bool seen(const std::string&) override { return false; }
  host::CaseState load_case(const std::string&) override { return {}; }
  host::AuthorState load_author(const std::string&, const std::string&) override { return {}; }
  using host::Store::commit;
  void commit(std::vector<host::EventOutcome>&, const std::vector<host::DeadLetter>&,
              const std::vector<host::Checkpoint>&, const std::vector<host::PluginStateValue>&) override {}
  std::int64_t latest_approval_id() override { return 0; }
  bool commit_unless_approved_after(std::int64_t, std::vector<host::EventOutcome>&,
                                    const std::vector<host::DeadLetter>&, const std::vector<host::Checkpoint>&,
                                    const std::vector<host::PluginStateValue>&) override {
    return true;
  }
  std::vector<host::OutboxEntry> outbox(host::OutboxStatus) override { return {}; }
  void update_outbox(const host::OutboxEntry&) override {}
  void add_dead_letter(const host::DeadLetter&) override {}
  std::vector<host::DeadLetter> dead_letters() override { return {}; }
  std::optional<host::DeadLetter> dead_letter(std::int64_t) override { return std::nullopt; }
  bool resolve_dead_letter(std::int64_t, const host::DeadLetterResolution&) override { return false; }
  bool requeue_dead_letter(std::int64_t, const std::string&, const std::string&) override { return false; }
  std::vector<host::AuditRecord> audit() override { return {}; }
  std::optional<host::OutboxEntry> outbox_entry(std::int64_t) override { return std::nullopt; }
  host::DecideResult decide(host::ApprovalDecision, const host::ApprovalEffects&) override { return {}; }
  std::vector<host::ApprovalDecision> approval_decisions(std::int64_t) override { return {}; }
  std::optional<host::AuditRecord> audit_of_event(const std::string&) override { return std::nullopt; }
  std::vector<host::Timer> due_timers(std::int64_t, std::size_t) override { return {}; }
  std::vector<host::Timer> timers() override { return {}; }
  host::ThreadCounts thread_counts(const std::string&, const std::string&, const std::string&, std::int64_t) override {
    return {};
  }
  std::vector<host::CaseTransition> transitions() override { return {}; }
  std::vector<host::CaseTransition> case_transitions(const std::string&) override { return {}; }
  std::int64_t load_clock() override { return 0; }
  void save_clock(std::int64_t) override {}
  std::size_t add_to_inbox(const host::InboxDelivery&) override { return 0; }
  std::vector<host::InboxEvent> inbox(const std::string&, std::size_t) override { return {}; }
  std::optional<std::string> load_checkpoint(const std::string&, const std::string&) override { return std::nullopt; }
  std::optional<std::string> load_plugin_state(const std::string&, const std::string&) override { return std::nullopt; }
};

}  // namespace parley::bench
