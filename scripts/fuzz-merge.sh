#!/usr/bin/env bash
# Folds what fuzz runs found (build-fuzz/fuzz-found/<target>) into the kept corpus
# (tests/fuzz/corpus/<target>), keeping only inputs that add coverage. $1 names the
# fuzz build directory (default ./build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-fuzz}"
for target in fuzz_notice_reader fuzz_text_decoding fuzz_html_text fuzz_query_parser; do
  "$build/tests/fuzz/$target" -merge=1 "tests/fuzz/corpus/$target" "$build/fuzz-found/$target"
done
