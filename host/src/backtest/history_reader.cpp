#include "backtest/history_reader.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>

#include "event_line.hpp"

namespace parley::host {

History read_history(const std::string& file, const std::string& account) {
  History history;
  history.file = file;
  std::ifstream stream;
  if (file != "-") {
    stream.open(file);
    if (!stream) {
      history.read_error = "cannot read " + file;
      return history;
    }
  }
  std::istream& input = file == "-" ? std::cin : stream;
  const replay::EventDefaults defaults{"replay", account, false};
  std::string line;
  for (std::size_t number = 1; std::getline(input, line); ++number) {
    if (replay::is_blank_or_comment(line)) continue;
    auto parsed = replay::parse_event_line(line, defaults);
    const auto location = file + ":" + std::to_string(number);
    if (!parsed.event) {
      history.bad_lines.push_back({location, parsed.error});
    } else if (parsed.event->created_at == 0) {
      history.bad_lines.push_back({location, "missing 'created_at': a backtest needs each event's time"});
    } else {
      history.events.push_back(std::move(*parsed.event));
    }
  }
  if (input.bad()) history.read_error = "error while reading " + file;
  std::stable_sort(history.events.begin(), history.events.end(),
                   [](const Event& a, const Event& b) { return a.created_at < b.created_at; });
  return history;
}

}  // namespace parley::host
