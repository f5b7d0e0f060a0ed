// Contract tests: the connector against a real SMTP server (aiosmtpd, in a
// child process) over real sockets: what arrives, byte for byte, and how
// each SMTP answer becomes an ActionResult.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include <parley/testing.hpp>

#include "email_connector.hpp"
#include "email_fixture.hpp"
#include "mail_parts.hpp"
#include "smtp_test_server.hpp"

using parley::ActionKind;
using parley::ActionResult;
using parley::ConfigValue;
using parley::email::EmailConnector;
using parley::test::decoded_body;
using parley::test::email_action;
using parley::test::email_config;
using parley::test::header_value;
using parley::test::kPassword;
using parley::test::SmtpServerOptions;
using parley::test::SmtpTestServer;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace delivery_test {

struct Fixture {
  parley::testing::FakePluginContext context;
  std::unique_ptr<EmailConnector> connector(const SmtpTestServer& server,
                                            std::initializer_list<std::pair<const char*, ConfigValue>> changes = {}) {
    return std::make_unique<EmailConnector>(parley::test::with(email_config(changes), "smtp_url", server.url()),
                                            context);
  }
};

SmtpServerOptions with_user() {
  SmtpServerOptions options;
  options.user = "parley-bot";
  options.password = kPassword;
  return options;
}

TEST_CASE("A private reply in Russian arrives as sent: envelope, headers, encoded subject, UTF-8 body", "[delivery]") {
  SmtpTestServer server(with_user());
  Fixture fixture;
  auto connector = fixture.connector(
      server, {{"username", "parley-bot"}, {"password", kPassword}, {"reply_to", "support@nordic-coffee.example"}});
  const std::string text = "Здравствуйте, Анна!\nМы вернём деньги за заказ №4711 сегодня.";
  const auto result = connector->execute(email_action(
      ActionKind::reply_private, {{"to", "anna@customer.example"}, {"subject", "Ответ на ваш вопрос о заказе"}}, text));

  REQUIRE(result.status == ActionResult::Status::done);
  CHECK(result.platform_id == "<parley.nordic-coffee=2Ffb-201_301=2FP7=2Freply_private@nordic-coffee.example>");
  const auto received = server.received();
  REQUIRE(received.size() == 1);
  const auto& mail = received[0];
  CHECK(mail.mail_from == "care@nordic-coffee.example");
  CHECK(mail.recipients == std::vector<std::string>{"anna@customer.example"});
  CHECK(mail.auth_user == "parley-bot");
  CHECK(parley::test::only_crlf_line_endings(mail.data));
  CHECK(parley::test::header_block(mail.data) ==
        "Date: Mon, 02 Nov 2026 09:15:00 +0000\r\n"
        "From: \"Nordic Coffee Care\" <care@nordic-coffee.example>\r\n"
        "To: anna@customer.example\r\n"
        "Reply-To: support@nordic-coffee.example\r\n"
        // Made with Python's base64 module from the UTF-8 subject.
        "Subject: =?UTF-8?B?0J7RgtCy0LXRgiDQvdCwINCy0LDRiCDQstC+0L/RgNC+0YEg0L4g?=\r\n"
        " =?UTF-8?B?0LfQsNC60LDQt9C1?=\r\n"
        "Message-ID: <parley.nordic-coffee=2Ffb-201_301=2FP7=2Freply_private@nordic-coffee.example>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: base64\r\n");
  CHECK(decoded_body(mail.data) == "Здравствуйте, Анна!\r\nМы вернём деньги за заказ №4711 сегодня.");
}

TEST_CASE("A routed escalation in Greek goes to the contact with the event's context and threading", "[delivery]") {
  SmtpTestServer server;
  Fixture fixture;
  auto connector = fixture.connector(server, {{"subject_prefix", "[Parley] "}});
  auto action = email_action(ActionKind::escalate, {{"contact", "legal@nordic-coffee.example"},
                                                    {"department", "legal"},
                                                    {"parley.event.connector", "fb"},
                                                    {"parley.event.id", "fb-201_301"},
                                                    {"parley.event.text", "Θα σας πάω στα δικαστήρια!\nΑπαράδεκτο."},
                                                    {"parley.event.author_id", "u-77"},
                                                    {"parley.event.author_name", "Ολγα Π."},
                                                    {"parley.event.permalink", "https://facebook.com/201_301"},
                                                    {"parley.event.email", "olga@customer.example"},
                                                    {"parley.event.message_id", "<orig-1@mail.customer.example>"}});
  action.reason = "απειλή νομικής δράσης";
  REQUIRE(connector->execute(action).status == ActionResult::Status::done);

  const auto received = server.received();
  REQUIRE(received.size() == 1);
  const auto& mail = received[0];
  CHECK(mail.recipients == std::vector<std::string>{"legal@nordic-coffee.example"});
  CHECK(mail.auth_user == "-");
  CHECK(header_value(mail.data, "Subject") ==
        "=?UTF-8?B?W1BhcmxleV0gRXNjYWxhdGlvbjogzrHPgM61zrnOu86uIM69zr8=?=\r\n"
        " =?UTF-8?B?zrzOuc66zq7PgiDOtM+BzqzPg863z4I=?=");
  CHECK(header_value(mail.data, "Auto-Submitted") == "auto-generated");
  CHECK(header_value(mail.data, "In-Reply-To") == "<orig-1@mail.customer.example>");
  CHECK(header_value(mail.data, "References") == "<orig-1@mail.customer.example>");
  CHECK(decoded_body(mail.data) ==
        "Parley escalated this case to you.\r\n"
        "\r\n"
        "Reason: απειλή νομικής δράσης\r\n"
        "Rule: P7\r\n"
        "department: legal\r\n"
        "\r\n"
        "The event\r\n"
        "Connector: fb\r\n"
        "Event id: fb-201_301\r\n"
        "Author: Ολγα Π. (u-77)\r\n"
        "Link: https://facebook.com/201_301\r\n"
        "Text:\r\n"
        "> Θα σας πάω στα δικαστήρια!\r\n"
        "> Απαράδεκτο.\r\n"
        "\r\n"
        "-- \r\n"
        "Sent automatically by Parley. Replies to this message are not read by Parley.\r\n");
}

TEST_CASE("STARTTLS: required is honoured against a server that demands it, with the test's CA", "[delivery][tls]") {
  auto options = with_user();
  options.starttls = true;
  SmtpTestServer server(options);
  Fixture fixture;
  auto connector = fixture.connector(server, {{"username", "parley-bot"},
                                              {"password", kPassword},
                                              {"starttls", "required"},
                                              {"ca_file", server.certificate()}});
  const auto result = connector->execute(email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}}));
  CHECK(result.message.empty());
  REQUIRE(result.status == ActionResult::Status::done);
  const auto received = server.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].tls);
  CHECK(received[0].auth_user == "parley-bot");
}

