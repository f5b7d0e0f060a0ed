#include "config/time_zones.hpp"

#include <unicode/ucal.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>

namespace parley::host {

bool is_known_time_zone(std::string_view name) {
  // Zone names are short ASCII; anything else is not one.
  std::array<UChar, 64> id{};
  if (name.empty() || name.size() >= id.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte >= 0x80) return false;
    id[i] = byte;
  }
  std::array<UChar, 64> canonical{};
  UBool system_id = false;
  UErrorCode status = U_ZERO_ERROR;
  ucal_getCanonicalTimeZoneID(id.data(), static_cast<int32_t>(name.size()), canonical.data(),
                              static_cast<int32_t>(canonical.size()), &system_id, &status);
  // ICU also accepts custom offsets ("GMT+03:00"); only names it has data for count.
  return U_SUCCESS(status) && system_id;
}

const std::vector<std::string>& known_time_zones() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration* zones = ucal_openTimeZones(&status);
    if (U_FAILURE(status)) return all;
    int32_t length = 0;
    while (const char* name = uenum_next(zones, &length, &status)) {
      if (U_FAILURE(status)) break;
      all.emplace_back(name, static_cast<std::size_t>(length));
    }
    uenum_close(zones);
    std::sort(all.begin(), all.end());
    return all;
  }();
  return names;
}

}  // namespace parley::host
