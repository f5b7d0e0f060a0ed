// Markdown for people reading it raw as much as rendered: plain tables,
// only the characters that would break a table or become markup escaped.
#include "backtest/report_document.hpp"

namespace parley::host {
namespace {

/// Backslash-escapes what Markdown would read as table breaks, HTML or code;
/// line breaks become spaces so that a cell stays on its row.
std::string escape(const std::string& text) {
  std::string result;
  result.reserve(text.size());
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      result += ' ';
      continue;
    }
    if (c == '\\' || c == '|' || c == '<' || c == '>' || c == '`') result += '\\';
    result += c;
  }
  return result;
}

std::string row(const std::vector<std::string>& cells) {
  std::string line = "|";
  for (const auto& cell : cells) line += " " + escape(cell) + " |";
  return line + "\n";
}

struct MarkdownRenderer {
  std::string& out;

  void operator()(const Heading& heading) const {
    out += std::string(static_cast<std::size_t>(heading.level), '#') + " " + escape(heading.text) + "\n\n";
  }
  void operator()(const Paragraph& paragraph) const { out += escape(paragraph.text) + "\n\n"; }
  void operator()(const BulletList& list) const {
    for (const auto& item : list.items) out += "- " + escape(item) + "\n";
    out += "\n";
  }
  void operator()(const Table& table) const {
    out += row(table.header);
    out += "|";
    for (std::size_t column = 0; column < table.header.size(); ++column) {
      const bool numeric = column < table.numeric.size() && table.numeric[column];
      out += numeric ? " ---: |" : " --- |";
    }
    out += "\n";
    for (const auto& cells : table.rows) out += row(cells);
    out += "\n";
  }
};

}  // namespace

std::string render_markdown(const ReportDocument& document) {
  std::string out;
  for (const auto& block : document) std::visit(MarkdownRenderer{out}, block);
  return out;
}

}  // namespace parley::host
