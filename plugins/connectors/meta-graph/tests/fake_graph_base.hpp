// What the fake Graph APIs of the Meta connectors' tests share: the bearer
// token check, the version in the path, injected failures (5xx, 429 with
// Retry-After, expired token), Graph's error objects, the
// X-Business-Use-Case-Usage header and cursor paging. Each fake (Facebook
// Pages, Instagram) derives and routes the paths of its platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fake_http_server.hpp"

namespace parley::test {

class FakeGraphBase {
 public:
  /// Answers requests authorised by `Authorization: Bearer <access_token>`, under /<version>/.
  FakeGraphBase(std::string access_token, std::string version);
  virtual ~FakeGraphBase() = default;

  /// Answers one request. Not thread-safe: FakeHttpServer calls it one request at a time.
  CannedResponse handle(const RecordedRequest& request);
  /// Every request handled, in order.
  const std::vector<RecordedRequest>& requests() const { return requests_; }
  /// Texts of the private replies sent for `comment_id`, in order.
  std::vector<std::string> private_replies(const std::string& comment_id) const;

  /// The next `count` requests get HTTP `status` with a transient Graph error (code 2).
  void fail_next(int count, int status = 500);
  /// The next `count` requests get HTTP 429, Retry-After and a rate-limit error (code 4).
  void rate_limit_next(int count = 1, int retry_after_s = 30);
  /// Cancels the injected 5xx and 429 answers still pending.
  void recover() {
    failures_left_ = 0;
    rate_limits_left_ = 0;
  }
  /// From now on every request gets code 190 (subcode 463: expired).
  void expire_token() { token_expired_ = true; }

  /// Where paging.next links point ("<base_url>/<version>/...").
  std::string base_url = "https://graph.facebook.test";
  /// The clock the 7-day private reply window is checked against (Unix seconds).
  std::int64_t now_s = 1793610900;  // 2026-11-02T09:15:00Z, as FakePluginContext
  std::string business_id = "999000111";
  /// The type in X-Business-Use-Case-Usage ("pages", "instagram").
  std::string usage_type = "pages";
  /// The most items one page of a list holds, whatever the request's limit.
  std::size_t max_page_size = 25;

 protected:
  /// `path` without the version, e.g. {"1000", "feed"}; `query` without '?'.
  virtual CannedResponse route(const RecordedRequest& request, const std::string& method,
                               const std::vector<std::string>& path, const std::string& query) = 0;
  /// One page of `nodes` as Graph pages a list: from the query's `after`
  /// cursor, at most min(limit, max_page_size) items, paging.cursors, and
  /// paging.next (this path with the same query and the next cursor) when more follow.
  nlohmann::json page_of(const std::vector<nlohmann::json>& nodes, const std::string& path,
                         const std::string& query) const;
  const std::string& version() const { return version_; }

  /// What a private reply needs to know of the comment it answers.
  struct Commenter {
    std::string from_id;
    std::int64_t created_time = 0;  ///< Unix seconds
  };
  /// POST /{sender}/messages, JSON {"recipient":{"comment_id"},"message":{"text"}}:
  /// one per comment (code 10900 after that), within 7 days of the comment.
  /// `find` gives the live comment, or nullopt (code 100/33).
  CannedResponse private_reply(const RecordedRequest& request,
                               const std::function<std::optional<Commenter>(const std::string&)>& find);

 private:
  CannedResponse with_usage(CannedResponse response);

  std::string access_token_;
  std::string version_;
  bool token_expired_ = false;
  int failures_left_ = 0;
  int failure_status_ = 500;
  int rate_limits_left_ = 0;
  int retry_after_s_ = 30;
  std::size_t calls_ = 0;
  int next_message_ = 1;
  std::vector<RecordedRequest> requests_;
  std::map<std::string, std::vector<std::string>> private_replies_;
};

/// A JSON answer with Content-Type application/json.
CannedResponse json_response(int status, const nlohmann::json& body);

/// Graph's error body: {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}.
CannedResponse graph_error(int http_status, int code, int subcode, const std::string& message,
                           const std::string& type = "OAuthException");

/// Code 100, subcode 33: what Graph answers about a deleted or unknown object.
CannedResponse missing_object(const std::string& id);

/// "2026-11-02T09:15:00+0000", Graph's time format.
std::string graph_time(std::int64_t unix_seconds);

/// The request's form field or JSON body field, as Graph takes either.
std::string body_field(const RecordedRequest& request, const std::string& name);

}  // namespace parley::test
