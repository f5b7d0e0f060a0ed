#include "mention_config.hpp"

#include <stdexcept>

namespace parley::mention {
namespace schema = parley::schema;

parley::ConfigSchema mention_schema() {
  return {
      schema::list("brands", schema::object("",
                                            {
                                                schema::string("name").require().describe("canonical brand name"),
                                                schema::list("aliases", schema::string())
                                                    .defaults(parley::ConfigValue::List{})
                                                    .describe("other spellings, @handles, #hashtags, scripts"),
                                                schema::list("products", schema::any())
                                                    .defaults(parley::ConfigValue::List{})
                                                    .describe("product names, or {name:, aliases: [...]}"),
                                            }))
          .require()
          .range(1, std::nullopt)
          .describe("the brands to find, at least one"),
      schema::boolean("fuzzy").defaults(true).describe(
          "also match typos: 1 edit for names of 5+ letters, 2 for 9+ letters"),
      schema::list("fuzzy_exclude", schema::string())
          .defaults(parley::ConfigValue::List{})
          .describe("real words that must never count as a typo of a name (e.g. 'nordics')"),
  };
}

namespace {

std::string where(const parley::ConfigValue& value) {
  return value.location().empty() ? std::string() : value.location() + ": ";
}

Product read_product(const std::string& brand, const parley::ConfigValue& value) {
  Product product;
  if (value.is_string()) {
    product.name = value.as_string();
  } else if (value.is_map()) {
    for (const auto& [key, field] : value.as_map()) {
      if (key == "name" && field.is_string()) {
        product.name = field.as_string();
      } else if (key == "aliases" && field.is_list()) {
        for (const auto& alias : field.as_list()) {
          if (!alias.is_string()) {
            throw std::invalid_argument(where(alias) + "mention: brand '" + brand +
                                        "': product aliases must be strings");
          }
          product.aliases.push_back(alias.as_string());
        }
      } else {
        throw std::invalid_argument(where(field) + "mention: brand '" + brand + "': product key '" + key +
                                    "' is not 'name' (a string) or 'aliases' (a list)");
      }
    }
  } else {
    throw std::invalid_argument(where(value) + "mention: brand '" + brand +
                                "': a product is a name or {name: ..., aliases: [...]}");
  }
  if (product.name.empty()) {
    throw std::invalid_argument(where(value) + "mention: brand '" + brand + "': a product needs a name");
  }
  return product;
}

}  // namespace

MentionSettings read_mention_settings(const parley::ConfigValue& config) {
  // The host fills in the schema's defaults; read optional keys with the same
  // fallbacks anyway, so the class also works on a config built by hand.
  MentionSettings settings;
  const auto* brands = config.find("brands");
  if (brands == nullptr || !brands->is_list() || brands->as_list().empty()) {
    throw std::invalid_argument("mention: brands: list at least one brand, e.g. [{name: \"Nordic Coffee\"}]");
  }
  for (const auto& entry : brands->as_list()) {
    Brand brand;
    brand.name = entry.at("name").as_string();
    if (const auto* aliases = entry.find("aliases"); aliases && aliases->is_list()) {
      for (const auto& alias : aliases->as_list()) brand.aliases.push_back(alias.as_string());
    }
    if (const auto* products = entry.find("products"); products && products->is_list()) {
      for (const auto& product : products->as_list()) brand.products.push_back(read_product(brand.name, product));
    }
    settings.brands.push_back(std::move(brand));
  }
  settings.fuzzy = config.bool_or("fuzzy", true);
  if (const auto* exclude = config.find("fuzzy_exclude"); exclude && exclude->is_list()) {
    for (const auto& word : exclude->as_list()) settings.fuzzy_exclude.push_back(word.as_string());
  }
  return settings;
}

}  // namespace parley::mention
