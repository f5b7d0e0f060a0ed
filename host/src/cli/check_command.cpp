// parley check PIPELINE.yaml...
#include <iostream>

#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "engine/pipeline_runtime.hpp"

namespace parley::host {

namespace po = boost::program_options;

int check_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::vector<std::string> files;
  po::options_description options("parley check options");
  options.add_options()("pipeline", po::value(&files)->required()->multitoken(), "pipeline YAML files");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("pipeline", -1);
  if (auto exit = parse_command_line(arguments, "parley check PIPELINE.yaml...", options, positional, common)) {
    return *exit;
  }

  bool all_valid = true;
  for (const auto& file : files) {
    auto loaded = load_pipeline_reporting(file);
    if (!loaded) {
      all_valid = false;
      continue;
    }
    const auto registry = discover_plugins(common, loaded->config.plugin_path);
    try {
      // Creating the instances (dry run) also runs each plugin's own checks,
      // e.g. a rule expression that does not parse.
      const auto runtime = build_runtime(loaded->config, registry, true, loaded->secrets);
      // What the responders may propose against what each connector can do.
      if (!report_capabilities(runtime, *loaded->secrets, /*with_notes=*/true)) {
        all_valid = false;
        continue;
      }
    } catch (const ConfigurationError& error) {
      print_diagnostics(error.diagnostics, *loaded->secrets);
      all_valid = false;
      continue;
    }
    std::cout << file << ": ok (" << loaded->config.connectors.size() << " connector(s), "
              << loaded->config.classifiers.size() << " classifier(s), " << loaded->config.responders.size()
              << " responder(s))\n";
  }
  return all_valid ? kExitOk : kExitBadUsage;
}

}  // namespace parley::host
