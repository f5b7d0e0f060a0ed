// Catch2's main() for every test executable (linked as parley_catch_main).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
