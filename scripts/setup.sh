#!/usr/bin/env bash
# From a fresh Debian 12 machine to ranked results: install, build, index the bundled
# corpus into ./kaiji-index, run a search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/bin/kaiji-indexer --db kaiji-index corpus
echo
./build/bin/kaiji-searcher --db kaiji-index --limit 5 ランサムウェア
