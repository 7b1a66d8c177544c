#!/usr/bin/env bash
# The whole test suite: unit tests, end-to-end tests of the real binaries on the real
# notices, and the relevance evaluation, all through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
