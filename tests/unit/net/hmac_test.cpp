#include <catch2/catch.hpp>

#include "net/hmac.hpp"

using parley::host::hmac_sha256_hex;

// RFC 4231, section 4: the HMAC-SHA-256 test vectors.
TEST_CASE("http hmac: HMAC-SHA256 matches the RFC 4231 test vectors", "[net][hmac]") {
  SECTION("test case 1") {
    CHECK(hmac_sha256_hex(std::string(20, '\x0b'), "Hi There") ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }
  SECTION("test case 2: a key shorter than the block") {
    CHECK(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
  SECTION("test case 3: bytes that are not text") {
    CHECK(hmac_sha256_hex(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  }
  SECTION("test case 6: a key longer than the block") {
    CHECK(hmac_sha256_hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }
  SECTION("test case 7: long key and long message") {
    CHECK(hmac_sha256_hex(std::string(131, '\xaa'),
                          "This is a test using a larger than block-size key and a larger than block-size data. "
                          "The key needs to be hashed before being used by the HMAC algorithm.") ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  }
}

TEST_CASE("http hmac: empty key and message are valid input", "[net][hmac]") {
  // HMAC-SHA256("", ""), a widely published value.
  CHECK(hmac_sha256_hex("", "") == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}
