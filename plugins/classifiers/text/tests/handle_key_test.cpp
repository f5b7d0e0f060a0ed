// handle_key: the one way handles, account ids and brand names are compared.
#include <catch2/catch.hpp>

#include "handle_key.hpp"

using parley::text::handle_key;

TEST_CASE("A handle, an account id and a brand name compare by their ASCII letters and digits", "[handle]") {
  CHECK(handle_key("Nordic Coffee") == "nordiccoffee");
  CHECK(handle_key("nordic-coffee") == "nordiccoffee");
  CHECK(handle_key("@Nordic_Coffee") == "nordiccoffee");
  CHECK(handle_key("Café 24/7") == "caf247");  // é is not ASCII: dropped
  CHECK(handle_key("Αρωμα").empty());
  CHECK(handle_key("").empty());
}
