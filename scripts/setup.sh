#!/usr/bin/env bash
# Installs everything Parley needs to build, test and run on Debian 12.
# Idempotent: apt-get install skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libboost-program-options-dev libboost-filesystem-dev
  libyaml-cpp-dev libspdlog-dev libfmt-dev catch2
  libsqlite3-dev sqlite3 libicu-dev nlohmann-json3-dev
  libbenchmark-dev clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
