// Parley plugin API version and build fingerprint.
//
// The host refuses a plugin whose API major differs from its own, whose API
// minor is newer than its own, or whose build fingerprint differs: C++
// classes cross the plugin boundary, so compiler, standard library ABI and
// Boost version must match exactly.
#pragma once

#include <boost/version.hpp>

#define PARLEY_API_MAJOR 1
#define PARLEY_API_MINOR 5

#define PARLEY_DETAIL_STR2(x) #x
#define PARLEY_DETAIL_STR(x) PARLEY_DETAIL_STR2(x)

#if defined(__clang__)
#define PARLEY_DETAIL_COMPILER "clang-" PARLEY_DETAIL_STR(__clang_major__)
#elif defined(__GNUC__)
#define PARLEY_DETAIL_COMPILER "gcc-" PARLEY_DETAIL_STR(__GNUC__)
#else
#define PARLEY_DETAIL_COMPILER "unknown-compiler"
#endif

#if defined(_LIBCPP_VERSION)
#define PARLEY_DETAIL_STDLIB "libc++-" PARLEY_DETAIL_STR(_LIBCPP_ABI_VERSION)
#elif defined(__GLIBCXX__)
#define PARLEY_DETAIL_STDLIB "libstdc++-cxx11abi" PARLEY_DETAIL_STR(_GLIBCXX_USE_CXX11_ABI)
#else
#define PARLEY_DETAIL_STDLIB "unknown-stdlib"
#endif

/// Compiler, standard library ABI and Boost version this translation unit
/// was built with, e.g. "gcc-12/libstdc++-cxx11abi1/boost-107400".
#define PARLEY_BUILD_FINGERPRINT \
  PARLEY_DETAIL_COMPILER "/" PARLEY_DETAIL_STDLIB "/boost-" PARLEY_DETAIL_STR(BOOST_VERSION)
