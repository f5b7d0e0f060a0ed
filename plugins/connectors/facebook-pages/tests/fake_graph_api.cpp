#include "fake_graph_api.hpp"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <parley/webhook.hpp>  // query_parameter: also reads form bodies

namespace parley::test {

namespace {

using nlohmann::json;

/// `parent`: the comment it answers, when the request asked for the parent's
/// author (`parent{id,from{...}}`), else nullptr (Graph gives only the id).
json comment_node(const FakeGraphApi::Comment& comment, const FakeGraphApi::Comment* parent = nullptr) {
  json node = {{"id", comment.id},
               {"from", {{"id", comment.from_id}, {"name", comment.from_name}}},
               {"message", comment.message},
               {"created_time", graph_time(comment.created_time)},
               {"is_hidden", comment.is_hidden}};
  if (!comment.parent_id.empty()) node["parent"] = {{"id", comment.parent_id}};
  if (parent != nullptr) node["parent"]["from"] = {{"id", parent->from_id}, {"name", parent->from_name}};
  return node;
}

}  // namespace

FakeGraphApi::FakeGraphApi(std::string page_id, std::string page_name, std::string access_token, std::string version)
    : FakeGraphBase(std::move(access_token), std::move(version)),
      page_id_(std::move(page_id)),
      page_name_(std::move(page_name)) {}

void FakeGraphApi::add_post(const std::string& post_id, std::int64_t created_time) {
  posts_.push_back({post_id, created_time, {}});
}

std::string FakeGraphApi::add_comment(const std::string& post_id, const std::string& parent_id,
                                      const std::string& from_id, const std::string& from_name,
                                      const std::string& message, std::int64_t created_time) {
  auto post = std::find_if(posts_.begin(), posts_.end(), [&](const Post& p) { return p.id == post_id; });
  if (post == posts_.end()) {
    add_post(post_id, created_time);
    post = std::prev(posts_.end());
  }
  // Graph comment ids are "<object id>_<comment id>".
  const auto object = post_id.substr(post_id.find('_') + 1);
  const auto id = object + "_" + std::to_string(next_id_++);
  comments_[id] = {id, post_id, parent_id, from_id, from_name, message, created_time, false, false, {}};
  post->comments.push_back(id);
  if (!parent_id.empty()) comments_[parent_id].children.push_back(id);
  return id;
}

const FakeGraphApi::Comment* FakeGraphApi::comment(const std::string& id) const {
  const auto found = comments_.find(id);
  return found == comments_.end() ? nullptr : &found->second;
}

FakeGraphApi::Comment* FakeGraphApi::live_comment(const std::string& id) {
  const auto found = comments_.find(id);
  return found == comments_.end() || found->second.deleted ? nullptr : &found->second;
}

void FakeGraphApi::delete_comment(const std::string& id) {
  if (auto* found = live_comment(id)) found->deleted = true;
}

CannedResponse FakeGraphApi::route(const RecordedRequest& request, const std::string& method,
                                   const std::vector<std::string>& path, const std::string& query) {
  const auto& id = path[0];
  const auto edge = path.size() > 1 ? path[1] : std::string();
  if (path.size() > 2) return graph_error(400, 100, 0, "unknown path");
  if (id == page_id_) {
    if (method == "GET" && edge == "feed") return feed(query);
    if (method == "POST" && edge == "messages") {
      return private_reply(request, [this](const std::string& comment_id) -> std::optional<Commenter> {
        const auto* comment = live_comment(comment_id);
        if (comment == nullptr) return std::nullopt;
        return Commenter{comment->from_id, comment->created_time};
      });
    }
    if (method == "POST" && edge == "blocked") return block(request);
    return graph_error(400, 100, 0, "unsupported request on the page: " + method + " " + edge);
  }
  auto* comment = live_comment(id);
  if (comment == nullptr) return missing_object(id);
  if (edge == "comments" && method == "GET") return list_replies(*comment);
  if (edge == "comments" && method == "POST") return add_reply(*comment, request);
  if (!edge.empty()) return graph_error(400, 100, 0, "unknown edge " + edge);
  if (method == "GET") return json_response(200, comment_node(*comment));
  if (method == "DELETE") {
    comment->deleted = true;
    return json_response(200, {{"success", true}});
  }
  if (method == "POST") {
    const auto hidden = body_field(request, "is_hidden");
    if (hidden != "true" && hidden != "false") return graph_error(400, 100, 0, "is_hidden must be true or false");
    comment->is_hidden = hidden == "true";
    return json_response(200, {{"success", true}});
  }
  return graph_error(400, 100, 0, "unsupported method " + method);
}

CannedResponse FakeGraphApi::feed(const std::string& query) {
  const auto since_text = query_parameter(query, "since");
  const std::int64_t since = since_text.empty() ? 0 : std::stoll(since_text);
  std::vector<const Post*> selected;
  for (const auto& post : posts_) {
    if (post.created_time >= since) selected.push_back(&post);
  }
  std::stable_sort(selected.begin(), selected.end(),
                   [](const Post* a, const Post* b) { return a->created_time > b->created_time; });
  const bool parent_authors = query_parameter(query, "fields").find("parent{id,from") != std::string::npos;
  std::vector<json> nodes;
  for (const auto* post : selected) {
    json node = {{"id", post->id}, {"created_time", graph_time(post->created_time)}};
    std::vector<const Comment*> comments;
    for (const auto& comment_id : post->comments) {
      if (const auto* comment = this->comment(comment_id); comment && !comment->deleted) comments.push_back(comment);
    }
    std::stable_sort(comments.begin(), comments.end(),
                     [](const Comment* a, const Comment* b) { return a->created_time > b->created_time; });
    if (!comments.empty()) {
      json list = json::array();
      for (const auto* comment : comments) {
        list.push_back(comment_node(*comment, parent_authors ? this->comment(comment->parent_id) : nullptr));
      }
      node["comments"] = {{"data", list}};
    }
    nodes.push_back(node);
  }
  return json_response(200, page_of(nodes, "/" + page_id_ + "/feed", query));
}

CannedResponse FakeGraphApi::list_replies(const Comment& parent) {
  json data = json::array();
  for (const auto& child_id : parent.children) {
    if (const auto* child = comment(child_id); child && !child->deleted) data.push_back(comment_node(*child));
  }
  return json_response(200,
                       {{"data", data}, {"paging", {{"cursors", {{"before", "cursor-0"}, {"after", "cursor-0"}}}}}});
}

CannedResponse FakeGraphApi::add_reply(Comment& parent, const RecordedRequest& request) {
  const auto message = body_field(request, "message");
  if (message.empty()) return graph_error(400, 100, 0, "a comment needs a message or an attachment");
  const auto parent_id = parent.id;
  const auto id = add_comment(parent.post_id, parent_id, page_id_, page_name_, message, now_s);
  return json_response(200, {{"id", id}});
}

CannedResponse FakeGraphApi::block(const RecordedRequest& request) {
  json answer = json::object();
  for (const char* name : {"user", "uid", "asid", "psid"}) {
    const auto id = body_field(request, name);
    if (id.empty()) continue;
    if (std::find(blocked_.begin(), blocked_.end(), id) == blocked_.end()) blocked_.push_back(id);
    answer[id] = true;
  }
  if (answer.empty()) return graph_error(400, 100, 0, "one of user, uid, asid or psid is required");
  return json_response(200, answer);
}

}  // namespace parley::test
