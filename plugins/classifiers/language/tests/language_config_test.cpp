#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "plugin_data_dir.hpp"
#include "test_support.hpp"

using namespace parley::language::test;
using parley::language::LanguageClassifier;
using parley::language::parse_language_config;

TEST_CASE("An empty config works: any language, und, the installed model", "[config]") {
  FakeContext context;
  const auto config = parse_language_config(yaml_config("{}"), context);
  CHECK(config.languages.empty());
  CHECK(config.fallback == "und");
  CHECK(config.top == 3);
  CHECK(config.model_path == (parley::text::plugin_data_dir() / "models" / "lid.176.ftz").string());
  CHECK(config.eld_data_path == (parley::text::plugin_data_dir() / "models" / "eld").string());
}

TEST_CASE("Paths in the config are resolved against the pipeline's folder", "[config]") {
  FakeContext context("/srv/pipelines");
  const auto config = parse_language_config(yaml_config("model: models/lid.ftz\neld_data: eld"), context);
  CHECK(config.model_path == "/srv/pipelines/models/lid.ftz");
  CHECK(config.eld_data_path == "/srv/pipelines/eld");
}

TEST_CASE("Malformed languages and defaults are refused naming the field", "[config]") {
  FakeContext context;
  CHECK_THROWS_WITH(parse_language_config(yaml_config("languages: [en, English]"), context),
                    Catch::Contains("'languages'"));
  CHECK_THROWS_WITH(parse_language_config(yaml_config("languages: [en, fi, en]"), context),
                    Catch::Contains("'en' twice"));
  CHECK_THROWS_WITH(parse_language_config(yaml_config("default: Finnish"), context), Catch::Contains("'default'"));
  CHECK_THROWS_AS(make_classifier("languages: [en, qq]"), std::invalid_argument);
  CHECK_THROWS_WITH(make_classifier("languages: [en, qq]"), Catch::Contains("'qq'"));
}

TEST_CASE("A missing or corrupt model is a construction error naming the file", "[config]") {
  const auto dir = std::filesystem::temp_directory_path() / "parley-language-config-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "corrupt.ftz") << "this is not a fastText model";
  CHECK_THROWS_WITH(make_classifier("model: " + (dir / "absent.ftz").string()), Catch::Contains("absent.ftz"));
  CHECK_THROWS_WITH(make_classifier("model: " + (dir / "corrupt.ftz").string()), Catch::Contains("corrupt.ftz"));
  CHECK_THROWS_WITH(make_classifier("eld_data: " + dir.string()), Catch::Contains(dir.string()));
  std::filesystem::remove_all(dir);
}
