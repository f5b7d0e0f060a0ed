// WebhookListener: the host's one HTTP/1.1 listener for webhooks (Boost.Beast
// on one io thread; docs/adr/0009-webhook-ingress.md), also serving
// `parley console`'s pages. It reads a request's
// headers, answers 404 / 405 / 413 without reading a body it will not use,
// hands whole GET and POST requests to its handler and logs one line per
// request: method, path, status and the handler's log message, never the
// body or the query string.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <parley/webhook.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace parley::host {

struct ListenAddress {
  std::string host = "127.0.0.1";  ///< an IPv4 or IPv6 address
  std::uint16_t port = 8787;       ///< 0: any free port (see WebhookListener::port)
};

/// "HOST:PORT" or "[IPV6]:PORT"; nullopt when it is not one.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

struct ListenerOptions {
  ListenAddress address;
  std::size_t max_body_bytes = 1024 * 1024;  ///< larger: 413
  /// For reading one whole request (headers and body) and for writing the
  /// reply: a client that is slower is disconnected.
  std::chrono::milliseconds io_timeout{10000};
};

/// What the listener answers: a reply and headers of its own besides
/// Content-Type (a web page's Location, Cache-Control...; webhooks need none).
struct ListenerReply {
  WebhookReply reply;
  std::vector<HttpHeader> headers;
};

/// What the listener serves. Called on the listener's io thread, one request
/// at a time.
class WebhookHandler {
 public:
  virtual ~WebhookHandler() = default;
  /// True when `path` is served (else 404 before the body is read).
  virtual bool has_route(std::string_view path) const = 0;
  /// Answers one whole GET or POST request on a served path.
  virtual ListenerReply handle(const WebhookRequest& request) = 0;
};

class WebhookListener {
 public:
  /// Binds and starts serving on its own thread. Throws std::runtime_error
  /// naming the address when it cannot listen there.
  WebhookListener(ListenerOptions options, WebhookHandler& handler);
  /// Stops: no request is answered after it returns.
  ~WebhookListener();
  WebhookListener(const WebhookListener&) = delete;
  WebhookListener& operator=(const WebhookListener&) = delete;

  /// The port it listens on (the one picked, when asked for port 0).
  std::uint16_t port() const;
  /// "http://HOST:PORT".
  std::string url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::host
