#include "fake_http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <thread>

namespace parley::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string RecordedRequest::path() const { return target.substr(0, target.find('?')); }

std::string RecordedRequest::query() const {
  const auto mark = target.find('?');
  return mark == std::string::npos ? "" : target.substr(mark + 1);
}

namespace {

using Record = std::function<RecordedRequest(const http::request<http::string_body>&)>;

/// One keep-alive connection: read a request, record it, ask the handler,
/// wait its delay (a timer, so other connections are served meanwhile),
/// answer, repeat until the client closes.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const FakeHttpServer::Handler& handler, const Record& record)
      : stream_(std::move(socket)), delay_(stream_.get_executor()), handler_(handler), record_(record) {}

  void start() { read_next(); }

 private:
  void read_next() {
    request_ = {};
    http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (!error) self->handle();
    });
  }

  void handle() {
    const RecordedRequest recorded = record_(request_);
    CannedResponse canned;
    try {
      canned = handler_(recorded);
    } catch (const std::exception& error) {
      // A failing handler must not take the server thread down with it.
      canned = {500, {{"Content-Type", "text/plain"}}, std::string("fake handler threw: ") + error.what(), {}};
    }
    response_ = http::response<http::string_body>(static_cast<http::status>(canned.status), request_.version());
    for (const auto& header : canned.headers) response_.insert(header.name, header.value);
    if (!find_header(canned.headers, "Content-Type")) response_.set(http::field::content_type, "application/json");
    response_.body() = canned.body;
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    delay_.expires_after(canned.delay);
    delay_.async_wait([self = shared_from_this()](beast::error_code) { self->write(); });
  }

  void write() {
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return;
      if (self->response_.keep_alive()) {
        self->read_next();
      } else {
        beast::error_code ignored;
        self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      }
    });
  }

  beast::tcp_stream stream_;
  asio::steady_timer delay_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  const FakeHttpServer::Handler& handler_;
  const Record& record_;
};

}  // namespace

// Everything runs on one thread (the io_context's), so the handler is called
// for one request at a time, in arrival order.
struct FakeHttpServer::Impl {
  Handler handler;
  Record record;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::uint16_t port = 0;
  mutable std::mutex mutex;
  std::vector<RecordedRequest> recorded;
  std::thread thread;

  void accept_next() {
    acceptor.async_accept([this](beast::error_code error, tcp::socket socket) {
      if (error) return;  // the acceptor was closed
      std::make_shared<Session>(std::move(socket), handler, record)->start();
      accept_next();
    });
  }

  RecordedRequest keep(const http::request<http::string_body>& request) {
    RecordedRequest out;
    out.method = std::string(request.method_string());
    out.target = std::string(request.target());
    for (const auto& field : request) {
      out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    out.body = request.body();
    std::lock_guard lock(mutex);
    recorded.push_back(out);
    return out;
  }
};

FakeHttpServer::FakeHttpServer(Handler handler) : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  impl_->record = [impl = impl_.get()](const http::request<http::string_body>& request) { return impl->keep(request); };
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  impl_->port = impl_->acceptor.local_endpoint().port();
  impl_->accept_next();
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

FakeHttpServer::~FakeHttpServer() {
  // Open connections and pending delays are dropped with the io_context.
  impl_->io.stop();
  impl_->thread.join();
}

std::uint16_t FakeHttpServer::port() const { return impl_->port; }

std::string FakeHttpServer::base_url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

std::vector<RecordedRequest> FakeHttpServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->recorded;
}

}  // namespace parley::test
