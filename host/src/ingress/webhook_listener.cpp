#include "ingress/webhook_listener.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <stdexcept>
#include <thread>

namespace parley::host {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kLoggedPathLimit = 200;

std::string text_of(beast::string_view view) { return std::string(view.data(), view.size()); }

WebhookReply plain_reply(int status, std::string body, std::string log_message) {
  return {status, "text/plain", std::move(body), std::move(log_message)};
}

/// One connection, one request: read the headers, decide, maybe read the
/// body, answer, close. Owned by its pending asynchronous operation.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const ListenerOptions& options, WebhookHandler& handler)
      : stream_(std::move(socket)), options_(options), handler_(handler) {
    beast::error_code ignored;
    const auto remote = stream_.socket().remote_endpoint(ignored);
    if (!ignored) remote_address_ = remote.address().to_string();
  }

  void start() {
    parser_.header_limit(kHeaderLimit);
    parser_.body_limit(options_.max_body_bytes);
    // One deadline for the whole request: a slow client is cut off, and
    // cannot hold anything meanwhile (every read is asynchronous).
    stream_.expires_after(options_.io_timeout);
    http::async_read_header(
        stream_, buffer_, parser_,
        [self = shared_from_this()](beast::error_code error, std::size_t) { self->on_header(error); });
  }

 private:
  void on_header(beast::error_code error) {
    if (error == http::error::header_limit) return answer(plain_reply(431, "headers too large\n", "headers too large"));
    // The parser refuses a Content-Length over the body limit as soon as the
    // headers are in; they are complete then, so the route is still checked.
    const bool announced_too_large = error == http::error::body_limit;
    if (error && !announced_too_large) return close(error);
    const auto& request = parser_.get();
    const auto target = text_of(request.target());
    const auto question = target.find('?');
    path_ = target.substr(0, question);
    query_ = question == std::string::npos ? std::string() : target.substr(question + 1);
    method_ = text_of(request.method_string());
    if (!handler_.has_route(path_)) return answer(plain_reply(404, "no such webhook\n", "unknown route"));
    if (request.method() != http::verb::get && request.method() != http::verb::post) {
      return answer(plain_reply(405, "only GET and POST\n", "method not allowed"));
    }
    if (announced_too_large) return answer(too_large());
    if (beast::iequals(request[http::field::expect], "100-continue")) {
      // The sender waits for this before it sends the body.
      http::response<http::empty_body> go_on{http::status::continue_, request.version()};
      beast::error_code ignored;
      http::write(stream_, go_on, ignored);
    }
    http::async_read(stream_, buffer_, parser_, [self = shared_from_this()](beast::error_code read_error, std::size_t) {
      self->on_body(read_error);
    });
  }

  void on_body(beast::error_code error) {
    if (error == http::error::body_limit) return answer(too_large());  // chunked, or a short Content-Length lie
    if (error) return close(error);
    const auto& request = parser_.get();
    WebhookRequest webhook;
    webhook.method = method_;
    webhook.path = path_;
    webhook.query = query_;
    for (const auto& field : request) webhook.headers.push_back({text_of(field.name_string()), text_of(field.value())});
    webhook.body = request.body();
    webhook.remote_address = remote_address_;
    auto handled = handler_.handle(webhook);
    for (const auto& header : handled.headers) response_.set(header.name, header.value);
    answer(std::move(handled.reply));
  }

  WebhookReply too_large() const {
    return plain_reply(413, "body too large\n",
                       "body over the limit of " + std::to_string(options_.max_body_bytes) + " bytes");
  }

  void answer(WebhookReply reply) {
    if (reply.status < 100 || reply.status > 599) {
      reply = plain_reply(500, "internal error\n", "the connector answered status " + std::to_string(reply.status));
    }
    // The path names the client and connector; the query may hold a
    // verification token and the body anything: neither is logged.
    const auto shown_path = path_.size() > kLoggedPathLimit ? path_.substr(0, kLoggedPathLimit) + "..." : path_;
    spdlog::info("webhook {} {} -> {}{}{}", method_.empty() ? "?" : method_, shown_path, reply.status,
                 reply.log_message.empty() ? "" : ": ", reply.log_message);
    response_.version(11);
    response_.result(static_cast<unsigned>(reply.status));
    response_.set(http::field::content_type, reply.content_type);
    if (reply.status == 405) response_.set(http::field::allow, "GET, POST");
    response_.keep_alive(false);  // one request per connection: simple, and what platforms send anyway
    response_.body() = std::move(reply.body);
    response_.prepare_payload();
    stream_.expires_after(options_.io_timeout);
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code error, std::size_t) { self->close(error); });
  }

  void close(beast::error_code error) {
    if (error && error != beast::error::timeout && error != http::error::end_of_stream) {
      spdlog::debug("webhook connection from {}: {}", remote_address_, error.message());
    } else if (error == beast::error::timeout) {
      spdlog::info("webhook connection from {} timed out", remote_address_);
    }
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request_parser<http::string_body> parser_;
  http::response<http::string_body> response_;
  const ListenerOptions& options_;
  WebhookHandler& handler_;
  std::string remote_address_;
  std::string method_;
  std::string path_;
  std::string query_;
};

}  // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  auto host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']' || host.size() < 3) return std::nullopt;
    host = host.substr(1, host.size() - 2);
  }
  const auto port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port > 65535) return std::nullopt;
  beast::error_code invalid;
  asio::ip::make_address(std::string(host), invalid);
  if (invalid) return std::nullopt;
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

struct WebhookListener::Impl {
  Impl(ListenerOptions given, WebhookHandler& handler_in)
      : options(std::move(given)), handler(handler_in), acceptor(io) {}

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code error, tcp::socket socket) {
      if (error == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (!error) std::make_shared<Session>(std::move(socket), options, handler)->start();
      accept();
    });
  }

  ListenerOptions options;
  WebhookHandler& handler;
  // After options: the sessions the io_context still holds refer to them.
  asio::io_context io{1};
  tcp::acceptor acceptor;
  std::thread thread;
};

WebhookListener::WebhookListener(ListenerOptions options, WebhookHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {
  const auto& address = impl_->options.address;
  const tcp::endpoint endpoint(asio::ip::make_address(address.host), address.port);
  beast::error_code error;
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    throw std::runtime_error("cannot listen for webhooks on " + address.host + ":" + std::to_string(address.port) +
                             ": " + error.message());
  }
  impl_->accept();
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

WebhookListener::~WebhookListener() {
  asio::post(impl_->io, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::uint16_t WebhookListener::port() const { return impl_->acceptor.local_endpoint().port(); }

std::string WebhookListener::url() const {
  const auto& host = impl_->options.address.host;
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
}

}  // namespace parley::host
