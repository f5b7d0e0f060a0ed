// What `parley test` prints: one row per step of each case (PASS, FAIL, or
// "-" for a step without checks), the reasons and the actual actions under
// each failure, and a summary.
#pragma once

#include <cstdio>
#include <string>

#include "policy_test/case_runner.hpp"

namespace parley::host {

class TestReport {
 public:
  explicit TestReport(std::FILE* out) : out_(out) {}

  void print_header(const std::string& client, const std::string& pipeline_file) const;
  void print_file(const std::string& cases_file) const;
  void print_case(const CaseResult& result);
  void print_summary() const;

  bool all_passed() const { return cases_failed_ == 0; }

 private:
  std::FILE* out_;
  std::size_t cases_ = 0, cases_failed_ = 0, steps_checked_ = 0, steps_failed_ = 0;
};

}  // namespace parley::host
