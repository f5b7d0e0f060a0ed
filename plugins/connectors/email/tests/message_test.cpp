#include <catch2/catch.hpp>

#include <string>

#include "email_fixture.hpp"
#include "mail_message.hpp"
#include "mail_parts.hpp"
#include "mime_encoding.hpp"

using parley::ActionKind;
using parley::email::compose_mail;
using parley::email::EmailConfig;
using parley::email::MailRefused;
using parley::test::email_action;
using parley::test::email_config;
using parley::test::header_value;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace message_test {

constexpr std::int64_t kNow = 1793610900000;  // Mon, 02 Nov 2026 09:15:00 UTC

const EmailConfig& config() {
  static const auto value = EmailConfig::read(email_config({{"subject_prefix", "[Parley] "}}));
  return value;
}

std::string refusal(const parley::Action& action) {
  try {
    compose_mail(action, config(), kNow);
  } catch (const MailRefused& refused) {
    return refused.what();
  }
  return "";
}

TEST_CASE("base64 follows the RFC 4648 test vectors", "[mime]") {
  using parley::email::base64;
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  // 60 bytes are 80 characters: one full line of 76, then 4.
  std::string groups;
  for (int i = 0; i < 19; ++i) groups += "YWFh";
  CHECK(parley::email::base64_lines(std::string(60, 'a')) == groups + "\r\nYWFh\r\n");
}

TEST_CASE("Dates are RFC 5322, in UTC", "[mime]") {
  CHECK(parley::email::rfc5322_date(kNow) == "Mon, 02 Nov 2026 09:15:00 +0000");
  CHECK(parley::email::rfc5322_date(1772323200000) == "Sun, 01 Mar 2026 00:00:00 +0000");
}

TEST_CASE("Non-ASCII header text becomes UTF-8 encoded-words that never split a character", "[mime]") {
  using parley::email::header_text;
  CHECK(header_text("Your order") == "Your order");
  // Expected values made with Python's base64 module; each line <= 76 characters with "Subject: ".
  CHECK(header_text("[Parley] Ответ на ваш вопрос о заказе") ==
        "=?UTF-8?B?W1BhcmxleV0g0J7RgtCy0LXRgiDQvdCwINCy0LDRiCDQstC+0L8=?=\r\n"
        " =?UTF-8?B?0YDQvtGBINC+INC30LDQutCw0LfQtQ==?=");
  CHECK(header_text("Escalation: απειλή νομικής δράσης") ==
        "=?UTF-8?B?RXNjYWxhdGlvbjogzrHPgM61zrnOu86uIM69zr/OvM65zrrOrs+C?=\r\n"
        " =?UTF-8?B?IM60z4HOrM+DzrfPgg==?=");
  CHECK(header_text("a\tb") == "=?UTF-8?B?YQli?=");  // a control character is never written raw
  CHECK(parley::email::display_name("Ολγα Παπαδοπούλου") == "=?UTF-8?B?zp/Ou86zzrEgzqDOsc+AzrHOtM6/z4DOv8+NzrvOv8+F?=");
  CHECK(parley::email::display_name("Care \"Team\"") == "\"Care \\\"Team\\\"\"");
}

TEST_CASE("A private reply is the whole message, byte for byte", "[message]") {
  auto action = email_action(ActionKind::reply_private, {{"to", "anna@customer.example"}},
                             "Thanks for telling us.\nWe will call you today.");
  const auto mail = compose_mail(action, config(), kNow);
  CHECK(mail.envelope_from == "care@nordic-coffee.example");
  CHECK(mail.recipients == std::vector<std::string>{"anna@customer.example"});
  CHECK(mail.message_id == "<parley.nordic-coffee=2Ffb-201_301=2FP7=2Freply_private@nordic-coffee.example>");
  CHECK(mail.data ==
        "Date: Mon, 02 Nov 2026 09:15:00 +0000\r\n"
        "From: \"Nordic Coffee Care\" <care@nordic-coffee.example>\r\n"
        "To: anna@customer.example\r\n"
        "Subject: [Parley] About your message\r\n"
        "Message-ID: <parley.nordic-coffee=2Ffb-201_301=2FP7=2Freply_private@nordic-coffee.example>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        "VGhhbmtzIGZvciB0ZWxsaW5nIHVzLg0KV2Ugd2lsbCBjYWxsIHlvdSB0b2RheS4=\r\n");
}

TEST_CASE("The recipient is params 'to', else 'contact', else the routed event's e-mail", "[message]") {
  const auto to = [](std::map<std::string, std::string> params) {
    return compose_mail(email_action(ActionKind::escalate, std::move(params)), config(), kNow).recipients;
  };
  using List = std::vector<std::string>;
  CHECK(
      to({{"to", "a@x.example"}, {"contact", "legal@nordic-coffee.example"}, {"parley.event.email", "c@z.example"}}) ==
      List{"a@x.example"});
  CHECK(to({{"contact", "legal@nordic-coffee.example"}, {"parley.event.email", "c@z.example"}}) ==
        List{"legal@nordic-coffee.example"});
  CHECK(to({{"parley.event.email", "c@z.example"}}) == List{"c@z.example"});
  CHECK(to({{"to", "a@x.example, b@y.example"}}) == List{"a@x.example", "b@y.example"});
  CHECK(refusal(email_action(ActionKind::escalate, {{"department", "legal"}})) ==
        "email: no recipient for escalate: set param 'to' or 'contact', or route an event that carries "
        "'parley.event.email'");
  CHECK(refusal(email_action(ActionKind::escalate, {{"to", "not-an-address"}})).find("param 'to'") !=
        std::string::npos);
}

TEST_CASE("A line break in any header value from params is refused (header injection)", "[message]") {
  for (const char* name : {"to", "contact", "parley.event.email", "subject", "parley.event.message_id"}) {
    // Only the value that is used becomes a header: the recipient param under test stands alone.
    auto params = std::map<std::string, std::string>{};
    const std::string header_param = name;
    if (header_param == "subject" || header_param == "parley.event.message_id") {
      params["to"] = "legal@nordic-coffee.example";
    }
    params[name] = "legal@nordic-coffee.example\r\nBcc: all@victims.example";
    INFO(name);
    CHECK(refusal(email_action(ActionKind::escalate, params)) ==
          "email: param '" + std::string(name) + "' has a line break (header injection refused)");
  }
  CHECK(
      refusal(email_action(ActionKind::escalate, {{"to", "a@x.example\nBcc: b@y.example"}})).find("header injection") !=
      std::string::npos);
}

TEST_CASE("The original message id threads the e-mail with In-Reply-To and References", "[message]") {
  for (const char* given : {"<CA+abc123@mail.customer.example>", "CA+abc123@mail.customer.example"}) {
    const auto mail = compose_mail(
        email_action(ActionKind::reply_private, {{"to", "a@x.example"}, {"parley.event.message_id", given}}, "Hi"),
        config(), kNow);
    CHECK(header_value(mail.data, "In-Reply-To") == "<CA+abc123@mail.customer.example>");
    CHECK(header_value(mail.data, "References") == "<CA+abc123@mail.customer.example>");
  }
  const auto unthreaded =
      compose_mail(email_action(ActionKind::reply_private, {{"to", "a@x.example"}}, "Hi"), config(), kNow);
  CHECK(header_value(unthreaded.data, "In-Reply-To").empty());
  CHECK(refusal(email_action(ActionKind::reply_private, {{"to", "a@x.example"}, {"parley.event.message_id", "x y"}},
                             "Hi")) == "email: param 'parley.event.message_id' is not a message id");
}

TEST_CASE("Escalations and notices are marked Auto-Submitted, replies are not", "[message]") {
  const auto kind_header = [](ActionKind kind) {
    return header_value(compose_mail(email_action(kind, {{"to", "a@x.example"}}, "text"), config(), kNow).data,
                        "Auto-Submitted");
  };
  CHECK(kind_header(ActionKind::escalate) == "auto-generated");
  CHECK(kind_header(ActionKind::notify) == "auto-generated");
  CHECK(kind_header(ActionKind::reply_private).empty());
}

TEST_CASE("A private reply without text is refused", "[message]") {
  CHECK(refusal(email_action(ActionKind::reply_private, {{"to", "a@x.example"}})) ==
        "email: reply_private has no text to send");
}

TEST_CASE("Message-IDs keep distinct keys distinct and stay valid", "[message]") {
  using parley::email::message_id_for;
  CHECK(message_id_for("a/b", "x.example") == "<parley.a=2Fb@x.example>");
  CHECK(message_id_for("a:b", "x.example") == "<parley.a=3Ab@x.example>");
  CHECK(message_id_for("a=2Fb", "x.example") == "<parley.a=3D2Fb@x.example>");
  CHECK(message_id_for("k#1 é", "x.example") == "<parley.k=231=20=C3=A9@x.example>");
}

TEST_CASE("Without routed context a notice names the action's target event and author", "[message]") {
  auto action = email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}, {"topic", "outage"}});
  action.reason = "many reports of a failed app login";
  action.rule_id = "P12";
  const auto mail = compose_mail(action, config(), kNow);
  CHECK(header_value(mail.data, "Subject") == "[Parley] Notice: many reports of a failed app login");
  CHECK(parley::test::decoded_body(mail.data) ==
        "Parley notifies you about this case.\r\n"
        "\r\n"
        "Reason: many reports of a failed app login\r\n"
        "Rule: P12\r\n"
        "topic: outage\r\n"
        "\r\n"
        "The event\r\n"
        "Event id: fb-201_301\r\n"
        "Author: u-77\r\n"
        "\r\n"
        "-- \r\n"
        "Sent automatically by Parley. Replies to this message are not read by Parley.\r\n");
}

}  // namespace message_test
