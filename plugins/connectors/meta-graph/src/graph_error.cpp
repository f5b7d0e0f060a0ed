#include "graph_error.hpp"

#include <nlohmann/json.hpp>

namespace parley::graph {

namespace {

using nlohmann::json;

int integer_field(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return 0;
  if (found->is_number_integer()) return found->get<int>();
  if (found->is_string()) {
    try {
      return std::stoi(found->get<std::string>());
    } catch (const std::exception&) {
      return 0;
    }
  }
  return 0;
}

std::string string_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string without_secret(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

/// " (code 100, subcode 33, fbtrace_id X): message"
std::string details(const GraphError& error) {
  std::string text = " (code " + std::to_string(error.code);
  if (error.subcode != 0) text += ", subcode " + std::to_string(error.subcode);
  if (!error.fbtrace_id.empty()) text += ", fbtrace_id " + error.fbtrace_id;
  text += ")";
  if (!error.message.empty()) text += ": " + error.message;
  return text;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

ActionResult make(ActionResult::Status status, std::string message, std::string_view secret) {
  ActionResult result;
  result.status = status;
  result.message = without_secret(std::move(message), secret);
  return result;
}

}  // namespace

std::optional<GraphError> parse_graph_error(std::string_view body) {
  const auto document = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return std::nullopt;
  const auto error = document.find("error");
  if (error == document.end() || !error->is_object()) return std::nullopt;
  GraphError result;
  result.code = integer_field(*error, "code");
  result.subcode = integer_field(*error, "error_subcode");
  result.type = string_field(*error, "type");
  result.message = string_field(*error, "message");
  result.fbtrace_id = string_field(*error, "fbtrace_id");
  return result;
}

bool is_missing_object(const GraphError& error) {
  return error.code == 100 && (error.subcode == 33 || contains(error.message, "does not exist"));
}

ActionResult result_for_failure(const HttpResponse& response, std::string_view secret) {
  using Status = ActionResult::Status;
  if (response.status == 0) {
    return make(Status::failed_retryable, "no response from the Graph API: " + response.error, secret);
  }
  const auto status = " (HTTP " + std::to_string(response.status) + ")";
  const auto error = parse_graph_error(response.body);
  if (!error) {
    const bool retryable = response.status == 429 || response.status >= 500;
    if (response.status == 429) return make(Status::failed_retryable, "rate limited by the Graph API" + status, secret);
    return make(retryable ? Status::failed_retryable : Status::failed_permanent,
                "the Graph API answered without an error object" + status, secret);
  }
  const int code = error->code;
  if (code == 190) {
    return make(Status::failed_permanent, "access token expired or invalid (code 190); renew the page token", secret);
  }
  if (code == 10 || (code >= 200 && code <= 299)) {
    return make(Status::failed_permanent, "missing permission for this action" + details(*error), secret);
  }
  if (is_missing_object(*error)) {
    return make(Status::failed_permanent, "comment was deleted before we answered" + details(*error), secret);
  }
  if (code == 4 || code == 17 || code == 32 || code == 613 || response.status == 429) {
    return make(Status::failed_retryable, "rate limited" + details(*error), secret);
  }
  if (code == 1 || code == 2 || response.status >= 500) {
    return make(Status::failed_retryable, "temporary Graph API error" + status + details(*error), secret);
  }
  return make(Status::failed_permanent, "the Graph API refused the request" + status + details(*error), secret);
}

}  // namespace parley::graph
