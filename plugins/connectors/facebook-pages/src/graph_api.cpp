#include "graph_api.hpp"

namespace parley::facebook {

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string result;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      result += c;
    } else {
      result += '%';
      result += kHex[byte >> 4];
      result += kHex[byte & 0x0F];
    }
  }
  return result;
}

std::string encode_parameters(const Parameters& parameters) {
  std::string result;
  for (const auto& parameter : parameters) {
    if (!result.empty()) result += '&';
    result += percent_encode(parameter.first) + "=" + percent_encode(parameter.second);
  }
  return result;
}

HttpRequest GraphApi::request(std::string method, std::string url, bool idempotent) const {
  HttpRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  request.headers.push_back({"Authorization", "Bearer " + config_.access_token});
  request.rate_limit_key = rate_limit_key();
  request.idempotent = idempotent;
  return request;
}

HttpResponse GraphApi::get(std::string_view path, const Parameters& query) {
  auto url = config_.versioned_url() + std::string(path);
  if (!query.empty()) url += "?" + encode_parameters(query);
  return context_.http().send(request("GET", std::move(url), true));
}

HttpResponse GraphApi::get_url(const std::string& url) {
  if (!is_graph_url(url)) {
    HttpResponse refused;
    refused.error = "paging link is not under graph_url; not followed";
    return refused;
  }
  return context_.http().send(request("GET", url, true));
}

HttpResponse GraphApi::post_form(std::string_view path, const Parameters& fields, bool idempotent) {
  auto post = request("POST", config_.versioned_url() + std::string(path), idempotent);
  post.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  post.body = encode_parameters(fields);
  return context_.http().send(post);
}

HttpResponse GraphApi::post_json(std::string_view path, std::string body, bool idempotent) {
  auto post = request("POST", config_.versioned_url() + std::string(path), idempotent);
  post.headers.push_back({"Content-Type", "application/json"});
  post.body = std::move(body);
  return context_.http().send(post);
}

HttpResponse GraphApi::remove(std::string_view path) {
  return context_.http().send(request("DELETE", config_.versioned_url() + std::string(path), true));
}

}  // namespace parley::facebook
