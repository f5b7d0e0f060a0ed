#include <catch2/catch.hpp>

#include <curl/curl.h>

#include "smtp_outcome.hpp"

using parley::ActionResult;
using parley::email::result_of;
using parley::email::SmtpOutcome;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace outcome_test {

ActionResult outcome(int curl_code, long reply_code, std::string error = "failed") {
  SmtpOutcome smtp;
  smtp.curl_code = curl_code;
  smtp.reply_code = reply_code;
  smtp.curl_error = std::move(error);
  return result_of(smtp, "<id@x.example>", "pw-123");
}

TEST_CASE("An accepted message is done, with the Message-ID as platform id", "[outcome]") {
  const auto result = outcome(CURLE_OK, 250, "");
  CHECK(result.status == ActionResult::Status::done);
  CHECK(result.platform_id == "<id@x.example>");
}

TEST_CASE("4xx replies are retryable, 5xx replies permanent, each with code and meaning", "[outcome]") {
  const auto busy = outcome(CURLE_WEIRD_SERVER_REPLY, 451, "Weird server reply");
  CHECK(busy.status == ActionResult::Status::failed_retryable);
  CHECK(busy.message == "email: SMTP 451 (local error in processing): Weird server reply");
  const auto unknown_user = outcome(CURLE_SEND_ERROR, 550, "RCPT failed: 550");
  CHECK(unknown_user.status == ActionResult::Status::failed_permanent);
  CHECK(unknown_user.message == "email: SMTP 550 (mailbox unavailable): RCPT failed: 550");
  const auto login = outcome(CURLE_LOGIN_DENIED, 535, "Login denied");
  CHECK(login.status == ActionResult::Status::failed_permanent);
  CHECK(login.message == "email: SMTP 535 (authentication credentials invalid): Login denied");
  CHECK(outcome(CURLE_SEND_ERROR, 421).status == ActionResult::Status::failed_retryable);
  CHECK(outcome(CURLE_SEND_ERROR, 599).message == "email: SMTP 599: failed");
}

TEST_CASE("Without an SMTP error reply, network faults retry and configuration faults do not", "[outcome]") {
  CHECK(outcome(CURLE_COULDNT_CONNECT, 0).status == ActionResult::Status::failed_retryable);
  CHECK(outcome(CURLE_OPERATION_TIMEDOUT, 0).status == ActionResult::Status::failed_retryable);
  // A connection lost after RCPT was accepted: the 250 is not an error reply.
  CHECK(outcome(CURLE_RECV_ERROR, 250).status == ActionResult::Status::failed_retryable);
  CHECK(outcome(CURLE_PEER_FAILED_VERIFICATION, 0).status == ActionResult::Status::failed_permanent);
  CHECK(outcome(CURLE_USE_SSL_FAILED, 0).status == ActionResult::Status::failed_permanent);
  CHECK(outcome(CURLE_LOGIN_DENIED, 0).status == ActionResult::Status::failed_permanent);
}

TEST_CASE("The password is masked wherever it appears in a failure message", "[outcome]") {
  const auto result = outcome(CURLE_LOGIN_DENIED, 535, "server said pw-123 is wrong, pw-123");
  CHECK(result.message == "email: SMTP 535 (authentication credentials invalid): server said *** is wrong, ***");
}

}  // namespace outcome_test
