#include "fake_mastodon_api.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace parley::test {

namespace {

using nlohmann::json;

CannedResponse api_response(int status, const json& body) {
  CannedResponse response;
  response.status = status;
  response.headers.push_back({"Content-Type", "application/json; charset=utf-8"});
  response.body = body.dump();
  return response;
}

std::string percent_decode(const std::string& text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      result += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      result += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      result += text[i];
    }
  }
  return result;
}

std::string first_value(const std::string& encoded, const std::string& name) {
  const auto values = form_values(encoded, name);
  return values.empty() ? std::string() : values.front();
}

/// Mastodon ids are decimal integers: newer is greater.
bool id_less(const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; }

json account_json(const FakeMastodonApi::Account& account, const std::string& base_url) {
  return {{"id", account.id},
          {"username", account.username},
          {"acct", account.acct},
          {"display_name", account.display_name},
          {"url", base_url + "/@" + account.acct}};
}

json status_json(const FakeMastodonApi::Status& status, const std::string& base_url) {
  json node = {{"id", status.id},
               {"created_at", iso_time(status.created_at_ms)},
               {"in_reply_to_id", nullptr},
               {"in_reply_to_account_id", nullptr},
               {"sensitive", !status.spoiler_text.empty()},
               {"spoiler_text", status.spoiler_text},
               {"visibility", status.visibility},
               {"language", nullptr},
               {"uri", base_url + "/users/" + status.account.username + "/statuses/" + status.id},
               {"url", base_url + "/@" + status.account.username + "/" + status.id},
               {"content", status.content},
               {"reblog", nullptr},
               {"account", account_json(status.account, base_url)},
               {"media_attachments", json::array()},
               {"mentions", json::array()}};
  if (!status.in_reply_to_id.empty()) node["in_reply_to_id"] = status.in_reply_to_id;
  if (!status.in_reply_to_account_id.empty()) node["in_reply_to_account_id"] = status.in_reply_to_account_id;
  if (!status.language.empty()) node["language"] = status.language;
  return node;
}

