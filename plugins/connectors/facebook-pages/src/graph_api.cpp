#include "graph_api.hpp"

namespace parley::facebook {

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
  if (!query.empty()) url += "?" + form_encode(query);
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
  post.body = form_encode(fields);
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
