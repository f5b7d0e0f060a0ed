#include "net/http_redaction.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace parley::host {

namespace {

constexpr std::string_view kRedacted = "REDACTED";

constexpr std::array<std::string_view, 7> kSecretHeaders{"authorization", "proxy-authorization", "cookie", "set-cookie",
                                                         "x-api-key",     "x-auth-token",        "api-key"};

constexpr std::array<std::string_view, 7> kSecretParameters{
    "access_token", "client_secret", "appsecret_proof", "input_token", "fb_exchange_token", "refresh_token", "api_key"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

bool is_secret_parameter(std::string_view name) {
  const std::string key = lower(name);
  return std::find(kSecretParameters.begin(), kSecretParameters.end(), key) != kSecretParameters.end();
}

/// Calls `on_secret(begin, end)` for the value of each token parameter in
/// `text`, a query string or form body ("a=1&access_token=x"), or a URL.
template <typename OnSecret>
void for_each_secret_parameter(std::string_view text, std::size_t from, OnSecret on_secret) {
  std::size_t at = from;
  while (at < text.size()) {
    std::size_t end = text.find_first_of("&#", at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(at, end - at);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && is_secret_parameter(pair.substr(0, equals))) {
      on_secret(at + equals + 1, end);
    }
    if (end < text.size() && text[end] == '#') break;
    at = end + 1;
  }
}

void replace_all(std::string& text, std::string_view secret) {
  if (secret.empty() || secret == kRedacted) return;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size())) {
    text.replace(at, secret.size(), kRedacted);
  }
}

}  // namespace

bool is_secret_header(std::string_view name) {
  const std::string key = lower(name);
  return std::find(kSecretHeaders.begin(), kSecretHeaders.end(), key) != kSecretHeaders.end();
}

std::string redact_url(std::string_view url) {
  const std::size_t query = url.find('?');
  if (query == std::string_view::npos) return std::string(url);
  std::string out;
  std::size_t copied = 0;
  for_each_secret_parameter(url, query + 1, [&](std::size_t begin, std::size_t end) {
    out.append(url.substr(copied, begin - copied));
    out.append(kRedacted);
    copied = end;
  });
  out.append(url.substr(copied));
  return out;
}

std::string redact_request_secrets(std::string_view text, const HttpRequest& request) {
  std::vector<std::string> secrets;
  for (const auto& header : request.headers) {
    if (!is_secret_header(header.name)) continue;
    secrets.push_back(header.value);
    // "Bearer abc": the token alone may be quoted elsewhere too.
    const std::size_t space = header.value.rfind(' ');
    if (space != std::string::npos) secrets.push_back(header.value.substr(space + 1));
  }
  const std::size_t query = request.url.find('?');
  if (query != std::string::npos) {
    for_each_secret_parameter(request.url, query + 1, [&](std::size_t begin, std::size_t end) {
      secrets.push_back(request.url.substr(begin, end - begin));
    });
  }
  // A form body may carry the token instead of the URL.
  for_each_secret_parameter(request.body, 0, [&](std::size_t begin, std::size_t end) {
    secrets.push_back(request.body.substr(begin, end - begin));
  });
  // Longest first, so a token inside a longer secret is not half replaced.
  std::sort(secrets.begin(), secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out = redact_url(text);
  for (const auto& secret : secrets) replace_all(out, secret);
  return out;
}

}  // namespace parley::host
