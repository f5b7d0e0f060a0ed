#include "graph_api.hpp"

namespace parley::graph {

HttpRequest GraphApi::request(std::string method, std::string url, bool idempotent) const {
  HttpRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  request.headers.push_back({"Authorization", "Bearer " + access_.access_token});
  request.rate_limit_key = access_.rate_limit_key;
  request.idempotent = idempotent;
  return request;
}

std::string GraphApi::url(std::string_view path, const Parameters& query) const {
  auto url = access_.versioned_url() + std::string(path);
  if (!query.empty()) url += "?" + form_encode(query);
  return url;
}

HttpResponse GraphApi::get(std::string_view path, const Parameters& query) {
  return context_.http().send(request("GET", url(path, query), true));
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
  auto post = request("POST", access_.versioned_url() + std::string(path), idempotent);
  post.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  post.body = form_encode(fields);
  return context_.http().send(post);
}

HttpResponse GraphApi::post_json(std::string_view path, std::string body, bool idempotent) {
  auto post = request("POST", access_.versioned_url() + std::string(path), idempotent);
  post.headers.push_back({"Content-Type", "application/json"});
  post.body = std::move(body);
  return context_.http().send(post);
}

HttpResponse GraphApi::remove(std::string_view path) {
  return context_.http().send(request("DELETE", access_.versioned_url() + std::string(path), true));
}

}  // namespace parley::graph
