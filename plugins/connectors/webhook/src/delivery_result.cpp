#include "delivery_result.hpp"

#include <nlohmann/json.hpp>

namespace parley::webhook {

namespace {

constexpr std::size_t kExcerptBytes = 200;

/// The first bytes of a body, on one line, not cutting a UTF-8 character.
std::string excerpt(const std::string& body) {
  std::size_t cut = std::min(body.size(), kExcerptBytes);
  while (cut > 0 && cut < body.size() && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  std::string text = body.substr(0, cut);
  for (auto& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return cut < body.size() ? text + "..." : text;
}

/// `{"id": "..."}` of a 2xx answer: what the receiver created, if it says.
std::string created_id(const std::string& body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (!document.is_object()) return {};
  const auto id = document.find("id");
  if (id == document.end()) return {};
  if (id->is_string()) return id->get<std::string>();
  if (id->is_number_integer()) return std::to_string(id->get<long long>());
  return {};
}

}  // namespace

std::string redacted(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
      text.replace(at, secret.size(), "[redacted]");
    }
  }
  return text;
}

ActionResult delivery_result(const HttpResponse& response, const std::vector<std::string>& secrets) {
  using Status = ActionResult::Status;
  if (response.status == 0) {
    return {Status::failed_retryable, "", redacted("no answer from the webhook: " + response.error, secrets)};
  }
  if (response.ok()) return {Status::done, created_id(response.body), ""};
  const auto status = std::to_string(response.status);
  const auto body = redacted(excerpt(response.body), secrets);
  const std::string said = body.empty() ? "" : ": " + body;
  if (response.status >= 500 || response.status == 408 || response.status == 429) {
    std::string message = "webhook answered HTTP " + status + said;
    if (const auto wait = response.header("Retry-After")) message += " (Retry-After " + redacted(*wait, secrets) + ")";
    return {Status::failed_retryable, "", message};
  }
  return {Status::failed_permanent, "", "webhook refused the action: HTTP " + status + said};
}

}  // namespace parley::webhook