std::string text_to_html(const std::string& text) {
  std::string html = "<p>";
  for (const char c : text) {
    if (c == '<')
      html += "&lt;";
    else if (c == '>')
      html += "&gt;";
    else if (c == '&')
      html += "&amp;";
    else if (c == '"')
      html += "&quot;";
    else if (c == '\n')
      html += "<br />";
    else
      html += c;
  }
  return html + "</p>";
}

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::vector<std::string> form_values(const std::string& encoded, const std::string& name) {
  std::vector<std::string> values;
  std::size_t start = 0;
  while (start <= encoded.size()) {
    const auto end = encoded.find('&', start);
    const auto pair = encoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto equals = pair.find('=');
    if (!pair.empty() && percent_decode(pair.substr(0, equals)) == name) {
      values.push_back(equals == std::string::npos ? std::string() : percent_decode(pair.substr(equals + 1)));
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return values;
}

std::string iso_time(std::int64_t epoch_ms) {
  const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(epoch_ms % 1000));
  return std::string(text) + millis;
}

CannedResponse mastodon_error(int http_status, const std::string& message) {
  return api_response(http_status, {{"error", message}});
}

FakeMastodonApi::FakeMastodonApi(Account brand, std::string access_token)
    : brand_(std::move(brand)), access_token_(std::move(access_token)) {
  accounts_[brand_.id] = brand_;
}

std::string FakeMastodonApi::next_status_id() { return std::to_string(next_status_++); }

std::string FakeMastodonApi::mention(const Account& from, const std::string& content, const MentionOptions& options) {
  accounts_[from.id] = from;
  Status status;
  status.id = next_status_id();
  status.account = from;
  status.content = content;
  status.spoiler_text = options.spoiler_text;
  status.visibility = options.visibility;
  status.language = options.language;
  status.in_reply_to_id = options.in_reply_to_id;
  if (const auto answered = statuses_.find(options.in_reply_to_id); answered != statuses_.end()) {
    status.in_reply_to_account_id = answered->second.account.id;
  }
  status.created_at_ms = now_ms;
  statuses_[status.id] = status;
  status_order_.push_back(status.id);
  add_notification("mention", from, status.id);
  return status.id;
}

std::string FakeMastodonApi::add_notification(const std::string& type, const Account& from,
                                              const std::string& status_id) {
  accounts_[from.id] = from;
  Notification notification;
  notification.id = std::to_string(next_notification_++);
  notification.type = type;
  notification.account_id = from.id;
  notification.status_id = status_id;
  notification.created_at_ms = now_ms;
  notifications_.push_back(notification);
  return notification.id;
}

const FakeMastodonApi::Status* FakeMastodonApi::status(const std::string& id) const {
  const auto found = statuses_.find(id);
  return found == statuses_.end() ? nullptr : &found->second;
}

FakeMastodonApi::Status* FakeMastodonApi::live_status(const std::string& id) {
  const auto found = statuses_.find(id);
  return found == statuses_.end() || found->second.deleted ? nullptr : &found->second;
}

std::vector<const FakeMastodonApi::Status*> FakeMastodonApi::brand_statuses() const {
  std::vector<const Status*> result;
  for (const auto& id : status_order_) {
    const auto& status = statuses_.at(id);
    if (status.account.id == brand_.id && !status.deleted) result.push_back(&status);
  }
  return result;
}

void FakeMastodonApi::fail_next(int count, int status) {
  failures_left_ = count;
  failure_status_ = status;
}

void FakeMastodonApi::rate_limit_next(int count, int retry_after_s) {
  rate_limits_left_ = count;
  retry_after_s_ = retry_after_s;
}

void FakeMastodonApi::delete_status(const std::string& id) {
  if (auto* found = live_status(id)) found->deleted = true;
}

CannedResponse FakeMastodonApi::with_rate_limit_headers(CannedResponse response) {
  // 300 requests per account per 5 minutes; the headers count down within the window.
  const auto window_ms = 5 * 60 * 1000;
  const auto reset = (now_ms / window_ms + 1) * window_ms;
  const bool limited = response.status == 429;
  const auto remaining = limited ? 0 : std::max<std::int64_t>(1, 300 - static_cast<std::int64_t>(calls_));
  response.headers.push_back({"X-RateLimit-Limit", "300"});
  response.headers.push_back({"X-RateLimit-Remaining", std::to_string(remaining)});
  response.headers.push_back({"X-RateLimit-Reset", iso_time(limited ? now_ms + retry_after_s_ * 1000LL : reset)});
  return response;
}

CannedResponse FakeMastodonApi::handle(const RecordedRequest& request) {
  requests_.push_back(request);
  ++calls_;
  if (failures_left_ > 0) {
    --failures_left_;
    return with_rate_limit_headers(mastodon_error(failure_status_, "temporary failure (injected by the fake)"));
  }
  if (rate_limits_left_ > 0) {
    --rate_limits_left_;
    auto limited = mastodon_error(429, "Too many requests");
    limited.headers.push_back({"Retry-After", std::to_string(retry_after_s_)});
    return with_rate_limit_headers(limited);
  }
  if (token_expired_ || request.header("Authorization").value_or("") != "Bearer " + access_token_) {
    return with_rate_limit_headers(mastodon_error(401, "The access token is invalid"));
  }
  auto response = route(request);
  if (lose_next_answer_) {
    lose_next_answer_ = false;
    return with_rate_limit_headers(mastodon_error(500, "answer lost (injected by the fake)"));
  }
  return with_rate_limit_headers(response);
}

CannedResponse FakeMastodonApi::route(const RecordedRequest& request) {
  // Split here rather than with RecordedRequest::path(), so the fake also runs without FakeHttpServer.
  const auto question = request.target.find('?');
  const auto path = request.target.substr(0, question);
  const auto query = question == std::string::npos ? std::string() : request.target.substr(question + 1);
  const auto& method = request.method;
  if (method == "GET" && path == "/api/v1/notifications") return list_notifications(query);
  if (method == "POST" && path == "/api/v1/statuses") return create_status(request);
  if (method == "POST" && path == "/api/v1/reports") return file_report(request);
  const std::string statuses = "/api/v1/statuses/";
  if (method == "GET" && path.rfind(statuses, 0) == 0) {
    const auto* found = live_status(path.substr(statuses.size()));
    if (found == nullptr) return mastodon_error(404, "Record not found");
    return api_response(200, status_json(*found, base_url));
  }
  const std::string accounts = "/api/v1/accounts/";
  if (method == "POST" && path.rfind(accounts, 0) == 0) {
    const auto rest = path.substr(accounts.size());
    const auto slash = rest.find('/');
    if (slash != std::string::npos) return relationship(rest.substr(0, slash), rest.substr(slash + 1));
  }
  return mastodon_error(404, "Record not found");
}

CannedResponse FakeMastodonApi::list_notifications(const std::string& query) {
  const auto types = form_values(query, "types[]");
  const auto since_id = first_value(query, "since_id");
  const auto max_id = first_value(query, "max_id");
  const auto limit_text = first_value(query, "limit");
  const std::size_t limit = std::clamp<std::size_t>(limit_text.empty() ? 40 : std::stoul(limit_text), 1, 80);
  std::vector<const Notification*> selected;
  for (const auto& notification : notifications_) {
    if (!types.empty() && std::find(types.begin(), types.end(), notification.type) == types.end()) continue;
    if (!since_id.empty() && !id_less(since_id, notification.id)) continue;
    if (!max_id.empty() && !id_less(notification.id, max_id)) continue;
    const auto status = statuses_.find(notification.status_id);
    if (status != statuses_.end() && status->second.deleted) continue;  // gone with its status
    selected.push_back(&notification);
  }
  std::sort(selected.begin(), selected.end(),
            [](const Notification* a, const Notification* b) { return id_less(b->id, a->id); });
  if (selected.size() > limit) selected.resize(limit);
  json page = json::array();
  for (const auto* notification : selected) {
    json node = {{"id", notification->id},
                 {"type", notification->type},
                 {"created_at", iso_time(notification->created_at_ms)},
                 {"account", account_json(accounts_.at(notification->account_id), base_url)}};
    if (const auto* status = this->status(notification->status_id)) node["status"] = status_json(*status, base_url);
    page.push_back(node);
  }
  auto response = api_response(200, page);
  if (!selected.empty()) {
    // As Mastodon: the filters and limit again (not since_id), a next link only after a full page.
    std::string kept = "limit=" + std::to_string(limit);
    for (const auto& type : types) kept += "&types%5B%5D=" + type;
    const auto url = base_url + "/api/v1/notifications?" + kept;
    std::string link;
    if (selected.size() == limit) link = "<" + url + "&max_id=" + selected.back()->id + ">; rel=\"next\", ";
    link += "<" + url + "&min_id=" + selected.front()->id + ">; rel=\"prev\"";
    response.headers.push_back({"Link", link});
  }
  return response;
}

CannedResponse FakeMastodonApi::create_status(const RecordedRequest& request) {
  if (!request.header("Content-Type").value_or("").starts_with("application/x-www-form-urlencoded")) {
    return mastodon_error(422, "Validation failed: Text can't be blank (expected a form body)");
  }
  const auto key = request.header("Idempotency-Key");
  if (key) {
    if (const auto earlier = idempotency_.find(*key); earlier != idempotency_.end()) {
      return api_response(200, status_json(statuses_.at(earlier->second), base_url));
    }
  }
  const auto text = first_value(request.body, "status");
  if (text.empty()) return mastodon_error(422, "Validation failed: Text can't be blank");
  if (code_points(text) > max_status_chars) {
    return mastodon_error(
        422, "Validation failed: Text character limit of " + std::to_string(max_status_chars) + " exceeded");
  }
  auto visibility = first_value(request.body, "visibility");
  if (visibility.empty()) visibility = "public";
  if (visibility != "public" && visibility != "unlisted" && visibility != "private" && visibility != "direct") {
    return mastodon_error(422, "Validation failed: Visibility is not included in the list");
  }
  const auto in_reply_to = first_value(request.body, "in_reply_to_id");
  if (!in_reply_to.empty() && live_status(in_reply_to) == nullptr) return mastodon_error(404, "Record not found");
  Status status;
  status.id = next_status_id();
  status.account = brand_;
  status.content = text_to_html(text);
  status.visibility = visibility;
  status.language = first_value(request.body, "language");
  status.in_reply_to_id = in_reply_to;
  if (!in_reply_to.empty()) status.in_reply_to_account_id = live_status(in_reply_to)->account.id;
  status.created_at_ms = now_ms;
  statuses_[status.id] = status;
  status_order_.push_back(status.id);
  if (key) idempotency_[*key] = status.id;
  return api_response(200, status_json(status, base_url));
}

CannedResponse FakeMastodonApi::relationship(const std::string& account_id, const std::string& verb) {
  if (accounts_.count(account_id) == 0) return mastodon_error(404, "Record not found");
  if (verb == "block") {
    if (std::find(blocked_.begin(), blocked_.end(), account_id) == blocked_.end()) blocked_.push_back(account_id);
  } else if (verb == "mute") {
    if (std::find(muted_.begin(), muted_.end(), account_id) == muted_.end()) muted_.push_back(account_id);
  } else {
    return mastodon_error(404, "Record not found");
  }
  const bool blocking = std::find(blocked_.begin(), blocked_.end(), account_id) != blocked_.end();
  const bool muting = std::find(muted_.begin(), muted_.end(), account_id) != muted_.end();
  return api_response(200, {{"id", account_id},
                            {"following", false},
                            {"followed_by", false},
                            {"blocking", blocking},
                            {"blocked_by", false},
                            {"muting", muting},
                            {"muting_notifications", muting},
                            {"requested", false},
                            {"domain_blocking", false}});
}

CannedResponse FakeMastodonApi::file_report(const RecordedRequest& request) {
  Report report;
  report.account_id = first_value(request.body, "account_id");
  if (report.account_id.empty() || accounts_.count(report.account_id) == 0) {
    return mastodon_error(404, "Record not found");
  }
  report.id = std::to_string(next_report_++);
  report.status_ids = form_values(request.body, "status_ids[]");
  report.comment = first_value(request.body, "comment");
  report.category = first_value(request.body, "category");
  if (report.category.empty()) report.category = "other";
  report.forward = first_value(request.body, "forward") == "true";
  reports_.push_back(report);
  return api_response(200, {{"id", report.id},
                            {"action_taken", false},
                            {"category", report.category},
                            {"comment", report.comment},
                            {"forwarded", report.forward},
                            {"created_at", iso_time(now_ms)},
                            {"status_ids", report.status_ids},
                            {"target_account", account_json(accounts_.at(report.account_id), base_url)}});
}

}  // namespace parley::test
