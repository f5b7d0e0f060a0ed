#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>

#include "embedded_file.hpp"
#include "plugin_data_dir.hpp"

std::span<const parley::text::EmbeddedFile> embedded_fixtures();

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace embed_text_test {
std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
const std::filesystem::path fixtures = TEXT_FIXTURES_DIR;
TEST_CASE("embedded files keep their names, order and exact bytes", "[embed]") {
  const auto files = embedded_fixtures();
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "greetings.tsv");
  CHECK(files[0].content == read_file(fixtures / "greetings.tsv"));
  CHECK(files[0].content.find("γεια σου") != std::string_view::npos);
  CHECK(files[1].name == "empty.txt");
  CHECK(files[1].content.empty());
}

TEST_CASE("plugin data lives in share/parley three levels above the library", "[data-dir]") {
  const auto dir = parley::text::plugin_data_dir();
  CHECK(dir.filename() == "parley");
  CHECK(dir.parent_path().filename() == "share");
  CHECK(dir.is_absolute());
}

}  // namespace embed_text_test
