// One self-contained HTML page: inline style, no scripts, nothing fetched,
// every text escaped (event texts come from the public).
#include "backtest/report_document.hpp"
#include "html/html_escape.hpp"

namespace parley::host {
namespace {

constexpr const char* kReportStyle =
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:0 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .6em;"
    "vertical-align:top;text-align:left}th{background:#f3f3f3}td.n{text-align:right}"
    "h1{font-size:1.6em}h2{font-size:1.3em;margin-top:1.6em}h3{font-size:1.1em}";

struct HtmlRenderer {
  std::string& out;

  void operator()(const Heading& heading) const {
    const auto tag = "h" + std::to_string(heading.level);
    out += "<" + tag + ">" + html_escape(heading.text) + "</" + tag + ">\n";
  }
  void operator()(const Paragraph& paragraph) const { out += "<p>" + html_escape(paragraph.text) + "</p>\n"; }
  void operator()(const BulletList& list) const {
    out += "<ul>\n";
    for (const auto& item : list.items) out += "<li>" + html_escape(item) + "</li>\n";
    out += "</ul>\n";
  }
  void operator()(const Table& table) const {
    out += "<table>\n<tr>";
    for (const auto& cell : table.header) out += "<th>" + html_escape(cell) + "</th>";
    out += "</tr>\n";
    for (const auto& cells : table.rows) {
      out += "<tr>";
      for (std::size_t column = 0; column < cells.size(); ++column) {
        const bool numeric = column < table.numeric.size() && table.numeric[column];
        out += (numeric ? "<td class=\"n\">" : "<td>") + html_escape(cells[column]) + "</td>";
      }
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
};

}  // namespace

std::string render_html(const ReportDocument& document) {
  std::string title = "Report";
  if (!document.empty()) {
    if (const auto* heading = std::get_if<Heading>(&document.front())) title = heading->text;
  }
  std::string out = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
                    "</title>\n<style>" + kReportStyle + "</style>\n</head>\n<body>\n";
  for (const auto& block : document) std::visit(HtmlRenderer{out}, block);
  return out + "</body>\n</html>\n";
}

}  // namespace parley::host
