// FakeGraphApi: the part of Meta's Graph API the facebook-pages connector
// uses, as a request handler with state, for tests. It follows the shapes of
// Meta's documentation (Comments, Private Replies, Page blocked, error
// objects, cursor paging, X-Business-Use-Case-Usage), not Meta's servers.
// Plug it into FakeHttpServer (a real socket) or an in-memory HttpClient.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fake_http_server.hpp"

namespace parley::test {

class FakeGraphApi {
 public:
  struct Comment {
    std::string id;
    std::string post_id;
    std::string parent_id;  ///< empty for a top-level comment
    std::string from_id;
    std::string from_name;
    std::string message;
    std::int64_t created_time = 0;  ///< Unix seconds
    bool is_hidden = false;
    bool deleted = false;
    std::vector<std::string> children;  ///< replies, oldest first
  };

  /// Answers requests for `page_id` authorised by `Authorization: Bearer <access_token>`,
  /// under /<version>/.
  FakeGraphApi(std::string page_id, std::string page_name, std::string access_token, std::string version = "v21.0");

  /// Answers one request. Not thread-safe: FakeHttpServer calls it one request at a time.
  CannedResponse handle(const RecordedRequest& request);

  // ---- state ----
  void add_post(const std::string& post_id, std::int64_t created_time);
  /// Adds a comment under `post_id` (answering `parent_id` when not empty); returns its id.
  std::string add_comment(const std::string& post_id, const std::string& parent_id, const std::string& from_id,
                          const std::string& from_name, const std::string& message, std::int64_t created_time);
  /// nullptr when there is no such comment (deleted ones are kept, marked).
  const Comment* comment(const std::string& id) const;
  const std::vector<std::string>& blocked_users() const { return blocked_; }
  /// Texts of the private replies sent for `comment_id`, in order.
  std::vector<std::string> private_replies(const std::string& comment_id) const;
  /// Every request handled, in order.
  const std::vector<RecordedRequest>& requests() const { return requests_; }

  // ---- failures ----
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
  /// As if the author deleted it: later requests about it get code 100, subcode 33.
  void delete_comment(const std::string& id);

  /// Where paging.next links point ("<base_url>/<version>/...").
  std::string base_url = "https://graph.facebook.test";
  /// The clock the 7-day private reply window is checked against (Unix seconds).
  std::int64_t now_s = 1793610900;  // 2026-11-02T09:15:00Z, as FakePluginContext
  std::string business_id = "999000111";
  /// The most posts one feed page holds, whatever the request's limit.
  std::size_t max_page_size = 25;

 private:
  struct Post {
    std::string id;
    std::int64_t created_time = 0;
    std::vector<std::string> comments;  ///< every comment under it, replies too
  };

  CannedResponse route(const RecordedRequest& request, const std::string& method, const std::vector<std::string>& path,
                       const std::string& query);
  CannedResponse feed(const std::string& query);
  CannedResponse list_replies(const Comment& parent);
  CannedResponse add_reply(Comment& parent, const RecordedRequest& request);
  CannedResponse private_reply(const RecordedRequest& request);
  CannedResponse block(const RecordedRequest& request);
  CannedResponse with_usage(CannedResponse response);
  Comment* live_comment(const std::string& id);

  std::string page_id_;
  std::string page_name_;
  std::string access_token_;
  std::string version_;
  bool token_expired_ = false;
  int failures_left_ = 0;
  int failure_status_ = 500;
  int rate_limits_left_ = 0;
  int retry_after_s_ = 30;
  int next_id_ = 9000001;
  std::size_t calls_ = 0;
  std::vector<Post> posts_;
  std::map<std::string, Comment> comments_;
  std::vector<std::string> blocked_;
  std::map<std::string, std::vector<std::string>> private_replies_;
  std::vector<RecordedRequest> requests_;
};

/// Graph's error body: {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}.
CannedResponse graph_error(int http_status, int code, int subcode, const std::string& message,
                           const std::string& type = "OAuthException");

/// "2026-11-02T09:15:00+0000", Graph's time format.
std::string graph_time(std::int64_t unix_seconds);

}  // namespace parley::test
