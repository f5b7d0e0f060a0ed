// The five portraits of unhappy customers (PLAYBOOK P16), as the `persona`
// classifier names them. The playbook has a strategy per portrait
// (playbook_config) and, for some messages, a wording per portrait
// (message_catalog: `acknowledge.aggressive`).
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace parley::playbook {

inline constexpr std::array<std::string_view, 5> kPersonas = {"meek", "aggressive", "high_roller", "rip_off",
                                                              "chronic"};

inline bool is_persona(std::string_view name) {
  return std::find(kPersonas.begin(), kPersonas.end(), name) != kPersonas.end();
}

}  // namespace parley::playbook
