// Reading the fields of Graph's JSON (API answers and webhook deliveries)
// without exceptions: a missing or mistyped field is empty or nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace parley::graph {

/// The string at `key`; empty when `object` is not an object or has none.
std::string string_at(const nlohmann::json& object, const char* key);

/// An id at `key`: Graph sends ids as numeric strings; a number is accepted too.
std::optional<std::string> id_field(const nlohmann::json& object, const char* key);

/// Epoch ms of a time at `key`: Unix seconds, or a Graph time string.
std::optional<std::int64_t> time_field_ms(const nlohmann::json& object, const char* key);

/// True for a page of a Graph collection: an object with a "data" array.
bool has_data_array(const nlohmann::json& page);

/// The page's paging.next link; empty on the last page. An empty page ends
/// the paging too, even with a link.
std::string next_page_link(const nlohmann::json& page);

/// `text` as a decimal integer (a saved checkpoint), or `fallback`.
std::int64_t integer_or(const std::string& text, std::int64_t fallback);

/// Epoch ms for Graph's "2026-11-02T09:15:00+0000" (RFC 3339 also accepted).
std::optional<std::int64_t> parse_graph_time(std::string_view text);

}  // namespace parley::graph