TEST_CASE("smtps:// speaks TLS from the first byte and authenticates inside it", "[delivery][tls]") {
  auto options = with_user();
  options.implicit_tls = true;
  SmtpTestServer server(options);
  Fixture fixture;
  auto connector = fixture.connector(
      server, {{"username", "parley-bot"}, {"password", kPassword}, {"ca_file", server.certificate()}});
  const auto result = connector->execute(email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}}));
  CHECK(result.message.empty());
  REQUIRE(result.status == ActionResult::Status::done);
  const auto received = server.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].tls);
  CHECK(received[0].auth_user == "parley-bot");
}

TEST_CASE("STARTTLS: a certificate nobody vouches for is a permanent failure, nothing is sent", "[delivery][tls]") {
  SmtpServerOptions options;
  options.starttls = true;
  SmtpTestServer server(options);
  Fixture fixture;
  auto connector = fixture.connector(server, {{"starttls", "required"}});  // system CAs only
  const auto result = connector->execute(email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}}));
  CHECK(result.status == ActionResult::Status::failed_permanent);
  CHECK(server.received().empty());
}

TEST_CASE("451 then 250: retryable, then done, and both attempts carry the same Message-ID", "[delivery]") {
  SmtpServerOptions options;
  options.replies = {"DATA:451 4.3.0 Try again later"};
  SmtpTestServer server(options);
  Fixture fixture;
  auto connector = fixture.connector(server);
  const auto action = email_action(ActionKind::escalate, {{"contact", "legal@nordic-coffee.example"}});

  const auto first = connector->execute(action);
  CHECK(first.status == ActionResult::Status::failed_retryable);
  CHECK(first.message.find("SMTP 451") != std::string::npos);
  fixture.context.now += 60000;  // the host retries later
  const auto second = connector->execute(action);
  CHECK(second.status == ActionResult::Status::done);
  const auto third = connector->execute(action);  // the same key again: done, nothing sent
  CHECK(third.status == ActionResult::Status::done);

  const auto received = server.received();
  REQUIRE(received.size() == 2);
  CHECK(received[0].reply == "451 4.3.0 Try again later");
  CHECK(received[1].reply == "250 2.0.0 Message accepted");
  CHECK(header_value(received[0].data, "Message-ID") == second.platform_id);
  CHECK(header_value(received[1].data, "Message-ID") == second.platform_id);
  CHECK(header_value(received[0].data, "Date") != header_value(received[1].data, "Date"));
}

