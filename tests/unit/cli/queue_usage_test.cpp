// The command-line checks `parley approvals` and `parley dead-letters` share
// (cli/queue_command.hpp), on a queue command made up for the test.
#include <catch2/catch.hpp>

#include "cli/queue_command.hpp"

using parley::host::queue_usage_problem;
using parley::host::QueueCommand;
using parley::host::QueueOptions;

namespace queue_usage_test {

const QueueCommand kParcels{
    .name = "parcels",
    .usage = "parley parcels list|show|keep|drop PIPELINE.yaml [ID]",
    .item = "a parcel",
    .decisions = {"keep", "drop"},
    .note_needed = "WHY",
    .subcommand_help = "",
    .id_help = "",
    .by_help = "",
    .note_help = "",
};

QueueOptions with(std::string subcommand, std::string id = "", std::string by = "", std::string note = "") {
  QueueOptions options;
  options.subcommand = std::move(subcommand);
  options.pipeline = "client.yaml";
  options.id_text = std::move(id);
  options.by = std::move(by);
  options.note = std::move(note);
  return options;
}

std::string problem(QueueOptions options) { return queue_usage_problem(kParcels, options); }

TEST_CASE("A queue command names what it expected", "[cli]") {
  CHECK(problem(with("approve", "1")) == "unknown parcels command 'approve'; expected list, show, keep or drop");
  auto no_pipeline = with("list");
  no_pipeline.pipeline.clear();
  CHECK(problem(no_pipeline) == "missing PIPELINE.yaml");
  CHECK(problem(with("list", "4")) == "list takes no ID");
  CHECK(problem(with("show")) == "show needs the ID of a parcel (see parley parcels list)");
}

TEST_CASE("A queue command takes only positive whole IDs", "[cli]") {
  for (const std::string id : {"12x", "0", "-3", "#12", " 12"}) {
    INFO(id);
    CHECK(problem(with("show", id)) == "'" + id + "' is not a parcel ID; expected a positive number");
  }
  auto options = with("show", "12");
  CHECK(queue_usage_problem(kParcels, options).empty());
  CHECK(options.id == 12);
}

TEST_CASE("A decision says who made it, and the second one why", "[cli]") {
  CHECK(problem(with("keep", "3")) == "keep needs --by NAME");
  CHECK(problem(with("keep", "3", " \t")) == "keep needs --by NAME");
  CHECK(problem(with("keep", "3", "alice")).empty());
  CHECK(problem(with("drop", "3", "alice")) == "drop needs --note WHY");
  CHECK(problem(with("drop", "3", "alice", "  ")) == "drop needs --note WHY");
  CHECK(problem(with("drop", "3", "alice", "sent by post")).empty());
  CHECK(problem(with("show", "3", "alice")) == "--by and --note are for keep and drop");
  CHECK(problem(with("list", "", "", "why")) == "--by and --note are for keep and drop");
}

TEST_CASE("The --all switch goes with list only", "[cli]") {
  auto listing = with("list");
  listing.all = true;
  CHECK(problem(listing).empty());
  auto showing = with("show", "2");
  showing.all = true;
  CHECK(problem(showing) == "--all is for list");
}

}  // namespace queue_usage_test
