#include "mastodon_connector.hpp"

#include <nlohmann/json.hpp>

#include "html_text.hpp"
#include "mastodon_error.hpp"
#include "mention_event.hpp"

namespace parley::mastodon {

namespace {

using nlohmann::json;
using Status = ActionResult::Status;

constexpr std::size_t kReportCommentChars = 1000;  // Mastodon's default maximum for a report comment

ActionResult result(Status status, std::string message, std::string platform_id = {}) {
  ActionResult made;
  made.status = status;
  made.message = std::move(message);
  made.platform_id = std::move(platform_id);
  return made;
}

std::string param(const Action& action, const char* name) {
  const auto found = action.params.find(name);
  return found == action.params.end() ? std::string() : found->second;
}

/// How far a visibility reaches: public 0 ... direct 3 (unknown: as public).
int narrowness(const std::string& visibility) {
  if (visibility == "unlisted") return 1;
  if (visibility == "private") return 2;
  if (visibility == "direct") return 3;
  return 0;
}

/// The first `count` code points of UTF-8 `text`.
std::string first_code_points(const std::string& text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == count) return text.substr(0, i);
  }
  return text;
}

}  // namespace

MastodonConnector::MastodonConnector(const ConfigValue& config, PluginContext& context)
    : context_(context),
      config_(MastodonConfig::from(config)),
      api_(context_, config_),
      poller_(context_, config_, api_, known_) {}

void MastodonConnector::poll(PollBatch& batch, std::size_t max_events) { poller_.poll(batch, max_events); }

std::vector<ActionKind> MastodonConnector::supported_actions() const {
  // escalate is a report to the instance's moderators; notify is not
  // Mastodon's to do (a pipeline routes it to a team channel).
  return {ActionKind::reply_public,    ActionKind::reply_private, ActionKind::ban,       ActionKind::warn,
          ActionKind::request_removal, ActionKind::escalate,      ActionKind::follow_up, ActionKind::label,
          ActionKind::assign,          ActionKind::ignore};
}

ActionResult MastodonConnector::execute(const Action& action) {
  if (!action.idempotency_key.empty()) {
    if (const auto done = done_.find(action.idempotency_key); done != done_.end()) return done->second;
  }
  auto outcome = carry_out(action);
  if (outcome.status == Status::done && !action.idempotency_key.empty()) done_[action.idempotency_key] = outcome;
  return outcome;
}

ActionResult MastodonConnector::carry_out(const Action& action) {
  switch (action.kind) {
    case ActionKind::reply_public:
    case ActionKind::warn:
    case ActionKind::request_removal: return post_reply(action, /*direct=*/false);
    case ActionKind::reply_private: return post_reply(action, /*direct=*/true);
    case ActionKind::ban: return ban(action);
    case ActionKind::escalate:
      if (param(action, "department") == "instance") return report(action);
      // Marking it done would tell nobody: it fails, and is parked for a person.
      return result(Status::failed_permanent,
                    "Mastodon escalates only to the instance's moderators (department: instance), not to '" +
                        param(action, "department") + "'; send escalations to a team channel with routes:");
    case ActionKind::ignore:
    case ActionKind::label:
    case ActionKind::assign:
    case ActionKind::follow_up:
      return result(Status::done,
                    std::string(to_string(action.kind)) + ": nothing to do on Mastodon (the host does it)");
    case ActionKind::notify:
      return result(Status::failed_permanent,
                    "Mastodon cannot notify the brand's team; send notify to a team channel with routes:");
    default:
      return result(Status::failed_permanent,
                    "Mastodon cannot " + std::string(to_string(action.kind)) +
                        " another account's status (an account deletes only its own); use a fallback");
  }
}

std::optional<StatusFacts> MastodonConnector::facts_of(const std::string& status_id, ActionResult& failure) {
  if (auto known = known_.find(status_id)) return known;
  const auto response = api_.get("/api/v1/statuses/" + status_id, {});
  if (!response.ok()) {
    failure = result_for_failure(response, config_.access_token);
    return std::nullopt;
  }
  auto facts = status_facts(json::parse(response.body, nullptr, /*allow_exceptions=*/false));
  if (!facts) {
    failure = result(Status::failed_retryable, "the instance's status " + status_id + " has no account.acct");
    return std::nullopt;
  }
  known_.remember(status_id, *facts);
  return facts;
}

