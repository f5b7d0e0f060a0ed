// The playbook responder's configuration: its schema (checked by the host)
// and the typed form the strategy is built from. Every PLAYBOOK rule the
// plugin carries out can be switched off or tuned here, per brand.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <parley/config.hpp>

#include "business_calendar.hpp"
#include "message_catalog.hpp"

namespace parley::playbook {

struct Thresholds {
  double complaint = 0.5;
  double question = 0.5;
  double praise = 0.6;
  double compensation = 0.5;
  double offtopic = 0.6;
  double spam = 0.7;
  double offensive = 0.6;
  double target = 0.5;  ///< abuse.target.staff|community: abuse aimed at people
  double persona = 0.5;
  double unplaced_negative = 0.6;  ///< sentiment.negative of a comment nothing else placed: a person looks (P1)
};

struct EscalationRoute {
  std::string department;
  std::map<std::string, std::string> titles;  ///< language -> how texts name the team ({department}); "" = any
  std::string contact;
  std::vector<std::string> topics;      ///< complaint themes; "*" = any
  std::vector<std::string> keywords;    ///< words in the text (any language), folded
  std::string min_severity = "normal";  ///< normal or high
};

struct PersonaStrategy {
  std::string escalate_to;  ///< department for this portrait; empty = none
  std::string offer;        ///< what may be offered privately; empty = nothing
  int max_concessions = 0;  ///< offers per author before declining (rip_off)
};

struct PlaybookConfig {
  std::string brand;
  std::vector<std::string> languages = {"en"};  ///< P20: languages the brand answers in
  std::string default_language = "en";
  Thresholds thresholds;

  BusinessCalendar calendar;                       ///< P2: default open around the clock, UTC
  std::int64_t first_response_ms = 3600 * 1000;    ///< P2 SLA, in open time
  std::int64_t full_answer_ms = 24 * 3600 * 1000;  ///< what the acknowledgement promises

  bool acknowledge_publicly = true;      ///< P2
  bool move_private = true;              ///< P4
  std::int64_t community_window_ms = 0;  ///< P7; 0 = answer questions at once
  bool answer_questions = true;
  bool thank_praise = true;

  std::string policy_link;  ///< P8
  bool warn_abuse = true;
  bool hide_abuse = true;
  int ban_after_warnings = 2;
  bool ban_abuse_of_people_at_once = true;  ///< P8: abuse aimed at staff or community
  /// A threat also goes to a person: this department of `escalation`, or
  /// (empty) a notification to the community team.
  std::string threats_to;
  bool hide_spam = true;
  bool delete_spam = false;  ///< P9: only when the brand allows it (the guard decides too)

  bool ignore_offtopic = true;                         ///< P18
  bool resolved_note = true;                           ///< P6
  bool request_removal = false;                        ///< P5: never unless the brand turns it on
  std::int64_t follow_up_ms = 3LL * 24 * 3600 * 1000;  ///< P14; 0 = off

  std::map<std::string, PersonaStrategy> personas;    ///< P16, by persona name
  std::vector<EscalationRoute> escalation;            ///< P12, first match wins
  std::map<std::string, std::string> knowledge_base;  ///< P13: theme -> link ("default" for any)
  std::vector<std::string> banned_phrases;            ///< P3/P19: the brand's corporate boilerplate
  MessageCatalog catalog = MessageCatalog::defaults();
};

ConfigSchema playbook_schema();

/// Reads and checks a config section; throws std::invalid_argument naming
/// the key at fault. `pipeline_time_zone` (PluginContext::time_zone) is the
/// calendar's zone unless `calendar.time_zone` names another.
PlaybookConfig parse_playbook_config(const ConfigValue& config, const std::string& pipeline_time_zone = "UTC");

/// "90s", "15m", "2h", "3d", "1w" (or "0" for off) in milliseconds; throws
/// std::invalid_argument naming `key` otherwise.
std::int64_t parse_duration(const std::string& text, const std::string& key);

}  // namespace parley::playbook
