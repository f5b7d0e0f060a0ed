// The one source of parley_catch_pch: CMake needs a file to compile Catch2's
// precompiled header with (tests/support/CMakeLists.txt).
