#include "fake_graph_base.hpp"

#include <algorithm>
#include <ctime>
#include <parley/webhook.hpp>  // query_parameter: also reads form bodies

namespace parley::test {

namespace {

using nlohmann::json;

constexpr std::int64_t kPrivateReplyWindowS = 7 * 24 * 3600;

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

}  // namespace

CannedResponse json_response(int status, const json& body) {
  CannedResponse response;
  response.status = status;
  response.headers.push_back({"Content-Type", "application/json"});
  response.body = body.dump();
  return response;
}

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

CannedResponse missing_object(const std::string& id) {
  return graph_error(400, 100, 33, "Object '" + id + "' does not exist or cannot be loaded (fake Graph API)",
                     "GraphMethodException");
}

std::string body_field(const RecordedRequest& request, const std::string& name) {
  const auto type = request.header("Content-Type").value_or("");
  if (type.rfind("application/json", 0) == 0) {
    const auto body = json::parse(request.body, nullptr, false);
    if (body.is_object() && body.contains(name) && body[name].is_string()) return body[name].get<std::string>();
    return {};
  }
  return query_parameter(request.body, name);
}

FakeGraphBase::FakeGraphBase(std::string access_token, std::string version)
    : access_token_(std::move(access_token)), version_(std::move(version)) {}

void FakeGraphBase::fail_next(int count, int status) {
  failures_left_ = count;
  failure_status_ = status;
}

void FakeGraphBase::rate_limit_next(int count, int retry_after_s) {
  rate_limits_left_ = count;
  retry_after_s_ = retry_after_s;
}

CannedResponse FakeGraphBase::with_usage(CannedResponse response) {
  // Business Use Case usage, as percentages of the quota, keyed by business id.
  const auto used = static_cast<int>(std::min<std::size_t>(calls_, 100));
  const json usage = {{business_id,
                       {{{"type", usage_type},
                         {"call_count", used},
                         {"total_cputime", used / 2},
                         {"total_time", used / 2},
                         {"estimated_time_to_regain_access", 0}}}}};
  response.headers.push_back({"X-Business-Use-Case-Usage", usage.dump()});
  return response;
}

CannedResponse FakeGraphBase::handle(const RecordedRequest& request) {
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

json FakeGraphBase::page_of(const std::vector<json>& nodes, const std::string& path, const std::string& query) const {
  const auto limit_text = query_parameter(query, "limit");
  const auto after = query_parameter(query, "after");
  const std::size_t limit = std::min<std::size_t>(limit_text.empty() ? 25 : std::stoul(limit_text), max_page_size);
  // Cursors are opaque to clients; here they are the position in the list.
  const std::size_t start = after.empty() ? 0 : std::stoul(after.substr(after.find('-') + 1));
  const auto end = std::min(nodes.size(), start + limit);
  json data = json::array();
  for (auto i = start; i < end; ++i) data.push_back(nodes[i]);
  json body = {{"data", data}};
  if (start < end) {
    json paging = {
        {"cursors", {{"before", "cursor-" + std::to_string(start)}, {"after", "cursor-" + std::to_string(end)}}}};
    if (end < nodes.size()) {
      paging["next"] = base_url + "/" + version_ + path + "?" + without_parameter(query, "after") + "&after=cursor-" +
                       std::to_string(end);
    }
    body["paging"] = paging;
  }
  return body;
}

std::vector<std::string> FakeGraphBase::private_replies(const std::string& comment_id) const {
  const auto found = private_replies_.find(comment_id);
  return found == private_replies_.end() ? std::vector<std::string>{} : found->second;
}

CannedResponse FakeGraphBase::private_reply(const RecordedRequest& request,
                                            const std::function<std::optional<Commenter>(const std::string&)>& find) {
  const auto body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("recipient") || !body["recipient"].is_object() ||
      !body["recipient"].contains("comment_id") || !body.contains("message") || !body["message"].contains("text")) {
    return graph_error(400, 100, 0, "expected a JSON body with recipient.comment_id and message.text");
  }
  const auto comment_id = body["recipient"]["comment_id"].get<std::string>();
  const auto comment = find(comment_id);
  if (!comment) return missing_object(comment_id);
  if (now_s - comment->created_time > kPrivateReplyWindowS) {
    return graph_error(400, 10, 2018278, "the comment is older than the private reply window (fake Graph API)");
  }
  auto& sent = private_replies_[comment_id];
  if (!sent.empty()) return graph_error(400, 10900, 0, "this comment already has its private reply (fake Graph API)");
  sent.push_back(body["message"]["text"].get<std::string>());
  return json_response(
      200, {{"recipient_id", "psid-" + comment->from_id}, {"message_id", "m_" + std::to_string(next_message_++)}});
}

}  // namespace parley::test
