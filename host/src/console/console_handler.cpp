#include "console/console_handler.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>

#include "cli/approval_report.hpp"
#include "console/console_page.hpp"
#include "engine/approval_decision.hpp"
#include "engine/engine_clock.hpp"

namespace parley::host {

namespace {

struct DecisionRoute {
  std::int64_t id = 0;
  bool approve = false;
};

/// An outbox id: a positive number.
std::optional<std::int64_t> action_id(std::string_view digits) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return id;
}

/// "/approvals/ID/approve" or "/approvals/ID/reject".
std::optional<DecisionRoute> decision_route(std::string_view path) {
  constexpr std::string_view prefix = "/approvals/";
  if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
  path.remove_prefix(prefix.size());
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto verb = path.substr(slash + 1);
  if (verb != "approve" && verb != "reject") return std::nullopt;
  const auto id = action_id(path.substr(0, slash));
  if (!id) return std::nullopt;
  return DecisionRoute{*id, verb == "approve"};
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// True without an Origin header (not every browser sends one), or when it
/// names the host the request was sent to: a form posted from another site
/// names that site. Behind a proxy, the proxy must pass the Host it was asked for.
bool same_origin(const WebhookRequest& request) {
  const auto origin = request.header("Origin");
  if (!origin) return true;
  const auto host = request.header("Host");
  const auto scheme_end = origin->find("://");
  if (!host || scheme_end == std::string::npos) return false;
  const auto scheme = lower(origin->substr(0, scheme_end));
  auto origin_host = lower(origin->substr(scheme_end + 3));
  auto request_host = lower(*host);
  // A default port may be left out on either side.
  auto without_default_port = [&](std::string& authority) {
    const auto port = scheme == "https" ? ":443" : ":80";
    if (authority.size() > std::string_view(port).size() && authority.ends_with(port)) {
      authority.resize(authority.size() - std::string_view(port).size());
    }
  };
  without_default_port(origin_host);
  without_default_port(request_host);
  return origin_host == request_host;
}

/// Headers on every console answer: no caching of decisions or customer
/// texts, no framing (clickjacking), no scripts, forms only to the console.
std::vector<HttpHeader> page_headers() {
  return {{"Cache-Control", "no-store"},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Content-Security-Policy",
           "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
           "base-uri 'none'"}};
}

ListenerReply text_reply(int status, const std::string& text, const std::string& log_message) {
  return {{status, "text/plain; charset=utf-8", text + "\n\nBack to the list: /\n", log_message}, page_headers()};
}

/// What became of an entry that was decided: "action #12 approved by alice
/// at ...; it is now done".
std::string outcome_text(const OutboxEntry& entry, const ApprovalDecision& decision) {
  auto text = fmt::format("Action #{} ({} for event {}) {}. ", entry.id, to_string(entry.action.kind), entry.event_id,
                          decision_text(decision));
  if (!decision.approve) return text + "It will never be carried out.";
  switch (entry.status) {
    case OutboxStatus::done:
      return text + fmt::format("Carried out by connector '{}'{}.", entry.connector_id,
                                entry.platform_id.empty() ? "" : " (platform id " + entry.platform_id + ")");
    case OutboxStatus::failed:
      return text + fmt::format("Carrying it out FAILED after {} attempt(s): {} (see parley dead-letters).",
                                entry.attempts, entry.note);
    default: return text + fmt::format("It is now {}.", to_string(entry.status));
  }
}

/// "@handle (Display Name)", else the author id, from the audit record.
std::string author_of(const nlohmann::json& record) {
  const auto parked = record.value("parked_event", nlohmann::json::object());
  const auto author = parked.value("author", nlohmann::json::object());
  const auto handle = author.value("handle", "");
  const auto name = author.value("display_name", "");
  std::string text = handle.empty() ? record.value("author", "") : "@" + handle;
  if (!name.empty()) text += " (" + name + ")";
  return text;
}

}  // namespace

std::string random_form_token() {
  std::random_device random;
  std::string token;
  for (int index = 0; index < 8; ++index) token += fmt::format("{:08x}", random());
  return token;
}

ConsoleHandler::ConsoleHandler(ConsolePipeline pipeline, std::string form_token)
    : pipeline_(std::move(pipeline)), form_token_(std::move(form_token)) {}

