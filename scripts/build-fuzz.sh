#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in ./build-fuzz (or the directory given as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-fuzz}"
CXX=clang++-14 cmake -S . -B "$build" -DKAIJI_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_notice_reader fuzz_text_decoding fuzz_html_text fuzz_query_parser
