#include "fake_graph_api.hpp"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <parley/webhook.hpp>  // query_parameter: also reads form bodies

namespace parley::test {

namespace {

using nlohmann::json;

constexpr std::int64_t kPrivateReplyWindowS = 7 * 24 * 3600;

CannedResponse json_response(int status, const json& body) {
  CannedResponse response;
  response.status = status;
  response.headers.push_back({"Content-Type", "application/json"});
  response.body = body.dump();
  return response;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    parts.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string without_parameter(const std::string& query, const std::string& name) {
  std::string result;
  std::size_t start = 0;
  while (start <= query.size()) {
    const auto end = query.find('&', start);
    const auto pair = query.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!pair.empty() && pair.rfind(name + "=", 0) != 0) result += (result.empty() ? "" : "&") + pair;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return result;
}

/// The request's form field or JSON body, as Graph takes either.
std::string body_field(const RecordedRequest& request, const std::string& name) {
  const auto type = request.header("Content-Type").value_or("");
  if (type.rfind("application/json", 0) == 0) {
    const auto body = json::parse(request.body, nullptr, false);
    if (body.is_object() && body.contains(name) && body[name].is_string()) return body[name].get<std::string>();
    return {};
  }
  return query_parameter(request.body, name);
}

json comment_node(const FakeGraphApi::Comment& comment) {
  json node = {{"id", comment.id},
               {"from", {{"id", comment.from_id}, {"name", comment.from_name}}},
               {"message", comment.message},
               {"created_time", graph_time(comment.created_time)},
               {"is_hidden", comment.is_hidden}};
  if (!comment.parent_id.empty()) node["parent"] = {{"id", comment.parent_id}};
  return node;
}

CannedResponse missing_object(const std::string& id) {
  return graph_error(400, 100, 33, "Object '" + id + "' does not exist or cannot be loaded (fake Graph API)",
                     "GraphMethodException");
}

}  // namespace

std::string graph_time(std::int64_t unix_seconds) {
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+0000", &parts);
  return text;
}

CannedResponse graph_error(int http_status, int code, int subcode, const std::string& message,
                           const std::string& type) {
  json error = {
      {"message", message}, {"type", type}, {"code", code}, {"fbtrace_id", "FakeTrace" + std::to_string(code)}};
  if (subcode != 0) error["error_subcode"] = subcode;
  return json_response(http_status, {{"error", error}});
}

FakeGraphApi::FakeGraphApi(std::string page_id, std::string page_name, std::string access_token, std::string version)
    : page_id_(std::move(page_id)),
      page_name_(std::move(page_name)),
      access_token_(std::move(access_token)),
      version_(std::move(version)) {}

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

std::vector<std::string> FakeGraphApi::private_replies(const std::string& comment_id) const {
  const auto found = private_replies_.find(comment_id);
  return found == private_replies_.end() ? std::vector<std::string>{} : found->second;
}

void FakeGraphApi::fail_next(int count, int status) {
  failures_left_ = count;
  failure_status_ = status;
}

void FakeGraphApi::rate_limit_next(int count, int retry_after_s) {
  rate_limits_left_ = count;
  retry_after_s_ = retry_after_s;
}

void FakeGraphApi::delete_comment(const std::string& id) {
  if (auto* found = live_comment(id)) found->deleted = true;
}

CannedResponse FakeGraphApi::with_usage(CannedResponse response) {
  // Business Use Case usage, as percentages of the quota, keyed by business id.
  const auto used = static_cast<int>(std::min<std::size_t>(calls_, 100));
  const json usage = {{business_id,
                       {{{"type", "pages"},
                         {"call_count", used},
                         {"total_cputime", used / 2},
                         {"total_time", used / 2},
                         {"estimated_time_to_regain_access", 0}}}}};
  response.headers.push_back({"X-Business-Use-Case-Usage", usage.dump()});
  return response;
}

CannedResponse FakeGraphApi::handle(const RecordedRequest& request) {
  requests_.push_back(request);
  ++calls_;
  if (failures_left_ > 0) {
    --failures_left_;
    return with_usage(graph_error(failure_status_, 2, 0, "temporary failure (injected by the fake)"));
  }
  if (rate_limits_left_ > 0) {
    --rate_limits_left_;
    auto limited = graph_error(429, 4, 0, "too many calls (injected by the fake)");
    limited.headers.push_back({"Retry-After", std::to_string(retry_after_s_)});
    return with_usage(limited);
  }
  if (request.header("Authorization").value_or("") != "Bearer " + access_token_) {
    return with_usage(graph_error(400, 190, 0, "invalid access token (fake Graph API)"));
  }
  if (token_expired_) return with_usage(graph_error(400, 190, 463, "access token has expired (fake Graph API)"));
  const auto question = request.target.find('?');
  const auto path = request.target.substr(0, question);
  const auto query = question == std::string::npos ? std::string() : request.target.substr(question + 1);
  auto parts = split_path(path);
  if (parts.size() < 2 || parts.front() != version_) {
    return with_usage(graph_error(400, 100, 0, "unknown path or version: " + path));
  }
  parts.erase(parts.begin());
  return with_usage(route(request, request.method, parts, query));
}

CannedResponse FakeGraphApi::route(const RecordedRequest& request, const std::string& method,
                                   const std::vector<std::string>& path, const std::string& query) {
  const auto& id = path[0];
  const auto edge = path.size() > 1 ? path[1] : std::string();
  if (path.size() > 2) return graph_error(400, 100, 0, "unknown path");
  if (id == page_id_) {
    if (method == "GET" && edge == "feed") return feed(query);
    if (method == "POST" && edge == "messages") return private_reply(request);
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
  const auto limit_text = query_parameter(query, "limit");
  const auto after = query_parameter(query, "after");
  const std::int64_t since = since_text.empty() ? 0 : std::stoll(since_text);
  const std::size_t limit = std::min<std::size_t>(limit_text.empty() ? 25 : std::stoul(limit_text), max_page_size);
  std::vector<const Post*> selected;
  for (const auto& post : posts_) {
    if (post.created_time >= since) selected.push_back(&post);
  }
  std::stable_sort(selected.begin(), selected.end(),
                   [](const Post* a, const Post* b) { return a->created_time > b->created_time; });
  // Cursors are opaque to clients; here they are the position in the list.
  const std::size_t start = after.empty() ? 0 : std::stoul(after.substr(after.find('-') + 1));
  const auto end = std::min(selected.size(), start + limit);
  json data = json::array();
  for (auto i = start; i < end; ++i) {
    const auto& post = *selected[i];
    json node = {{"id", post.id}, {"created_time", graph_time(post.created_time)}};
    std::vector<const Comment*> comments;
    for (const auto& comment_id : post.comments) {
      if (const auto* comment = this->comment(comment_id); comment && !comment->deleted) comments.push_back(comment);
    }
    std::stable_sort(comments.begin(), comments.end(),
                     [](const Comment* a, const Comment* b) { return a->created_time > b->created_time; });
    if (!comments.empty()) {
      json list = json::array();
      for (const auto* comment : comments) list.push_back(comment_node(*comment));
      node["comments"] = {{"data", list}};
    }
    data.push_back(node);
  }
  json body = {{"data", data}};
  if (start < end) {
    json paging = {
        {"cursors", {{"before", "cursor-" + std::to_string(start)}, {"after", "cursor-" + std::to_string(end)}}}};
    if (end < selected.size()) {
      paging["next"] = base_url + "/" + version_ + "/" + page_id_ + "/feed?" + without_parameter(query, "after") +
                       "&after=cursor-" + std::to_string(end);
    }
    body["paging"] = paging;
  }
  return json_response(200, body);
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

CannedResponse FakeGraphApi::private_reply(const RecordedRequest& request) {
  const auto body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("recipient") || !body["recipient"].is_object() ||
      !body["recipient"].contains("comment_id") || !body.contains("message") || !body["message"].contains("text")) {
    return graph_error(400, 100, 0, "expected a JSON body with recipient.comment_id and message.text");
  }
  const auto comment_id = body["recipient"]["comment_id"].get<std::string>();
  const auto* comment = live_comment(comment_id);
  if (comment == nullptr) return missing_object(comment_id);
  if (now_s - comment->created_time > kPrivateReplyWindowS) {
    return graph_error(400, 10, 2018278, "the comment is older than the private reply window (fake Graph API)");
  }
  auto& sent = private_replies_[comment_id];
  if (!sent.empty()) return graph_error(400, 10900, 0, "this comment already has its private reply (fake Graph API)");
  sent.push_back(body["message"]["text"].get<std::string>());
  return json_response(
      200, {{"recipient_id", "psid-" + comment->from_id}, {"message_id", "m_" + std::to_string(next_id_++)}});
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
