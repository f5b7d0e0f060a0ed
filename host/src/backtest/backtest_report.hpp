// The backtest report for an agency's account manager: what the policy
// would have done on the history, in counts, reasons and examples.
#pragma once

#include <optional>

#include "backtest/backtest_comparison.hpp"
#include "backtest/backtest_summary.hpp"
#include "backtest/report_document.hpp"

namespace parley::host {

ReportDocument backtest_report(const BacktestRun& run, const BacktestSummary& summary,
                               const std::optional<BacktestComparison>& comparison);

}  // namespace parley::host
