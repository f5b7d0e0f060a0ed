#include "mastodon_error.hpp"

#include <nlohmann/json.hpp>

namespace parley::mastodon {

namespace {

using nlohmann::json;
using Status = ActionResult::Status;

constexpr std::size_t kMaxQuoted = 300;  // an instance's message, not a whole HTML error page

std::string without_secret(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

ActionResult make(Status status, std::string message, std::string_view secret) {
  ActionResult result;
  result.status = status;
  result.message = without_secret(std::move(message), secret);
  return result;
}

/// " (HTTP 422): Validation failed: Text can't be blank"
std::string details(int status, const std::optional<MastodonError>& error) {
  std::string text = " (HTTP " + std::to_string(status) + ")";
  if (error && !error->error.empty()) text += ": " + error->error.substr(0, kMaxQuoted);
  if (error && !error->description.empty()) text += " - " + error->description.substr(0, kMaxQuoted);
  return text;
}

}  // namespace

std::optional<MastodonError> parse_mastodon_error(std::string_view body) {
  const auto document = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return std::nullopt;
  const auto error = document.find("error");
  if (error == document.end() || !error->is_string()) return std::nullopt;
  MastodonError result;
  result.error = error->get<std::string>();
  if (const auto description = document.find("error_description");
      description != document.end() && description->is_string()) {
    result.description = description->get<std::string>();
  }
  return result;
}

ActionResult result_for_failure(const HttpResponse& response, std::string_view secret) {
  if (response.status == 0) {
    return make(Status::failed_retryable, "no response from the Mastodon instance: " + response.error, secret);
  }
  const int status = response.status;
  const auto error = parse_mastodon_error(response.body);
  const auto said = details(status, error);
  if (status == 429) return make(Status::failed_retryable, "rate limited by the Mastodon instance" + said, secret);
  if (status >= 500) return make(Status::failed_retryable, "temporary Mastodon instance error" + said, secret);
  if (status == 401) {
    return make(Status::failed_permanent,
                "access token invalid, expired or revoked" + said + "; create a new token for the account", secret);
  }
  if (status == 403) {
    return make(Status::failed_permanent, "forbidden: the token lacks a scope or the account may not do this" + said,
                secret);
  }
  if (status == 404 || status == 410) {
    return make(Status::failed_permanent,
                "status or account not found: deleted (or made private) before we answered" + said, secret);
  }
  if (status == 422) return make(Status::failed_permanent, "the Mastodon instance refused it" + said, secret);
  return make(Status::failed_permanent, "the Mastodon instance refused the request" + said, secret);
}

}  // namespace parley::mastodon
