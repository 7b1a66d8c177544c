#!/usr/bin/env bash
# The whole test suite, all through CTest: unit tests, end-to-end tests of the real
# binaries on the real notices, the relevance evaluation, and a bounded run of each
# libFuzzer target (built with clang in ./build-fuzz, starting from tests/fuzz/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bash scripts/build-fuzz.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
ctest --test-dir build-fuzz --output-on-failure -j "$(nproc)"
