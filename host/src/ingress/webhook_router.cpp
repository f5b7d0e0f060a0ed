#include "ingress/webhook_router.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace parley::host {

namespace {
bool is_success(int status) { return status >= 200 && status < 300; }

WebhookReply server_error(std::string body, std::string log_message) {
  return {500, "text/plain", std::move(body), std::move(log_message)};
}
}  // namespace

std::string webhook_path(const std::string& client, const std::string& connector_id) {
  return "/webhooks/" + client + "/" + connector_id;
}

void WebhookRouter::add_route(const std::string& client, const PluginInstance<Connector>& connector, Store& store,
                              std::shared_ptr<const SecretRegistry> secrets) {
  const auto path = webhook_path(client, connector.id);
  if (!routes_.emplace(path, Route{connector, &store, std::move(secrets)}).second) {
    throw std::invalid_argument("two connectors would receive the webhooks of " + path);
  }
}

bool WebhookRouter::has_route(std::string_view path) const { return routes_.find(path) != routes_.end(); }

InboxDelivery inbox_delivery(const std::string& connector_id, const std::string& plugin, PollBatch batch) {
  InboxDelivery delivery;
  delivery.connector_id = connector_id;
  for (auto& event : batch.events) {
    if (event.id.empty()) {
      delivery.dead_letters.push_back({"input", plugin, "", "webhook", "event without an id", std::move(event.raw), 0});
      continue;
    }
    delivery.events.push_back(std::move(event));
  }
  for (auto& rejected : batch.rejected) {
    // Named like a polled input, so the same rejected delivery again is skipped.
    auto input_id = "input:" + connector_id + ":" + rejected.where;
    delivery.dead_letters.push_back({"input", plugin, std::move(input_id), std::move(rejected.where),
                                     std::move(rejected.error), std::move(rejected.raw), 0});
  }
  delivery.checkpoints = std::move(batch.checkpoints);
  return delivery;
}

WebhookReply WebhookRouter::answer(const WebhookRequest& request) {
  const auto found = routes_.find(request.path);
  if (found == routes_.end()) return {404, "text/plain", "no such webhook\n", "unknown route"};
  const auto& route = found->second;
  auto redact = [&](std::string_view text) { return route.secrets ? route.secrets->redact(text) : std::string(text); };
  PollBatch batch;
  WebhookReply reply;
  try {
    reply = route.connector.object->on_webhook(request, batch);
  } catch (const std::exception& error) {
    // The sender will deliver again; the connector may do better then.
    return server_error("the connector failed\n", "connector '" + route.connector.id + "' (" + route.connector.plugin +
                                                      ") threw: " + redact(error.what()));
  } catch (...) {
    return server_error("the connector failed\n", "connector '" + route.connector.id + "' threw a non-exception");
  }
  reply.log_message = redact(reply.log_message);
  if (!is_success(reply.status)) return reply;  // e.g. 401 for a bad signature: nothing is stored
  const bool nothing_to_store = batch.events.empty() && batch.rejected.empty() && batch.checkpoints.empty();
  if (nothing_to_store) return reply;  // e.g. a subscription handshake
  const auto given = batch.events.size();
  auto delivery = inbox_delivery(route.connector.id, route.connector.plugin, std::move(batch));
  for (const auto& letter : delivery.dead_letters) {
    spdlog::warn("webhook {}: rejected input ({}): {}", request.path, letter.location, redact(letter.error));
  }
  try {
    const auto added = route.store->add_to_inbox(delivery);
    const auto note = std::to_string(added) + " of " + std::to_string(given) + " events new";
    reply.log_message = reply.log_message.empty() ? note : reply.log_message + "; " + note;
  } catch (const std::exception& error) {
    // No 2xx unless it is stored: the sender delivers again later.
    return server_error("could not store the delivery; send it again\n",
                        "storing the delivery failed: " + redact(error.what()));
  }
  return reply;
}

}  // namespace parley::host