TEST_CASE("After a restart the same action is sent again with the same Message-ID (SMTP cannot be asked first)",
          "[delivery]") {
  SmtpTestServer server;
  const auto action = email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}});
  Fixture before;
  REQUIRE(before.connector(server)->execute(action).status == ActionResult::Status::done);
  Fixture after;
  REQUIRE(after.connector(server)->execute(action).status == ActionResult::Status::done);
  const auto received = server.received();
  REQUIRE(received.size() == 2);
  CHECK(header_value(received[0].data, "Message-ID") == header_value(received[1].data, "Message-ID"));
}

TEST_CASE("550 for the recipient is a permanent failure naming the code", "[delivery]") {
  SmtpServerOptions options;
  options.replies = {"RCPT:550 5.1.1 Mailbox unavailable"};
  SmtpTestServer server(options);
  Fixture fixture;
  const auto result = fixture.connector(server)->execute(
      email_action(ActionKind::reply_private, {{"parley.event.email", "gone@customer.example"}}, "Hello"));
  CHECK(result.status == ActionResult::Status::failed_permanent);
  CHECK(result.message.rfind("email: SMTP 550 (mailbox unavailable)", 0) == 0);
  CHECK(server.received().empty());
}

TEST_CASE("A refused login is permanent, and the password is in no message or log line", "[delivery]") {
  SmtpTestServer server(with_user());
  Fixture fixture;
  const std::string wrong = "wrong-" + std::string(kPassword);
  auto connector = fixture.connector(server, {{"username", "parley-bot"}, {"password", wrong}});
  const auto result = connector->execute(email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}}));
  CHECK(result.status == ActionResult::Status::failed_permanent);
  CHECK(result.message.rfind("email: SMTP 535", 0) == 0);
  CHECK(result.message.find(wrong) == std::string::npos);
  for (const auto& line : fixture.context.logged) CHECK(line.message.find(wrong) == std::string::npos);
  CHECK(server.received().empty());
}

TEST_CASE("A header injection through params is refused before anything is sent", "[delivery]") {
  SmtpTestServer server;
  Fixture fixture;
  const auto result = fixture.connector(server)->execute(email_action(
      ActionKind::escalate, {{"contact", "legal@nordic-coffee.example\r\nBcc: everyone@victims.example"}}));
  CHECK(result.status == ActionResult::Status::failed_permanent);
  CHECK(result.message == "email: param 'contact' has a line break (header injection refused)");
  CHECK(server.received().empty());
}

TEST_CASE("Several recipients in 'to' each get an RCPT and appear in To", "[delivery]") {
  SmtpTestServer server;
  Fixture fixture;
  REQUIRE(fixture.connector(server)
              ->execute(email_action(ActionKind::notify, {{"to", "a@nordic-coffee.example, b@nordic-coffee.example"}}))
              .status == ActionResult::Status::done);
  const auto received = server.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].recipients == std::vector<std::string>{"a@nordic-coffee.example", "b@nordic-coffee.example"});
  CHECK(header_value(received[0].data, "To") == "a@nordic-coffee.example,\r\n b@nordic-coffee.example");
}

TEST_CASE("No server, or one that never answers: retryable", "[delivery]") {
  parley::testing::FakePluginContext context;
  const auto action = email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}});
  EmailConnector refused(
      email_config({{"smtp_url", "smtp://127.0.0.1:" + std::to_string(parley::test::closed_port())}}), context);
  CHECK(refused.execute(action).status == ActionResult::Status::failed_retryable);

  parley::test::SilentListener silent;
  EmailConnector stalled(
      email_config({{"smtp_url", "smtp://127.0.0.1:" + std::to_string(silent.port())}, {"timeout_ms", 300}}), context);
  const auto result = stalled.execute(action);
  CHECK(result.status == ActionResult::Status::failed_retryable);
  INFO(result.message);
  CHECK(result.message.find("timed out") != std::string::npos);
}

TEST_CASE("A kind outside the configured kinds is refused, and poll gives nothing and is exhausted", "[delivery]") {
  parley::testing::FakePluginContext context;
  EmailConnector connector(email_config({{"kinds", ConfigValue::List{"escalate"}}}), context);
  CHECK(connector.supported_actions() == std::vector<ActionKind>{ActionKind::escalate});
  const auto result = connector.execute(email_action(ActionKind::notify, {{"to", "ops@nordic-coffee.example"}}));
  CHECK(result.status == ActionResult::Status::failed_permanent);
  CHECK(result.message == "email: notify is not in this connector's 'kinds'");
  parley::PollBatch batch;
  connector.poll(batch, 100);
  CHECK(batch.events.empty());
  CHECK(batch.exhausted);
}

}  // namespace delivery_test
