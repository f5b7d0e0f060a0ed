#include "fake_instagram_api.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace parley::test {

namespace {

using nlohmann::json;

/// An IG Comment as GET returns it with fields id,text,timestamp,from,username,hidden,parent_id,media.
json comment_node(const FakeInstagramApi::Comment& comment) {
  json node = {{"id", comment.id},
               {"text", comment.text},
               {"timestamp", graph_time(comment.timestamp)},
               {"from", {{"id", comment.from_id}, {"username", comment.username}}},
               {"username", comment.username},
               {"hidden", comment.hidden},
               {"media", {{"id", comment.media_id}}}};
  if (!comment.parent_id.empty()) node["parent_id"] = comment.parent_id;
  return node;
}

}  // namespace

FakeInstagramApi::FakeInstagramApi(std::string ig_user_id, std::string username, std::string access_token,
                                   std::string version)
    : FakeGraphBase(std::move(access_token), std::move(version)),
      ig_user_id_(std::move(ig_user_id)),
      username_(std::move(username)) {
  usage_type = "instagram";
}

void FakeInstagramApi::add_media(const std::string& media_id, std::int64_t timestamp) {
  media_.push_back({media_id, timestamp, "https://www.instagram.test/p/" + media_id + "/", "FEED", {}});
}

std::string FakeInstagramApi::add_comment(const std::string& media_id, const std::string& parent_id,
                                          const std::string& from_id, const std::string& username,
                                          const std::string& text, std::int64_t timestamp) {
  auto media = std::find_if(media_.begin(), media_.end(), [&](const Media& m) { return m.id == media_id; });
  if (media == media_.end()) {
    add_media(media_id, timestamp);
    media = std::prev(media_.end());
  }
  // Instagram threads one level deep: a reply to a reply answers the top-level comment.
  std::string top = parent_id;
  if (!top.empty() && !comments_.at(top).parent_id.empty()) top = comments_.at(top).parent_id;
  const auto id = std::to_string(next_id_++);
  comments_[id] = {id, media_id, top, from_id, username, text, timestamp, false, false, {}};
  if (top.empty()) {
    media->comments.push_back(id);
  } else {
    comments_[top].replies.push_back(id);
  }
  return id;
}

const FakeInstagramApi::Comment* FakeInstagramApi::comment(const std::string& id) const {
  const auto found = comments_.find(id);
  return found == comments_.end() ? nullptr : &found->second;
}

FakeInstagramApi::Comment* FakeInstagramApi::live_comment(const std::string& id) {
  const auto found = comments_.find(id);
  return found == comments_.end() || found->second.deleted ? nullptr : &found->second;
}

std::vector<std::string> FakeInstagramApi::own_replies(const std::string& comment_id) const {
  std::vector<std::string> texts;
  const auto* parent = comment(comment_id);
  if (parent == nullptr) return texts;
  for (const auto& id : parent->replies) {
    const auto* reply = comment(id);
    if (reply->from_id == ig_user_id_ && !reply->deleted) texts.push_back(reply->text);
  }
  return texts;
}

void FakeInstagramApi::delete_comment(const std::string& id) {
  if (auto* found = live_comment(id)) found->deleted = true;
}

CannedResponse FakeInstagramApi::route(const RecordedRequest& request, const std::string& method,
                                       const std::vector<std::string>& path, const std::string& query) {
  if (path.size() > 2) return graph_error(400, 100, 0, "unknown path");
  const auto& id = path[0];
  const auto edge = path.size() > 1 ? path[1] : std::string();
  if (id == ig_user_id_) return on_account(request, method, edge, query);
  const auto media = std::find_if(media_.begin(), media_.end(), [&](const Media& m) { return m.id == id; });
  if (media != media_.end()) {
    if (method == "GET" && edge == "comments") return list_comments(*media, query);
    return graph_error(400, 100, 0, "unsupported request on the media: " + method + " " + edge);
  }
  auto* comment = live_comment(id);
  if (comment == nullptr) return missing_object(id);
  return on_comment(request, method, *comment, edge);
}

CannedResponse FakeInstagramApi::on_account(const RecordedRequest& request, const std::string& method,
                                            const std::string& edge, const std::string& query) {
  if (method == "GET" && edge == "media") return list_media(query);
  if (method == "POST" && edge == "messages") {
    return private_reply(request, [this](const std::string& comment_id) -> std::optional<Commenter> {
      const auto* comment = live_comment(comment_id);
      if (comment == nullptr) return std::nullopt;
      return Commenter{comment->from_id, comment->timestamp};
    });
  }
  return graph_error(400, 100, 0, "unsupported request on the account: " + method + " " + edge);
}

CannedResponse FakeInstagramApi::on_comment(const RecordedRequest& request, const std::string& method, Comment& comment,
                                            const std::string& edge) {
  if (edge == "replies" && method == "GET") {
    json data = json::array();
    for (const auto& reply_id : comment.replies) {
      if (const auto* reply = this->comment(reply_id); reply && !reply->deleted) data.push_back(comment_node(*reply));
    }
    return json_response(200, {{"data", data}});
  }
  if (edge == "replies" && method == "POST") return add_reply(comment, request);
  if (!edge.empty()) return graph_error(400, 100, 0, "unknown edge " + edge);
  if (method == "GET") return json_response(200, comment_node(comment));
  if (method == "DELETE") {
    comment.deleted = true;
    return json_response(200, {{"success", true}});
  }
  if (method == "POST") {
    const auto hide = body_field(request, "hide");
    if (hide != "true" && hide != "false") return graph_error(400, 100, 0, "hide must be true or false");
    comment.hidden = hide == "true";
    return json_response(200, {{"success", true}});
  }
  return graph_error(400, 100, 0, "unsupported method " + method);
}

CannedResponse FakeInstagramApi::list_media(const std::string& query) {
  std::vector<const Media*> newest_first;
  for (const auto& media : media_) newest_first.push_back(&media);
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const Media* a, const Media* b) { return a->timestamp > b->timestamp; });
  std::vector<json> nodes;
  for (const auto* media : newest_first) {
    nodes.push_back({{"id", media->id},
                     {"timestamp", graph_time(media->timestamp)},
                     {"permalink", media->permalink},
                     {"media_product_type", media->media_product_type}});
  }
  return json_response(200, page_of(nodes, "/" + ig_user_id_ + "/media", query));
}

CannedResponse FakeInstagramApi::list_comments(const Media& media, const std::string& query) {
  std::vector<json> nodes;
  for (const auto& id : media.comments) {
    const auto& top = comments_.at(id);
    if (top.deleted) continue;
    auto node = comment_node(top);
    json replies = json::array();
    for (const auto& reply_id : top.replies) {
      if (!comments_.at(reply_id).deleted) replies.push_back(comment_node(comments_.at(reply_id)));
    }
    if (!replies.empty()) node["replies"] = {{"data", replies}};
    nodes.push_back(node);
  }
  return json_response(200, page_of(nodes, "/" + media.id + "/comments", query));
}

CannedResponse FakeInstagramApi::add_reply(const Comment& target, const RecordedRequest& request) {
  const auto message = body_field(request, "message");
  if (message.empty()) return graph_error(400, 100, 0, "the message parameter is required");
  if (target.hidden) return graph_error(400, 100, 0, "cannot reply to a hidden comment (fake Graph API)");
  const auto target_id = target.id;
  const auto media_id = target.media_id;
  const auto id = add_comment(media_id, target_id, ig_user_id_, username_, message, now_s);
  return json_response(200, {{"id", id}});
}

}  // namespace parley::test
