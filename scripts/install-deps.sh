#!/usr/bin/env bash
# Installs the Debian 12 packages kaiji needs to build, test and benchmark. Idempotent:
# does nothing (and needs no network) when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libxapian-dev xapian-tools
  libmecab-dev mecab-ipadic mecab-ipadic-utf8 mecab-utils mecab
  libboost-program-options-dev nlohmann-json3-dev doctest-dev
  libicu-dev libxxhash-dev libgumbo-dev libjemalloc-dev libzstd-dev
  clang-14 libclang-rt-14-dev
  groonga-bin groonga-tokenizer-mecab
  jq
  libcpp-httplib-dev
  chromium chromium-driver python3-selenium fonts-ipafont-gothic
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "kaiji: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
