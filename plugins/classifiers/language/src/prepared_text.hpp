// PreparedText: one pass over an event's raw bytes that gives the language
// detectors what they need: lower-cased words without URLs, @mentions,
// #hashtags and e-mail addresses, and letter counts per script.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley::language {

enum class Script : std::uint8_t { latin, greek, cyrillic, arabic, other };
inline constexpr std::size_t kScriptCount = 5;

struct PreparedText {
  /// Lower-case words separated by single spaces: runs of letters and
  /// combining marks, with an apostrophe kept between two letters ("don't").
  std::string words;
  std::size_t word_count = 0;
  std::array<std::uint32_t, kScriptCount> letters{};  ///< letters per Script
  std::uint32_t total_letters = 0;
  std::uint32_t polish_letters = 0;   ///< ą ć ę ł ń ó ś ź ż
  std::uint32_t finnish_letters = 0;  ///< ä ö

  std::uint32_t letters_in(Script script) const { return letters[static_cast<std::size_t>(script)]; }
  void clear();
};

/// Only the first kMaxInputBytes of a text are read: more says nothing new
/// about its language, and the cost stays bounded for megabyte inputs.
inline constexpr std::size_t kMaxInputBytes = 4096;

/// Fills `out` from untrusted bytes. Invalid UTF-8 separates words; zero-width
/// and bidi control characters are ignored (they do not split a word).
void prepare_text(std::string_view raw, PreparedText& out);

}  // namespace parley::language
