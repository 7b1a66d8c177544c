#!/usr/bin/env bash
# kill -9 during a first build, at several points, then a re-run: each re-run must end
# with the same notice ids as a clean build, and resume instead of starting over.
#
#   scripts/kill-resume.sh BUILD_DIR [COUNT] [WORK_DIR]
#
# Generates COUNT synthetic notices (default 20000) with kaiji-bench and makes a clean
# build. Then for each kill point it starts a first build and kills it with SIGKILL once
# the parts hold that share of the notices (or, for "compact", while the parts are being
# merged into the shards), re-runs it to the end and compares the index's notice ids
# (xapian-delve) with the clean build's. Times are wall clock and CPU (user + system):
# on a shared machine CPU time is the steadier measure. Exits 1 if any re-run fails or
# ends with other ids.
set -euo pipefail
build="$(cd "$1" && pwd)"
count="${2:-20000}"
work="${3:-$(mktemp -d)}"
bin="$build/bin"
repo="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$work"
[ -d "$work/corpus" ] || "$bin/kaiji-bench" generate --count "$count" --corpus "$repo/corpus" --out "$work/corpus" >/dev/null

ids() { xapian-delve -a -1 "$1" | grep '^Q' | sort; }
# Notices committed in the parts of the generation being written.
in_parts() {
  local total=0 n
  for part in "$1"/gen-*/parts/part-*; do
    [ -d "$part" ] || continue
    n=$(xapian-delve "$part" 2>/dev/null | sed -n 's/^number of documents = //p')
    total=$((total + ${n:-0}))
  done
  echo "$total"
}
compacting() { compgen -G "$1/gen-*/shard-0" >/dev/null; }
# Runs the indexer to the end; prints "wall cpu" seconds.
timed_run() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$bin/kaiji-indexer" -q --db "$1" "$work/corpus" >"$work/out" 2>"$work/err"
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time"
}

rm -rf "$work/clean"
read -r clean_wall clean_cpu <<<"$(timed_run "$work/clean")"
ids "$work/clean" >"$work/clean.ids"
notices=$(wc -l <"$work/clean.ids")
echo "clean build: $notices notices, ${clean_wall} s wall, ${clean_cpu} s CPU"

failed=0
for point in ${KILL_POINTS:-5 25 45 60 80 compact}; do
  db="$work/killed"
  rm -rf "$db"
  "$bin/kaiji-indexer" -q --db "$db" "$work/corpus" >/dev/null 2>&1 &
  pid=$!
  if [ "$point" = compact ]; then
    while kill -0 "$pid" 2>/dev/null && ! compacting "$db"; do sleep 0.02; done
  else
    want=$((notices * point / 100))
    while kill -0 "$pid" 2>/dev/null && [ "$(in_parts "$db")" -lt "$want" ]; do sleep 0.1; done
  fi
  committed=$(in_parts "$db")
  kill -9 "$pid" 2>/dev/null || echo "  (the build had already finished)"
  wait "$pid" 2>/dev/null || true
  if ! read -r wall cpu <<<"$(timed_run "$db")"; then
    echo "kill at $point: re-run failed: $(cat "$work/err")"
    failed=1
    continue
  fi
  resumed=$(sed -n 's/.*of which resumed: *\([0-9]*\).*/\1/p' "$work/out")
  if ids "$db" | cmp -s - "$work/clean.ids"; then verdict="same ids"; else verdict="DIFFERENT ids"; failed=1; fi
  printf 'kill at %-7s (%5d committed): re-run %6.2f s wall = %3.0f%%, %6.2f s CPU = %3.0f%% of a clean build; %5d resumed; %s\n' \
    "$point" "$committed" "$wall" "$(echo "$wall * 100 / $clean_wall" | bc -l)" "$cpu" \
    "$(echo "$cpu * 100 / $clean_cpu" | bc -l)" "${resumed:-0}" "$verdict"
done
rm -rf "$work/killed"
exit "$failed"
