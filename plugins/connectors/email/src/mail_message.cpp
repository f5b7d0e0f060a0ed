#include "mail_message.hpp"

#include <map>

#include "mime_encoding.hpp"

namespace parley::email {

namespace {

const std::string* param_of(const Action& action, const char* name) {
  const auto found = action.params.find(name);
  return found == action.params.end() || found->second.empty() ? nullptr : &found->second;
}

/// A value that goes into a header must not be able to start another one.
const std::string& header_safe(const std::string& value, const std::string& what) {
  if (value.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) {
    throw MailRefused("email: " + what + " has a line break (header injection refused)");
  }
  return value;
}

std::vector<std::string> recipients_of(const Action& action) {
  for (const char* name : {param::kTo, param::kContact, param::kEventEmail}) {
    const auto* value = param_of(action, name);
    if (value == nullptr) continue;
    const std::string what = std::string("param '") + name + "'";
    const auto& safe = header_safe(*value, what);
    try {
      return parse_address_list(safe);
    } catch (const std::invalid_argument& error) {
      throw MailRefused("email: " + what + ": " + error.what());
    }
  }
  throw MailRefused(std::string("email: no recipient for ") + std::string(to_string(action.kind)) +
                    ": set param 'to' or 'contact', or route an event that carries 'parley.event.email'");
}

/// The reason on one line, cut to `limit` bytes on a character boundary.
std::string one_line(const std::string& text, std::size_t limit) {
  std::string out;
  for (char c : text) {
    const bool space = c == '\r' || c == '\n' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() <= limit) return out;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) --end;
  return out.substr(0, end) + "...";
}

std::string subject_of(const Action& action, const EmailConfig& config) {
  std::string subject;
  if (const auto* given = param_of(action, param::kSubject)) {
    subject = header_safe(*given, "param 'subject'");
  } else if (action.kind == ActionKind::escalate) {
    subject = "Escalation: " + one_line(action.reason, 120);
  } else if (action.kind == ActionKind::notify) {
    subject = "Notice: " + one_line(action.reason, 120);
  } else {
    subject = "About your message";
  }
  return config.subject_prefix + subject;
}

/// The original message's id as "<...>", or empty when none was given.
std::string original_message_id(const Action& action) {
  const auto* given = param_of(action, param::kEventMessageId);
  if (given == nullptr) return "";
  std::string id = header_safe(*given, std::string("param '") + param::kEventMessageId + "'");
  if (id.front() != '<') id = "<" + id + ">";
  for (unsigned char c : id) {
    if (c <= ' ' || c >= 0x7f) throw MailRefused("email: param 'parley.event.message_id' is not a message id");
  }
  if (id.back() != '>' || id.find('@') == std::string::npos) {
    throw MailRefused("email: param 'parley.event.message_id' is not a message id (<left@right>)");
  }
  return id;
}

void add_line(std::string& body, const std::string& label, const std::string* value) {
  if (value != nullptr && !value->empty()) body += label + ": " + *value + "\n";
}

/// What happened, why, the rule and params, then the source event's context.
std::string case_body(const Action& action) {
  std::string body = action.kind == ActionKind::escalate ? "Parley escalated this case to you.\n\n"
                                                         : "Parley notifies you about this case.\n\n";
  add_line(body, "Reason", &action.reason);
  add_line(body, "Rule", &action.rule_id);
  add_line(body, "Note", &action.text);
  for (const auto& [name, value] : action.params) {
    if (name == param::kTo || name == param::kContact || name == param::kSubject ||
        name.rfind(param::kEventPrefix, 0) == 0) {
      continue;
    }
    add_line(body, name, &value);
  }

  body += "\nThe event\n";
  add_line(body, "Connector", param_of(action, param::kEventConnector));
  const auto* event_id = param_of(action, param::kEventId);
  add_line(body, "Event id", event_id ? event_id : &action.target_event_id);
  const auto* author_name = param_of(action, param::kEventAuthorName);
  const auto* author_id = param_of(action, param::kEventAuthorId);
  if (author_id == nullptr && !action.target_author_id.empty()) author_id = &action.target_author_id;
  if (author_name != nullptr || author_id != nullptr) {
    const std::string author =
        author_name && author_id ? *author_name + " (" + *author_id + ")" : (author_name ? *author_name : *author_id);
    add_line(body, "Author", &author);
  }
  add_line(body, "Link", param_of(action, param::kEventPermalink));
  if (const auto* text = param_of(action, param::kEventText)) {
    body += "Text:\n> ";
    // Every line break, LF, CR or CRLF, starts another quoted line.
    for (char c : with_crlf(*text)) {
      if (c == '\r') continue;
      body += c;
      if (c == '\n') body += "> ";
    }
    body += "\n";
  }
  body += "\n-- \nSent automatically by Parley. Replies to this message are not read by Parley.\n";
  return body;
}

std::string body_of(const Action& action) {
  if (action.kind == ActionKind::escalate || action.kind == ActionKind::notify) return case_body(action);
  if (action.text.empty()) {
    throw MailRefused("email: " + std::string(to_string(action.kind)) + " has no text to send");
  }
  return action.text;
}

std::string mailbox_header(const Mailbox& mailbox) {
  if (mailbox.display_name.empty()) return mailbox.address;
  return display_name(mailbox.display_name) + " <" + mailbox.address + ">";
}

}  // namespace

std::string message_id_for(const std::string& idempotency_key, const std::string& domain) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string id = "<parley.";
  for (unsigned char c : idempotency_key) {
    const bool kept =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (kept) {
      id += static_cast<char>(c);
    } else {
      id += '=';
      id += kHex[c >> 4];
      id += kHex[c & 15];
    }
  }
  return id + "@" + domain + ">";
}

OutgoingMail compose_mail(const Action& action, const EmailConfig& config, std::int64_t now_ms) {
  if (action.idempotency_key.empty()) throw MailRefused("email: the action has no idempotency key");
  OutgoingMail mail;
  mail.envelope_from = config.from.address;
  mail.recipients = recipients_of(action);
  mail.message_id = message_id_for(action.idempotency_key, domain_of(config.from.address));
  const auto subject = subject_of(action, config);
  const auto in_reply_to = original_message_id(action);
  const auto body = body_of(action);

  std::string to;
  for (const auto& address : mail.recipients) to += (to.empty() ? "" : ",\r\n ") + address;
  auto& data = mail.data;
  data += "Date: " + rfc5322_date(now_ms) + "\r\n";
  data += "From: " + mailbox_header(config.from) + "\r\n";
  data += "To: " + to + "\r\n";
  if (!config.reply_to.empty()) data += "Reply-To: " + config.reply_to + "\r\n";
  data += "Subject: " + header_text(subject) + "\r\n";
  data += "Message-ID: " + mail.message_id + "\r\n";
  if (!in_reply_to.empty()) {
    data += "In-Reply-To: " + in_reply_to + "\r\n";
    data += "References: " + in_reply_to + "\r\n";
  }
  // RFC 3834: tells vacation responders and list software not to answer.
  if (action.kind == ActionKind::escalate || action.kind == ActionKind::notify) {
    data += "Auto-Submitted: auto-generated\r\n";
  }
  data += "MIME-Version: 1.0\r\n";
  data += "Content-Type: text/plain; charset=UTF-8\r\n";
  data += "Content-Transfer-Encoding: base64\r\n";
  data += "\r\n";
  data += base64_lines(with_crlf(body));
  return mail;
}

}  // namespace parley::email
