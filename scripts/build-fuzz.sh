#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in ./build-fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
CXX=clang++-14 cmake -S . -B build-fuzz -DKAIJI_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_notice_reader fuzz_text_decoding fuzz_query_parser
