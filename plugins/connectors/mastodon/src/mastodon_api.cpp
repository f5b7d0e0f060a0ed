#include "mastodon_api.hpp"

namespace parley::mastodon {

std::optional<std::string> next_link(std::string_view link_header) {
  std::size_t at = 0;
  while (true) {
    const auto open = link_header.find('<', at);
    if (open == std::string_view::npos) return std::nullopt;
    const auto close = link_header.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    const auto next_entry = link_header.find('<', close);
    const auto params = link_header.substr(
        close + 1, next_entry == std::string_view::npos ? std::string_view::npos : next_entry - close - 1);
    if (params.find("rel=\"next\"") != std::string_view::npos || params.find("rel=next") != std::string_view::npos) {
      return std::string(link_header.substr(open + 1, close - open - 1));
    }
    at = close + 1;
  }
}

std::string MastodonApi::rate_limit_key() const {
  const auto host = config_.instance_url.substr(config_.instance_url.find("://") + 3);
  return "mastodon:" + host + ":" + config_.account_id;
}

HttpRequest MastodonApi::request(std::string method, std::string url, bool idempotent) const {
  HttpRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  request.headers.push_back({"Authorization", "Bearer " + config_.access_token});
  request.rate_limit_key = rate_limit_key();
  request.idempotent = idempotent;
  return request;
}

HttpResponse MastodonApi::get(std::string_view path, const Parameters& query) {
  auto url = config_.instance_url + std::string(path);
  if (!query.empty()) url += "?" + form_encode(query);
  return context_.http().send(request("GET", std::move(url), true));
}

HttpResponse MastodonApi::get_url(const std::string& url) {
  if (!is_instance_url(url)) {
    HttpResponse refused;
    refused.error = "pagination link is not under instance_url; not followed";
    return refused;
  }
  return context_.http().send(request("GET", url, true));
}

HttpResponse MastodonApi::post_form(std::string_view path, const Parameters& fields, std::vector<HttpHeader> headers,
                                    bool idempotent) {
  auto post = request("POST", config_.instance_url + std::string(path), idempotent);
  post.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  for (auto& header : headers) post.headers.push_back(std::move(header));
  post.body = form_encode(fields);
  return context_.http().send(post);
}

}  // namespace parley::mastodon
