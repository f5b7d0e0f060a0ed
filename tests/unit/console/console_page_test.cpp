// The console's HTML: hostile customer and plugin text is escaped, secrets
// are redacted, every form carries the form token, Arabic text reads right
// to left (dir="auto").
#include <catch2/catch.hpp>

#include "console/console_page.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace console_page_test {

using namespace parley;
using namespace parley::host;

ParkedItem parked(std::int64_t id, const std::string& customer_text, const std::string& reply_text) {
  ParkedItem item;
  item.entry.id = id;
  item.entry.connector_id = "replay";
  item.entry.event_id = "e-" + std::to_string(id);
  item.entry.status = OutboxStatus::pending_approval;
  item.entry.note = "policy.require_approval lists reply_public";
  item.entry.created_at = 1'000;
  item.entry.action.kind = ActionKind::reply_public;
  item.entry.action.rule_id = "refund";
  item.entry.action.reason = "P12: a refund <needs> a person";
  item.entry.action.text = reply_text;
  item.author = "@anna";
  item.customer_text = customer_text;
  item.customer_text_known = true;
  return item;
}

TEST_CASE("console page: html_escape turns every markup character into a reference") {
  CHECK(html_escape(R"(<a href="x" onclick='y'>&amp;</a>)") ==
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  CHECK(html_escape("Юрист уже в курсе, شكرا") == "Юрист уже в курсе, شكرا");
}

TEST_CASE("console page: customer and plugin text is escaped, never markup") {
  SecretRegistry secrets;
  QueuePage page;
  page.client = "acme<b>";
  page.csrf_token = "tok123";
  page.now_ms = 61'000;
  page.parked.push_back(parked(7, "<script>alert('x')</script> refund now", "Hi \"anna\" <img src=x onerror=y>"));
  const auto html = queue_page_html(page, secrets);

  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; refund now"));
  CHECK_THAT(html, Catch::Contains("Hi &quot;anna&quot; &lt;img src=x onerror=y&gt;"));
  CHECK_THAT(html, Catch::Contains("P12: a refund &lt;needs&gt; a person"));
  CHECK_THAT(html, Catch::Contains("acme&lt;b&gt;"));
  CHECK_THAT(html, !Catch::Contains("<script") && !Catch::Contains("<img") && !Catch::Contains("<needs>"));
  CHECK_THAT(html, Catch::Contains("waiting 1m"));
}

TEST_CASE("console page: one form per action, with the token and both decisions") {
  SecretRegistry secrets;
  QueuePage page;
  page.client = "acme";
  page.csrf_token = "tok123";
  page.parked.push_back(parked(9, "newer", ""));
  page.parked.push_back(parked(7, "older", ""));
  const auto html = queue_page_html(page, secrets);

  CHECK_THAT(html, Catch::Contains("<form method=\"post\" action=\"/approvals/9/approve\">") &&
                       Catch::Contains("formaction=\"/approvals/9/reject\"") &&
                       Catch::Contains("<form method=\"post\" action=\"/approvals/7/approve\">"));
  // Shown in the order given (the handler puts the newest first).
  CHECK(html.find("/approvals/9/approve") < html.find("/approvals/7/approve"));
  std::size_t tokens = 0;
  for (auto at = html.find("name=\"token\" value=\"tok123\""); at != std::string::npos;
       at = html.find("name=\"token\" value=\"tok123\"", at + 1)) {
    ++tokens;
  }
  CHECK(tokens == 2);
  CHECK_THAT(html, Catch::Contains("2 action(s) waiting"));
}

TEST_CASE("console page: texts are shown as written, right to left where they are") {
  SecretRegistry secrets;
  QueuePage page;
  page.client = "bazaar";
  page.parked.push_back(parked(3, "أريد استرداد أموالي", "Merci, nous regardons"));
  const auto html = queue_page_html(page, secrets);
  CHECK_THAT(html, Catch::Contains("<meta charset=\"utf-8\">"));
  CHECK_THAT(html, Catch::Contains("<blockquote dir=\"auto\">أريد استرداد أموالي</blockquote>"));
  CHECK_THAT(html, Catch::Contains("<blockquote dir=\"auto\">Merci, nous regardons</blockquote>"));
}

TEST_CASE("console page: the pipeline's secrets never reach the page") {
  SecretRegistry secrets;
  secrets.remember("s3cr3t-t0ken");
  QueuePage page;
  page.client = "acme";
  auto item = parked(5, "my key is s3cr3t-t0ken", "echo s3cr3t-t0ken");
  item.entry.note = "connector said s3cr3t-t0ken";
  page.parked.push_back(item);
  page.notice = "Action #4 approved; error s3cr3t-t0ken";
  const auto html = queue_page_html(page, secrets);
  CHECK_THAT(html, !Catch::Contains("s3cr3t"));
  CHECK_THAT(html, Catch::Contains("my key is ***"));
}

TEST_CASE("console page: an empty queue says so, and an unknown customer text is marked") {
  SecretRegistry secrets;
  QueuePage page;
  page.client = "acme";
  CHECK_THAT(queue_page_html(page, secrets), Catch::Contains("Nothing is waiting for approval."));
  auto item = parked(2, "", "");
  item.customer_text_known = false;
  page.parked.push_back(item);
  CHECK_THAT(queue_page_html(page, secrets), Catch::Contains("(not recorded for this action"));
}

}  // namespace console_page_test
