#include "graph_json.hpp"

#include "utc_time.hpp"

namespace parley::graph {

using nlohmann::json;

std::string string_at(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<std::string> id_field(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_string() && !found->get_ref<const std::string&>().empty()) return found->get<std::string>();
  if (found->is_number_integer()) return std::to_string(found->get<long long>());
  return std::nullopt;
}

std::optional<std::int64_t> time_field_ms(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_number_integer()) return found->get<std::int64_t>() * 1000;
  if (found->is_string()) return parse_graph_time(found->get_ref<const std::string&>());
  return std::nullopt;
}

bool has_data_array(const json& page) { return page.is_object() && page.contains("data") && page["data"].is_array(); }

std::string next_page_link(const json& page) {
  if (!has_data_array(page) || page["data"].empty() || !page.contains("paging")) return {};
  return string_at(page["paging"], "next");
}

std::int64_t integer_or(const std::string& text, std::int64_t fallback) {
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    return fallback;
  }
}

std::optional<std::int64_t> parse_graph_time(std::string_view text) {
  // Graph writes the zone as "+0000"; RFC 3339 (what replay's parser reads) wants "+00:00".
  std::string normalised(text);
  if (normalised.size() >= 5) {
    const auto zone = normalised.size() - 5;
    const char sign = normalised[zone];
    if ((sign == '+' || sign == '-') && normalised.find(':', zone) == std::string::npos) {
      normalised.insert(zone + 3, ":");
    }
  }
  return replay::parse_utc_timestamp(normalised);
}

}  // namespace parley::graph
