// FakeGraphApi: the part of Meta's Graph API the facebook-pages connector
// uses, as a request handler with state, for tests (what every Graph fake
// does is in meta-graph/tests/fake_graph_base.hpp). It follows the shapes of
// Meta's documentation (Comments, Private Replies, Page blocked, error
// objects, cursor paging, X-Business-Use-Case-Usage), not Meta's servers.
// Plug it into FakeHttpServer (a real socket) or an in-memory HttpClient.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fake_graph_base.hpp"

namespace parley::test {

class FakeGraphApi final : public FakeGraphBase {
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

  // ---- state ----
  void add_post(const std::string& post_id, std::int64_t created_time);
  /// Adds a comment under `post_id` (answering `parent_id` when not empty); returns its id.
  std::string add_comment(const std::string& post_id, const std::string& parent_id, const std::string& from_id,
                          const std::string& from_name, const std::string& message, std::int64_t created_time);
  /// nullptr when there is no such comment (deleted ones are kept, marked).
  const Comment* comment(const std::string& id) const;
  const std::vector<std::string>& blocked_users() const { return blocked_; }

  // ---- failures (more in FakeGraphBase) ----
  /// As if the author deleted it: later requests about it get code 100, subcode 33.
  void delete_comment(const std::string& id);

 private:
  struct Post {
    std::string id;
    std::int64_t created_time = 0;
    std::vector<std::string> comments;  ///< every comment under it, replies too
  };

  CannedResponse route(const RecordedRequest& request, const std::string& method, const std::vector<std::string>& path,
                       const std::string& query) override;
  CannedResponse feed(const std::string& query);
  CannedResponse list_replies(const Comment& parent);
  CannedResponse add_reply(Comment& parent, const RecordedRequest& request);
  CannedResponse block(const RecordedRequest& request);
  Comment* live_comment(const std::string& id);

  std::string page_id_;
  std::string page_name_;
  int next_id_ = 9000001;
  std::vector<Post> posts_;
  std::map<std::string, Comment> comments_;
  std::vector<std::string> blocked_;
};

}  // namespace parley::test
