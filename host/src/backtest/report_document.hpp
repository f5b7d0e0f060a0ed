// A report as headings, paragraphs, lists and tables, written once and
// rendered as Markdown (the terminal, tickets) or self-contained HTML (mail
// to a client). The renderers escape every text they are given.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace parley::host {

struct Heading {
  int level = 1;  ///< 1 = the title
  std::string text;
};

struct Paragraph {
  std::string text;
};

struct BulletList {
  std::vector<std::string> items;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  ///< right-aligned columns (by index; missing = no)
};

using ReportBlock = std::variant<Heading, Paragraph, BulletList, Table>;
using ReportDocument = std::vector<ReportBlock>;

std::string render_markdown(const ReportDocument& document);
/// A complete HTML page (inline style, no scripts, nothing fetched), titled
/// by the document's first heading.
std::string render_html(const ReportDocument& document);

}  // namespace parley::host
