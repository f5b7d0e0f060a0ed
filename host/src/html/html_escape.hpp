// Text for HTML pages the host writes (the backtest report, the approval
// console): every character with a meaning in markup or attributes becomes
// a character reference, so customer and plugin texts never become markup.
#pragma once

#include <string>
#include <string_view>

namespace parley::host {

inline std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace parley::host
