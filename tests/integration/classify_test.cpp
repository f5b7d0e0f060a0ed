// parley classify: one JSONL line per input line, in order, id + labels + attributes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"

using namespace parley::testing;

TEST_CASE("classify writes labels per input line, in input order, ignoring extra fields") {
  const auto dir = fresh_dir("classify");
  std::string input;
  for (int index = 0; index < 300; ++index) {
    const char* text = index % 3 == 0 ? "you idiot" : index % 3 == 1 ? "Είσαι ηλίθιος" : "lovely coffee";
    input += R"({"id":"c-)" + std::to_string(index) + R"(","text":")" + text +
             R"(","lang":"xx","labels":{"offensive":1},"source":"test"})" + "\n";
  }
  write_file(dir + "/in.jsonl", input);
  write_file(dir + "/pipeline.yaml",
             "client: classify-brand\nconnectors:\n  - plugin: replay\n    config: { input: in.jsonl }\n"
             "classifiers:\n  - plugin: keywords\n    config:\n      labels:\n"
             "        toxicity.insult: [idiot, ηλίθιος]\n");
  const auto result = run_parley({"classify", dir + "/pipeline.yaml", "--input", dir + "/in.jsonl", "--workers", "3"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 300);
  for (int index = 0; index < 300; ++index) {
    const auto json = nlohmann::json::parse(lines[index]);
    CHECK(json.at("id") == "c-" + std::to_string(index));
    const double insult = json.at("labels").value("toxicity.insult", 0.0);
    CHECK(insult == (index % 3 == 2 ? 0.0 : 1.0));
    CHECK(json.at("attributes").is_object());
  }
}

TEST_CASE("classify reports an unusable line in place and exits 1") {
  const auto dir = fresh_dir("classify-bad");
  write_file(dir + "/in.jsonl",
             "{\"id\":\"a\",\"text\":\"ok\"}\n{\"text\":\"no id\"}\n{\"id\":\"c\",\"text\":\"ok\"}\n");
  write_file(dir + "/pipeline.yaml",
             "client: classify-brand\nconnectors:\n  - plugin: replay\n    config: { input: in.jsonl }\n"
             "classifiers:\n  - plugin: keywords\n    config: { labels: { toxicity.insult: [idiot] } }\n");
  const auto result = run_parley({"classify", dir + "/pipeline.yaml", "--input", dir + "/in.jsonl"});
  CHECK(result.exit_code == 1);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 3);
  CHECK(nlohmann::json::parse(lines[1]).at("line") == 2);
  CHECK(nlohmann::json::parse(lines[2]).at("id") == "c");
}