ActionResult MastodonConnector::post_reply(const Action& action, bool direct) {
  if (action.text.empty()) return result(Status::failed_permanent, "nothing to post: the action has no text");
  const auto status_id = status_id_from_event_id(action.target_event_id);
  if (!is_mastodon_id(status_id)) {
    return result(Status::failed_permanent, "target '" + action.target_event_id + "' is not a Mastodon status id");
  }
  ActionResult failure;
  const auto facts = facts_of(status_id, failure);
  if (!facts) return failure;

  // Mention the author so they are notified; a direct status reaches only the accounts it mentions.
  const auto mention = "@" + facts->acct;
  const bool mentioned = action.text == mention || action.text.rfind(mention + " ", 0) == 0;
  const auto text = mentioned ? action.text : mention + " " + action.text;
  if (const auto length = code_points(text); length > static_cast<std::size_t>(config_.max_status_chars)) {
    const auto limit = std::to_string(config_.max_status_chars);
    return result(Status::failed_permanent, "the reply is " + std::to_string(length) +
                                                " characters and the instance allows " + limit +
                                                " (max_status_chars): shorten the text; it is never split");
  }
  // Never wider than the status answered: a reply to a followers-only or direct status stays as narrow.
  auto visibility = direct ? std::string("direct") : config_.reply_visibility;
  if (!direct && narrowness(facts->visibility) > narrowness(visibility)) visibility = facts->visibility;

  Parameters fields{{"status", text}, {"in_reply_to_id", status_id}, {"visibility", visibility}};
  auto language = param(action, "language");
  if (language.empty()) language = facts->language;
  if (!language.empty()) fields.emplace_back("language", language);
  std::vector<HttpHeader> headers;
  // Mastodon keeps the key an hour and answers a repeat with the status it already created.
  if (!action.idempotency_key.empty()) headers.push_back({"Idempotency-Key", action.idempotency_key});
  const auto response =
      api_.post_form("/api/v1/statuses", fields, std::move(headers), /*idempotent=*/!action.idempotency_key.empty());
  if (!response.ok()) return result_for_failure(response, config_.access_token);
  const auto id = string_at(json::parse(response.body, nullptr, false), "id");
  return result(Status::done, id.empty() ? "posted; the instance returned no status id" : "", id);
}

ActionResult MastodonConnector::ban(const Action& action) {
  const auto& author = action.target_author_id;
  if (!is_mastodon_id(author)) {
    return result(Status::failed_permanent, "author '" + author + "' is not a Mastodon account id");
  }
  if (config_.is_brand_account(author)) return result(Status::failed_permanent, "the brand does not ban itself");
  auto how = param(action, "ban_as");
  if (how.empty()) how = config_.ban_as;
  if (how != "block" && how != "mute") {
    return result(Status::failed_permanent, "params.ban_as must be block or mute, got '" + how + "'");
  }
  // Blocking (muting) twice is the same as once: safe to resend.
  const auto response = api_.post_form("/api/v1/accounts/" + author + "/" + how, {}, {}, /*idempotent=*/true);
  if (!response.ok()) return result_for_failure(response, config_.access_token);
  const auto relationship = json::parse(response.body, nullptr, false);
  const char* flag = how == "block" ? "blocking" : "muting";
  if (relationship.is_object() && relationship.contains(flag) && relationship[flag] == false) {
    return result(Status::failed_permanent, "the instance did not " + how + " account " + author);
  }
  return result(Status::done, how == "mute" ? "muted (ban_as: mute)" : "", author);
}

ActionResult MastodonConnector::report(const Action& action) {
  const auto& author = action.target_author_id;
  if (!is_mastodon_id(author)) {
    return result(Status::failed_permanent, "author '" + author + "' is not a Mastodon account id");
  }
  Parameters fields{{"account_id", author}};
  if (const auto status_id = status_id_from_event_id(action.target_event_id); is_mastodon_id(status_id)) {
    fields.emplace_back("status_ids[]", status_id);
  }
  const auto comment = action.text.empty() ? action.reason : action.text;
  if (!comment.empty()) fields.emplace_back("comment", first_code_points(comment, kReportCommentChars));
  const auto category = param(action, "category");
  if (category == "spam" || category == "other") fields.emplace_back("category", category);
  fields.emplace_back("forward", config_.report_forward ? "true" : "false");
  // Reports take no Idempotency-Key: the host must not resend one on its own.
  const auto response = api_.post_form("/api/v1/reports", fields, {}, /*idempotent=*/false);
  if (!response.ok()) return result_for_failure(response, config_.access_token);
  return result(Status::done, "reported to the instance's moderators",
                string_at(json::parse(response.body, nullptr, false), "id"));
}

}  // namespace parley::mastodon
