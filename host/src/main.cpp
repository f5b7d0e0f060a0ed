#include "cli/cli.hpp"

int main(int argc, char** argv) { return parley::host::run_cli(argc, argv); }
