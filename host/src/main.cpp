#include "cli/cli.hpp"
#include "engine/batch_heap.hpp"

int main(int argc, char** argv) {
  parley::host::keep_heap_between_batches();
  return parley::host::run_cli(argc, argv);
}
