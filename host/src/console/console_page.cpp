#include "console/console_page.hpp"

#include <fmt/format.h>

#include "cli/approval_report.hpp"

namespace parley::host {

namespace {

// Inline so the page needs nothing else (the Content-Security-Policy allows
// inline styles only: no scripts, no other origin).
constexpr const char* kConsoleStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 52em; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; }
.notice { background: #eef6ee; border: 1px solid #8b8; padding: .6em 1em; }
.item { border: 1px solid #ccc; border-radius: 6px; padding: .4em 1.2em 1em; margin: 1.2em 0; }
.item h2 { font-size: 1.1em; }
.muted { color: #666; font-size: .9em; }
blockquote { white-space: pre-wrap; background: #f6f6f6; margin: .3em 0 .8em; padding: .5em .8em; }
dt { font-weight: bold; margin-top: .5em; }
dd { margin-left: 0; }
label { display: inline-block; margin: .3em 1em .3em 0; }
button { margin-right: .6em; padding: .3em .9em; }
)";

/// Text from outside: redacted first (its escaped form could hide a secret
/// from redaction), then escaped.
std::string shown(const SecretRegistry& secrets, std::string_view text) { return html_escape(secrets.redact(text)); }

std::string item_html(const ParkedItem& item, const QueuePage& page, const SecretRegistry& secrets) {
  const auto& entry = item.entry;
  const auto& action = entry.action;
  const auto id = std::to_string(entry.id);
  std::string out = "<section class=\"item\">\n";
  out += fmt::format("<h2>#{} · {} · waiting {}</h2>\n", id, shown(secrets, to_string(action.kind)),
                     age(entry.created_at, page.now_ms));
  out += fmt::format("<p class=\"muted\">Event {} on connector {}{}, parked {}</p>\n", shown(secrets, entry.event_id),
                     shown(secrets, entry.connector_id),
                     item.author.empty() ? "" : ", from " + shown(secrets, item.author), utc_time(entry.created_at));
  out += "<dl>\n<dt>The customer wrote</dt>\n";
  if (item.customer_text_known) {
    out += "<dd><blockquote dir=\"auto\">" + shown(secrets, item.customer_text) + "</blockquote></dd>\n";
  } else {
    out += "<dd class=\"muted\">(not recorded for this action; see the post on the platform)</dd>\n";
  }
  out += fmt::format("<dt>Proposed action</dt>\n<dd>{}", shown(secrets, to_string(action.kind)));
  if (!action.params.empty()) out += " (" + shown(secrets, params_text(action.params)) + ")";
  out += "</dd>\n";
  if (!action.text.empty()) {
    out +=
        "<dt>Proposed text</dt>\n<dd><blockquote dir=\"auto\">" + shown(secrets, action.text) + "</blockquote></dd>\n";
  }
  out += fmt::format("<dt>Rule</dt>\n<dd>{}: {}</dd>\n", shown(secrets, action.rule_id), shown(secrets, action.reason));
  if (!entry.note.empty()) out += "<dt>Why it waits</dt>\n<dd>" + shown(secrets, entry.note) + "</dd>\n";
  out += "</dl>\n";
  // One form, two buttons: approving needs a name, rejecting a note too
  // (checked by the console, as `parley approvals` checks it).
  out += fmt::format("<form method=\"post\" action=\"/approvals/{}/approve\">\n", id);
  out += "<input type=\"hidden\" name=\"token\" value=\"" + html_escape(page.csrf_token) + "\">\n";
  out += "<label>Your name <input name=\"by\" required maxlength=\"200\"></label>\n";
  out += "<label>Note <input name=\"note\" size=\"40\" maxlength=\"2000\"></label><br>\n";
  out += "<button type=\"submit\">Approve and carry out</button>\n";
  out +=
      fmt::format("<button type=\"submit\" formaction=\"/approvals/{}/reject\">Reject (needs a note)</button>\n", id);
  out += "</form>\n</section>\n";
  return out;
}

}  // namespace

std::string queue_page_html(const QueuePage& page, const SecretRegistry& secrets) {
  const auto client = shown(secrets, page.client);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Approvals · " + client + "</title>\n<style>" + kConsoleStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>Actions waiting for approval · " + client + "</h1>\n";
  if (!page.notice.empty()) out += "<p class=\"notice\" dir=\"auto\">" + shown(secrets, page.notice) + "</p>\n";
  if (page.parked.empty()) {
    out += "<p>Nothing is waiting for approval.</p>\n";
  } else {
    out += fmt::format(
        "<p>{} action(s) waiting, newest first. <b>Approve</b> carries the action out at once; <b>Reject</b> means it "
        "is never carried out. Both are recorded with your name and note.</p>\n",
        page.parked.size());
  }
  for (const auto& item : page.parked) out += item_html(item, page, secrets);
  out += "<p class=\"muted\"><a href=\"/\">Refresh</a> · times in UTC</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace parley::host
