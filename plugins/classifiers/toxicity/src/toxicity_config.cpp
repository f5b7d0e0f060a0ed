#include "toxicity_config.hpp"

#include <stdexcept>

namespace parley::toxicity {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument("toxicity: " + message); }

std::vector<ListEntry> read_terms(const ConfigValue* list, const std::string& where) {
  std::vector<ListEntry> entries;
  if (list == nullptr || list->is_null()) return entries;
  if (!list->is_list()) fail("'" + where + "' must be a list of strings");
  std::size_t index = 0;
  for (const auto& item : list->as_list()) {
    ++index;
    const std::string at = where + "[" + std::to_string(index) + "]";
    if (!item.is_string()) fail("'" + at + "' is not a string (quote numbers and yes/no: \"404\")");
    auto entry = parse_list_line(item.as_string(), at);
    if (!entry) fail("'" + at + "' is empty or a comment");
    entries.push_back(std::move(*entry));
  }
  return entries;
}

// Names are matched as written (no stemming) unless they end in `*`.
std::vector<ListEntry> read_names(const ConfigValue* list, const std::string& where) {
  auto entries = read_terms(list, where);
  for (auto& entry : entries) {
    if (entry.match == TermMatch::inflected) entry.match = TermMatch::exact;
  }
  return entries;
}

}  // namespace

ConfigSchema toxicity_schema() {
  return {
      schema::map("add", schema::list("", schema::string()))
          .describe("Extra terms per category (profanity, insult, hate, threat, harassment), e.g. "
                    "insult: [\"clown*\", \"worst barista | 0.6\"]. `word*` matches words starting with it, "
                    "`=word` only that exact word, `| 0.6` sets the weight (default 0.8). Words are "
                    "matched in all their inflected forms where a stemmer exists"),
      schema::list("allow", schema::string())
          .describe("Words never counted as abuse, whatever list has them (a brand or place name that looks "
                    "rude: Scunthorpe, Dickens, Cockburn)"),
      schema::list("staff_names", schema::string())
          .describe("Names of staff: abuse near them raises abuse.target.staff"),
      schema::list("brand_names", schema::string())
          .describe("Names of the brand and its products: abuse near them raises abuse.target.brand"),
  };
}

ToxicityConfig parse_toxicity_config(const ConfigValue& config) {
  ToxicityConfig result;
  if (config.is_null()) return result;
  if (!config.is_map()) fail("config must be an object (or {})");
  for (const auto& [key, value] : config.as_map()) {
    if (key != "add" && key != "allow" && key != "staff_names" && key != "brand_names") {
      fail("unknown key '" + key + "'; expected add, allow, staff_names, brand_names");
    }
  }
  if (const auto* add = config.find("add"); add && !add->is_null()) {
    if (!add->is_map()) fail("'add' must map a category to a list of terms");
    for (const auto& [name, terms] : add->as_map()) {
      const auto category = category_from_string(name);
      if (!category || !is_abuse(*category)) {
        fail("'add' names category '" + name + "'; expected profanity, insult, hate, threat, harassment");
      }
      result.add.emplace_back(*category, read_terms(&terms, "add." + name));
    }
  }
  result.allow = read_names(config.find("allow"), "allow");
  result.staff_names = read_names(config.find("staff_names"), "staff_names");
  result.brand_names = read_names(config.find("brand_names"), "brand_names");
  return result;
}

}  // namespace parley::toxicity
