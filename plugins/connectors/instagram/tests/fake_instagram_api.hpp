// FakeInstagramApi: the part of the Instagram Graph API (Instagram API with
// Facebook Login, graph.facebook.com) the instagram connector uses, as a
// request handler with state, for tests. It follows the shapes of Meta's
// documentation (IG User media, IG Media comments, IG Comment and its
// replies, private replies, error objects, cursor paging), not Meta's
// servers; tokens, injected failures and paging are FakeGraphBase's.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fake_graph_base.hpp"

namespace parley::test {

class FakeInstagramApi final : public FakeGraphBase {
 public:
  struct Media {
    std::string id;
    std::int64_t timestamp = 0;  ///< Unix seconds
    std::string permalink;
    std::string media_product_type = "FEED";
    std::vector<std::string> comments;  ///< top-level comments, oldest first
  };
  struct Comment {
    std::string id;
    std::string media_id;
    std::string parent_id;  ///< empty for a top-level comment
    std::string from_id;
    std::string username;
    std::string text;
    std::int64_t timestamp = 0;  ///< Unix seconds
    bool hidden = false;
    bool deleted = false;
    std::vector<std::string> replies;  ///< oldest first
  };

  /// Answers requests for the professional account `ig_user_id` (@`username`),
  /// authorised by `Authorization: Bearer <access_token>`, under /<version>/.
  FakeInstagramApi(std::string ig_user_id, std::string username, std::string access_token,
                   std::string version = "v21.0");

  // ---- state ----
  void add_media(const std::string& media_id, std::int64_t timestamp);
  /// Adds a comment on `media_id` (a reply when `parent_id` is not empty; a
  /// reply to a reply goes under the top-level comment, as on Instagram); returns its id.
  std::string add_comment(const std::string& media_id, const std::string& parent_id, const std::string& from_id,
                          const std::string& username, const std::string& text, std::int64_t timestamp);
  /// nullptr when there is no such comment (deleted ones are kept, marked).
  const Comment* comment(const std::string& id) const;
  /// Texts of the replies the account itself wrote under `comment_id`.
  std::vector<std::string> own_replies(const std::string& comment_id) const;
  /// As if the author deleted it: later requests about it get code 100, subcode 33.
  void delete_comment(const std::string& id);

 private:
  CannedResponse route(const RecordedRequest& request, const std::string& method, const std::vector<std::string>& path,
                       const std::string& query) override;
  CannedResponse on_account(const RecordedRequest& request, const std::string& method, const std::string& edge,
                            const std::string& query);
  CannedResponse on_comment(const RecordedRequest& request, const std::string& method, Comment& comment,
                            const std::string& edge);
  CannedResponse list_media(const std::string& query);
  CannedResponse list_comments(const Media& media, const std::string& query);
  CannedResponse add_reply(const Comment& target, const RecordedRequest& request);
  Comment* live_comment(const std::string& id);

  std::string ig_user_id_;
  std::string username_;
  long long next_id_ = 17850000000000001;
  std::vector<Media> media_;
  std::map<std::string, Comment> comments_;
};

}  // namespace parley::test
