#!/usr/bin/env bash
# Folds what fuzz runs found (build-fuzz/fuzz-found/<target>) into the kept corpus
# (tests/fuzz/corpus/<target>), keeping only inputs that add coverage.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in fuzz_notice_reader fuzz_text_decoding fuzz_query_parser; do
  "build-fuzz/tests/fuzz/$target" -merge=1 "tests/fuzz/corpus/$target" "build-fuzz/fuzz-found/$target"
done
