// Meta's webhooks, as Facebook Pages and Instagram send them: the
// subscription handshake (hub.mode / hub.verify_token / hub.challenge), the
// X-Hub-Signature-256 check, and the {"object", "entry": [...]} envelope.
// What an entry holds is the connector's: it derives from DeliveryReader.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <parley/event.hpp>
#include <parley/plugin.hpp>

#include "comment_times.hpp"

namespace parley::graph {

/// What the body of one delivery became.
struct Delivery {
  std::vector<Event> events;
  std::vector<RejectedInput> rejected;
  /// Valid but not moderated (reactions, other accounts, other fields), as
  /// "entry[0].changes[1]: reaction add".
  std::vector<std::string> ignored;
  /// Comment id -> when it was written, for the private-reply window.
  std::vector<std::pair<std::string, std::int64_t>> comment_times;
};

/// Reads the envelope; `read_entry` reads one entry. Not thread-safe: one per body.
class DeliveryReader {
 public:
  DeliveryReader(std::string object, std::string_view where) : object_(std::move(object)), where_(where) {}
  virtual ~DeliveryReader() = default;

  /// A body that is not JSON, has another "object" or no "entry" array is
  /// one rejected input; otherwise each entry goes to read_entry.
  Delivery read(std::string_view body);

 protected:
  virtual void read_entry(const nlohmann::json& entry, const std::string& at) = 0;
  /// Adds a rejected input with where = "<where> <at>" and the raw JSON (cut to 4 KiB).
  void reject(const std::string& at, std::string error, std::string_view raw);

  Delivery result_;

 private:
  std::string object_;
  std::string_view where_;
};

struct WebhookSecrets {
  std::string app_secret;    ///< key of X-Hub-Signature-256; empty refuses every delivery
  std::string verify_token;  ///< the handshake's hub.verify_token; empty refuses every handshake
};

using DeliveryParser = std::function<Delivery(std::string_view body, std::string_view where)>;

/// GET: the handshake (200 with hub.challenge, or 403). POST: the signature
/// (401 without events when it is missing or wrong), then `parse`; events
/// and rejected inputs go to `batch`, comment times to `times`, ignored
/// changes to one debug log line; answered 200 "EVENT_RECEIVED". Else 405.
WebhookReply answer_webhook(const WebhookRequest& request, const WebhookSecrets& secrets, PluginContext& context,
                            CommentTimes& times, PollBatch& batch, const DeliveryParser& parse);

}  // namespace parley::graph
