// rating: marks out of 5 or 10, and what only looks like one.
#include <catch2/catch.hpp>

#include "rating.hpp"

using parley::text::rating_share;

TEST_CASE("A mark out of 5 or 10 is read as a share of the top mark", "[rating]") {
  CHECK(rating_share("10/10 θα ξαναπαραγγείλω") == Approx(1.0));
  CHECK(rating_share("10/10 буду заказывать ещё") == Approx(1.0));
  CHECK(rating_share("Room smelled of damp. 2/5, only for the waiter") == Approx(0.4));
  CHECK(rating_share("I'd give it 4 out of 5") == Approx(0.8));
  CHECK(rating_share("0/10 would not recommend") == Approx(0.0));
  CHECK(rating_share("9/10!") == Approx(0.9));
}

TEST_CASE("Dates, prices and other fractions are not marks", "[rating]") {
  CHECK_FALSE(rating_share("ordered on 12/05/2024, still nothing"));
  CHECK_FALSE(rating_share("delivery 10/10/2025"));
  CHECK_FALSE(rating_share("open 24/7"));
  CHECK_FALSE(rating_share("3/4 of the pizza was cold"));
  CHECK_FALSE(rating_share("6/5 makes no sense"));
  CHECK_FALSE(rating_share("100/10"));
  CHECK_FALSE(rating_share("version 1.5/10"));
  CHECK_FALSE(rating_share("no marks here"));
  CHECK_FALSE(rating_share("/10"));
  CHECK_FALSE(rating_share("5/"));
}