bool ConsoleHandler::has_route(std::string_view path) const { return path == "/" || decision_route(path); }

ListenerReply ConsoleHandler::handle(const WebhookRequest& request) {
  try {
    if (request.path == "/") {
      if (request.method != "GET") return text_reply(405, "Use GET for this page.", "method not allowed");
      return queue(request);
    }
    const auto route = decision_route(request.path);
    if (!route) return text_reply(404, "No such page.", "unknown route");
    if (request.method != "POST") {
      return text_reply(405, "Decide with the form on the list.", "method not allowed");
    }
    return decide(request, route->id, route->approve);
  } catch (const std::exception& error) {
    return text_reply(500, "Something went wrong in the console; nothing more is known here. See its log.",
                      "failed: " + redact(error.what()));
  }
}

ListenerReply ConsoleHandler::queue(const WebhookRequest& request) {
  QueuePage page;
  page.client = pipeline_.config.client;
  page.csrf_token = form_token_;
  page.now_ms = EngineClock::system_ms();
  // After a decision the browser comes back with ?decided=ID: say what became of it.
  if (const auto decided = action_id(query_parameter(request.query, "decided"))) {
    const auto entry = pipeline_.store.outbox_entry(*decided);
    const auto decisions = pipeline_.store.approval_decisions(*decided);
    if (entry && !decisions.empty()) page.notice = outcome_text(*entry, decisions.front());
  }
  auto parked = pipeline_.store.outbox(OutboxStatus::pending_approval);
  std::reverse(parked.begin(), parked.end());  // newest first
  for (auto& entry : parked) {
    ParkedItem item;
    if (const auto audit = pipeline_.store.audit_of_event(entry.event_id)) {
      const auto record = nlohmann::json::parse(audit->record_json, nullptr, false);
      if (record.is_object()) {
        item.author = author_of(record);
        if (const auto text = record.find("parked_event_text"); text != record.end() && text->is_string()) {
          item.customer_text = text->get<std::string>();
          item.customer_text_known = true;
        }
      }
    }
    item.entry = std::move(entry);
    page.parked.push_back(std::move(item));
  }
  return {{200, "text/html; charset=utf-8", queue_page_html(page, *pipeline_.secrets), ""}, page_headers()};
}

ListenerReply ConsoleHandler::decide(const WebhookRequest& request, std::int64_t id, bool approve) {
  if (!same_origin(request)) {
    return text_reply(403, "Refused: this form was sent from another site.", "refused: Origin of another site");
  }
  if (!constant_time_equal(query_parameter(request.body, "token"), form_token_)) {
    return text_reply(403,
                      "Refused: the form is out of date or did not come from this console. Reload the list and try "
                      "again.",
                      "refused: missing or wrong form token");
  }
  const auto by = query_parameter(request.body, "by");
  const auto note = query_parameter(request.body, "note");
  // The same rules as `parley approvals`: who decided is part of the
  // record, and a rejection says why.
  if (blank(by)) return text_reply(400, "Please give your name: a decision is recorded with it.", "no name");
  if (!approve && blank(note)) {
    return text_reply(400, "Please give a note: a rejection is recorded with why.", "rejection without a note");
  }
  const auto result =
      decide_parked_action(pipeline_.store, pipeline_.config.engine, &pipeline_.runtime, {id, approve, by, note, 0});
  const auto name = "#" + std::to_string(id);
  if (result.outcome == DecideResult::Outcome::unknown_id) {
    return text_reply(404, "There is no action " + name + " in this pipeline.", "no action " + name);
  }
  if (result.outcome == DecideResult::Outcome::not_parked) {
    const auto& entry = *result.entry;
    const auto text = result.decision
                          ? fmt::format("Action {} was already {}; it is now {}. Nothing was changed.", name,
                                        decision_text(*result.decision), to_string(entry.status))
                          : fmt::format("Action {} is not waiting for approval (it is {}). Nothing was changed.", name,
                                        to_string(entry.status));
    return text_reply(409, redact(text), "action " + name + " already decided");
  }
  auto reply = text_reply(303, redact(outcome_text(*result.entry, *result.decision)),
                          redact(fmt::format("action {} {} by {}", name, decision_name(*result.decision), by)));
  reply.headers.push_back({"Location", "/?decided=" + std::to_string(id)});
  return reply;
}

}  // namespace parley::host
