#include "email_connector.hpp"

#include <algorithm>

#include "mail_message.hpp"
#include "smtp_outcome.hpp"

namespace parley::email {

namespace {

EmailConfig resolved(const ConfigValue& config, const PluginContext& context) {
  auto result = EmailConfig::read(config);
  if (!result.ca_file.empty()) result.ca_file = context.resolve_path(result.ca_file);
  return result;
}

}  // namespace

EmailConnector::EmailConnector(const ConfigValue& config, PluginContext& context)
    : context_(context), config_(resolved(config, context)), sender_(config_) {
  const bool plain_text = !config_.uses_implicit_tls() && config_.starttls != StartTls::required;
  if (plain_text && !config_.username.empty()) {
    context_.log(LogLevel::warn, "email: the SMTP password may be sent without TLS (starttls is not 'required')");
  }
  if (!config_.verify_tls) context_.log(LogLevel::warn, "email: the server's TLS certificate is not checked");
}

void EmailConnector::poll(PollBatch& batch, std::size_t /*max_events*/) { batch.exhausted = true; }

ActionResult EmailConnector::execute(const Action& action) {
  if (const auto found = done_.find(action.idempotency_key); found != done_.end()) return found->second;
  if (std::find(config_.kinds.begin(), config_.kinds.end(), action.kind) == config_.kinds.end()) {
    return {ActionResult::Status::failed_permanent, "",
            "email: " + std::string(to_string(action.kind)) + " is not in this connector's 'kinds'"};
  }
  OutgoingMail mail;
  try {
    mail = compose_mail(action, config_, context_.now_ms());
  } catch (const MailRefused& refused) {
    return {ActionResult::Status::failed_permanent, "", refused.what()};
  }
  auto result = result_of(sender_.send(mail), mail.message_id, config_.password);
  if (result.status == ActionResult::Status::done) {
    context_.log(LogLevel::info, "email: sent " + std::string(to_string(action.kind)) + " as " + mail.message_id);
    done_[action.idempotency_key] = result;
  }
  return result;
}

}  // namespace parley::email
