// FakeMastodonApi: the part of a Mastodon instance's REST API the mastodon
// connector uses, as a request handler with state, for tests. It follows
// docs.joinmastodon.org (notifications with types[]/since_id/max_id/limit
// and Link pagination, statuses with Idempotency-Key, block, mute, reports,
// {"error": ...} bodies, X-RateLimit-* headers), not a real instance.
// Plug it into FakeHttpServer (a real socket) or an in-memory HttpClient.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fake_http_server.hpp"

namespace parley::test {

class FakeMastodonApi {
 public:
  struct Account {
    std::string id;
    std::string username;
    std::string acct;  ///< username, or username@domain for a remote account
    std::string display_name;
  };
  struct Status {
    std::string id;
    Account account;
    std::string content;  ///< HTML, as Mastodon renders it
    std::string spoiler_text;
    std::string visibility = "public";
    std::string language;  ///< empty: null
    std::string in_reply_to_id;
    std::string in_reply_to_account_id;  ///< the account of the status it answers
    std::int64_t created_at_ms = 0;
    bool deleted = false;
  };
  /// What a new mention looks like besides its author and content.
  struct MentionOptions {
    std::string visibility = "public";
    std::string language = "en";
    std::string spoiler_text;
    std::string in_reply_to_id;
  };
  struct Notification {
    std::string id;
    std::string type;
    std::string account_id;
    std::string status_id;
    std::int64_t created_at_ms = 0;
  };
  struct Report {
    std::string id;
    std::string account_id;
    std::vector<std::string> status_ids;
    std::string comment;
    std::string category;
    bool forward = false;
  };

  /// Answers requests authorised by `Authorization: Bearer <access_token>`
  /// on behalf of `brand`.
  FakeMastodonApi(Account brand, std::string access_token);

  /// Answers one request. Not thread-safe: FakeHttpServer calls it one request at a time.
  CannedResponse handle(const RecordedRequest& request);

  // ---- state ----
  /// `from` mentions the brand: a status and a `mention` notification; returns the status id.
  std::string mention(const Account& from, const std::string& content, const MentionOptions& options);
  std::string mention(const Account& from, const std::string& content) { return mention(from, content, {}); }
  /// Another notification type (favourite, follow, ...) about `status_id` (may be empty).
  std::string add_notification(const std::string& type, const Account& from, const std::string& status_id);
  /// nullptr when there is no such status (deleted ones are kept, marked).
  const Status* status(const std::string& id) const;
  /// Statuses the brand posted, oldest first.
  std::vector<const Status*> brand_statuses() const;
  const std::vector<std::string>& blocked() const { return blocked_; }
  const std::vector<std::string>& muted() const { return muted_; }
  const std::vector<Report>& reports() const { return reports_; }
  /// Every request handled, in order.
  const std::vector<RecordedRequest>& requests() const { return requests_; }

  // ---- failures ----
  /// The next `count` requests get HTTP `status` with {"error": ...}.
  void fail_next(int count, int status = 500);
  /// The next `count` requests get HTTP 429 with Retry-After and X-RateLimit-Remaining: 0.
  void rate_limit_next(int count = 1, int retry_after_s = 30);
  void recover() {
    failures_left_ = 0;
    rate_limits_left_ = 0;
  }
  /// The next request is carried out, but its answer is lost: HTTP 500
  /// instead (as when the instance did the work and a proxy timed out).
  void lose_next_answer() { lose_next_answer_ = true; }
  /// From now on every request gets 401 (a revoked or expired token).
  void expire_token() { token_expired_ = true; }
  /// As if its author deleted it: 404 "Record not found", and its notifications are gone.
  void delete_status(const std::string& id);

  /// Where Link and status URLs point ("http://127.0.0.1:<port>").
  std::string base_url = "https://mastodon.test";
  /// The instance's clock (created_at of new statuses, X-RateLimit-Reset).
  std::int64_t now_ms = 1793610900000;  // 2026-11-02T09:15:00Z, as FakePluginContext
  std::size_t max_status_chars = 500;

 private:
  CannedResponse route(const RecordedRequest& request);
  CannedResponse list_notifications(const std::string& query);
  CannedResponse create_status(const RecordedRequest& request);
  CannedResponse relationship(const std::string& account_id, const std::string& verb);
  CannedResponse file_report(const RecordedRequest& request);
  CannedResponse with_rate_limit_headers(CannedResponse response);
  Status* live_status(const std::string& id);
  std::string next_status_id();

  Account brand_;
  std::string access_token_;
  bool token_expired_ = false;
  bool lose_next_answer_ = false;
  int failures_left_ = 0;
  int failure_status_ = 500;
  int rate_limits_left_ = 0;
  int retry_after_s_ = 30;
  std::int64_t next_status_ = 110000000000000001;
  std::int64_t next_notification_ = 5000001;
  int next_report_ = 48001;
  std::size_t calls_ = 0;
  std::map<std::string, Account> accounts_;
  std::map<std::string, Status> statuses_;
  std::vector<std::string> status_order_;
  std::vector<Notification> notifications_;
  std::map<std::string, std::string> idempotency_;  ///< Idempotency-Key -> status id
  std::vector<std::string> blocked_;
  std::vector<std::string> muted_;
  std::vector<Report> reports_;
  std::vector<RecordedRequest> requests_;
};

/// Mastodon's error body: {"error": message}, with the HTTP status.
CannedResponse mastodon_error(int http_status, const std::string& message);

/// Every value of parameter `name` in a query string or form body (percent-decoded, '+' as space).
std::vector<std::string> form_values(const std::string& encoded, const std::string& name);

/// "2026-11-02T09:15:00.000Z", Mastodon's datetime format.
std::string iso_time(std::int64_t epoch_ms);

}  // namespace parley::test
