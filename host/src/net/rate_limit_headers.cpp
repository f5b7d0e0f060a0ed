#include "net/rate_limit_headers.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>

namespace parley::host {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  text = trim(text);
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// `count` digits at `at`, or false.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<std::int64_t> epoch_ms(int year, int month, int day, int hour, int minute, int second) {
  using namespace std::chrono;
  const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                            std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const auto since_epoch = sys_days(date).time_since_epoch() + hours(hour) + minutes(minute) + seconds(second);
  return duration_cast<milliseconds>(since_epoch).count();
}

/// IMF-fixdate, the HTTP-date senders must use: "Sun, 06 Nov 1994 08:49:37 GMT".
std::optional<std::int64_t> parse_http_date(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  text = trim(text);
  if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") return std::nullopt;
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  const auto month_at = std::find(kMonths.begin(), kMonths.end(), text.substr(8, 3));
  if (month_at == kMonths.end() || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' ||
      text[22] != ':' || !digits(text, 5, 2, day) || !digits(text, 12, 4, year) || !digits(text, 17, 2, hour) ||
      !digits(text, 20, 2, minute) || !digits(text, 23, 2, second)) {
    return std::nullopt;
  }
  return epoch_ms(year, static_cast<int>(month_at - kMonths.begin()) + 1, day, hour, minute, second);
}

/// A percentage or count from Meta's JSON, which sends numbers (sometimes as strings).
double number_in(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return 0;
  if (found->is_number()) return found->get<double>();
  if (found->is_string()) {
    if (auto value = whole_number(found->get<std::string>())) return static_cast<double>(*value);
  }
  return 0;
}

/// One usage object: the resume time it asks for, if any.
std::optional<std::int64_t> usage_resume_at(const nlohmann::json& usage, std::int64_t now_ms) {
  if (!usage.is_object()) return std::nullopt;
  const double regain_minutes = number_in(usage, "estimated_time_to_regain_access");
  if (regain_minutes > 0) return now_ms + static_cast<std::int64_t>(regain_minutes * 60'000);
  for (const char* key : {"call_count", "total_time", "total_cputime"}) {
    if (number_in(usage, key) >= 100) return now_ms + kMetaThrottledPauseMs;
  }
  return std::nullopt;
}

void keep_latest(std::optional<std::int64_t>& latest, std::optional<std::int64_t> candidate) {
  if (candidate && (!latest || *candidate > *latest)) latest = candidate;
}

}  // namespace

std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now_ms) {
  if (auto seconds = whole_number(value)) return now_ms + *seconds * 1000;
  return parse_http_date(value);
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  text = trim(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' ||
      text[16] != ':' || !digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day) ||
      !digits(text, 11, 2, hour) || !digits(text, 14, 2, minute) || !digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(19);
  std::int64_t millis = 0;
  if (!rest.empty() && rest[0] == '.') {
    std::size_t count = 1;
    while (count < rest.size() && rest[count] >= '0' && rest[count] <= '9') {
      if (count <= 3) millis = millis * 10 + (rest[count] - '0');
      ++count;
    }
    if (count == 1) return std::nullopt;
    for (std::size_t missing = count; missing <= 3; ++missing) millis *= 10;
    rest.remove_prefix(count);
  }
  std::int64_t offset_minutes = 0;
  if (rest == "Z" || rest == "z") {
    offset_minutes = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int offset_hours = 0, offset_rest = 0;
    if (!digits(rest, 1, 2, offset_hours) || !digits(rest, 4, 2, offset_rest)) return std::nullopt;
    offset_minutes = (rest[0] == '+' ? 1 : -1) * (offset_hours * 60 + offset_rest);
  } else {
    return std::nullopt;
  }
  const auto local = epoch_ms(year, month, day, hour, minute, second);
  if (!local) return std::nullopt;
  return *local + millis - offset_minutes * 60'000;
}

std::optional<std::int64_t> parse_rate_limit_reset(std::string_view value, std::int64_t now_ms) {
  // Below a billion seconds (2001) it cannot be a date: some APIs send a delta.
  constexpr std::int64_t kSmallestEpochSeconds = 1'000'000'000;
  if (auto number = whole_number(value)) {
    return *number < kSmallestEpochSeconds ? now_ms + *number * 1000 : *number * 1000;
  }
  return parse_iso8601(value);
}

std::optional<std::int64_t> meta_usage_resume_at(std::string_view json, std::int64_t now_ms) {
  const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  // X-App-Usage is one usage object; X-Business-Use-Case-Usage maps business
  // ids to lists of them.
  if (parsed.contains("call_count") || parsed.contains("total_time") || parsed.contains("total_cputime")) {
    return usage_resume_at(parsed, now_ms);
  }
  std::optional<std::int64_t> latest;
  for (const auto& [business, usages] : parsed.items()) {
    if (!usages.is_array()) continue;
    for (const auto& usage : usages) keep_latest(latest, usage_resume_at(usage, now_ms));
  }
  return latest;
}

std::optional<std::int64_t> resume_at_from_headers(int status, const std::vector<HttpHeader>& headers,
                                                   std::int64_t now_ms) {
  std::optional<std::int64_t> latest;
  if (status == 429 || status == 503) {
    if (auto value = find_header(headers, "Retry-After")) keep_latest(latest, parse_retry_after(*value, now_ms));
  }
  const auto remaining = find_header(headers, "X-RateLimit-Remaining");
  const auto reset = find_header(headers, "X-RateLimit-Reset");
  if (remaining && reset && whole_number(*remaining) == 0) {
    keep_latest(latest, parse_rate_limit_reset(*reset, now_ms));
  }
  for (const char* name : {"X-App-Usage", "X-Business-Use-Case-Usage"}) {
    if (auto value = find_header(headers, name)) keep_latest(latest, meta_usage_resume_at(*value, now_ms));
  }
  if (latest && *latest <= now_ms) return std::nullopt;  // a reset already past asks for nothing
  return latest;
}

}  // namespace parley::host
