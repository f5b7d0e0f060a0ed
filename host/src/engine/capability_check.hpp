// The start-up check of what a pipeline asks of its connectors (`parley
// check`, `parley run`): every action kind a responder may propose must be
// one each connector can do, has a fallback for, or that policy.never forbids.
// docs/adr/0010-connector-capabilities-and-fallbacks.md
#pragma once

#include <string>
#include <vector>

#include "config/diagnostic.hpp"
#include "engine/pipeline_runtime.hpp"

namespace parley::host {

struct CapabilityReport {
  Diagnostics errors;              ///< the pipeline cannot run as written
  Diagnostics warnings;            ///< fallbacks that are never used or always blocked
  std::vector<std::string> notes;  ///< responders that do not say what they propose (checked at run time only)
};

/// Needs a runtime with its connectors and responders created.
CapabilityReport check_capabilities(const PipelineRuntime& runtime);

/// "file:line:col: warning: ..." (Diagnostic::to_string says "error").
std::string warning_text(const Diagnostic& warning);

}  // namespace parley::host
