// The HTML of `parley console`: the approval queue as one plain page with a
// form per parked action. Every string from events, plugins and the state is
// redacted (the pipeline's secrets) and then HTML-escaped here; nothing else
// is trusted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/secrets.hpp"
#include "html/html_escape.hpp"
#include "store/store.hpp"

namespace parley::host {

/// One parked action as the page shows it.
struct ParkedItem {
  OutboxEntry entry;
  std::string author;                ///< "@handle (display name)" or the author id; empty when unknown
  std::string customer_text;         ///< what the customer wrote, as written
  bool customer_text_known = false;  ///< false for actions parked before it was recorded
};

struct QueuePage {
  std::string client;              ///< the pipeline's client
  std::vector<ParkedItem> parked;  ///< newest first
  std::string notice;              ///< plain text shown above the list (the last decision); may be empty
  std::string csrf_token;          ///< put in every form
  std::int64_t now_ms = 0;
};

/// The whole page, UTF-8.
std::string queue_page_html(const QueuePage& page, const SecretRegistry& secrets);

}  // namespace parley::host
