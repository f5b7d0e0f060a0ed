// PlaybookResponder: carries out PLAYBOOK P1..P20 for one brand. For each
// event it proposes what the playbook calls for, each action citing its rule
// in rule_id and reason; the host's guard still decides what is executed.
// See ../README.md for the decision order.
#pragma once

#include <optional>
#include <parley/parley.hpp>
#include <string>
#include <vector>

#include "escalation_router.hpp"
#include "playbook_config.hpp"
#include "reply_writer.hpp"

namespace parley::playbook {

class PlaybookResponder final : public Responder {
 public:
  PlaybookResponder(const ConfigValue& config, PluginContext& context);

  /// Called concurrently for events of distinct cases: the only shared
  /// mutable state is the ReplyWriter's variant memory, which locks.
  void respond(const Event& event, const Labels& labels, const CaseView& case_view,
               std::vector<Action>& proposals) override;

  /// What this brand's config can lead to: e.g. delete only with
  /// abuse.delete_spam, escalate only with an escalation directory. A ban is
  /// always possible (P8: the last step after abuse.ban_after_warnings).
  std::optional<std::vector<ActionKind>> possible_actions() const override;

 private:
  struct Turn;

  void on_timer(Turn& turn);
  void on_resolved(Turn& turn);
  void on_spam(Turn& turn);
  void on_abuse(Turn& turn, bool obscene_or_hateful_at_people);
  /// P8's ladder: ban at once, ban after warnings, or warn; and hide.
  void moderate_abuse(Turn& turn, bool obscene_or_hateful_at_people);
  /// A threat to a person: `abuse.threats_to`'s department, or a notification.
  void refer_threat(Turn& turn);
  void on_complaint(Turn& turn);
  void on_first_complaint(Turn& turn);
  void on_question(Turn& turn);
  void offer_or_decline(Turn& turn);
  void escalate(Turn& turn, const EscalationRoute& route, const std::string& rule, const std::string& why);
  void check_first_response_time(Turn& turn);
  /// A toxicity label strong enough to act on (thresholds.offensive).
  bool strong(const parley::Labels& labels, const char* label) const;
  /// An abuse.target.* label that names who the abuse is aimed at (thresholds.target).
  bool aimed_at(const parley::Labels& labels, const char* label) const;

  /// Proposes a text action; a text that fails the tone check is held back
  /// and reported to a person instead (P3).
  void say(Turn& turn, ActionKind kind, std::string_view message_name, const std::string& rule, std::string reason,
           std::map<std::string, std::string> params = {});
  void act(Turn& turn, ActionKind kind, const std::string& rule, std::string reason,
           std::map<std::string, std::string> params = {});

  PlaybookConfig config_;
  PluginContext& context_;
  ReplyWriter writer_;
  EscalationRouter router_;
};

}  // namespace parley::playbook
