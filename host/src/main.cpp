#include "cli/cli.hpp"
#include "engine/batch_heap.hpp"

int main(int argc, char** argv) {
  parley::host::set_up_allocator();
  return parley::host::run_cli(argc, argv);
}
