#include "smtp_sender.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace parley::email {

namespace {

struct Upload {
  const std::string* data;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const auto n = std::min(size * count, upload->data->size() - upload->sent);
  std::memcpy(buffer, upload->data->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

long use_ssl_of(StartTls starttls) {
  switch (starttls) {
    case StartTls::required: return CURLUSESSL_ALL;
    case StartTls::optional: return CURLUSESSL_TRY;
    case StartTls::off: return CURLUSESSL_NONE;
  }
  return CURLUSESSL_ALL;
}

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

SmtpSender::SmtpSender(const EmailConfig& config) : config_(config) {
  // Thread-safe and reference-counted in libcurl >= 7.84; the host may have done it too.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

SmtpOutcome SmtpSender::send(const OutgoingMail& mail) const {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("email: curl_easy_init failed");
  CURL* handle = curl.get();

  std::unique_ptr<curl_slist, SlistDeleter> recipients;
  for (const auto& address : mail.recipients) {
    auto* appended = curl_slist_append(recipients.get(), ("<" + address + ">").c_str());
    if (appended == nullptr) throw std::runtime_error("email: out of memory");
    (void)recipients.release();
    recipients.reset(appended);
  }
  const std::string mail_from = "<" + mail.envelope_from + ">";
  Upload upload{&mail.data, 0};
  char error[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(handle, CURLOPT_URL, config_.smtp_url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(handle, CURLOPT_VERBOSE, 0L);  // verbose output would show the AUTH exchange
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout_ms));
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.timeout_ms));
  curl_easy_setopt(handle, CURLOPT_USE_SSL, use_ssl_of(config_.starttls));
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, config_.verify_tls ? 1L : 0L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, config_.verify_tls ? 2L : 0L);
  if (!config_.ca_file.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, config_.ca_file.c_str());
  if (!config_.username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, config_.password.c_str());
  }
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, &read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mail.data.size()));

  SmtpOutcome outcome;
  outcome.curl_code = curl_easy_perform(handle);
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &outcome.reply_code);
  if (outcome.curl_code != CURLE_OK) {
    outcome.curl_error = error[0] != '\0' ? error : curl_easy_strerror(static_cast<CURLcode>(outcome.curl_code));
  }
  return outcome;
}

}  // namespace parley::email
