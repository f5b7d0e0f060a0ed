// HMAC-SHA256 for webhook signatures (Meta's X-Hub-Signature-256).
#pragma once

#include <string>
#include <string_view>

namespace parley::host {

/// HMAC-SHA256 of `message` under `key`, as 64 lower-case hex digits.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace parley::host
