#!/usr/bin/env bash
# Reproduces the README's Performance figures on this machine, in one go (about 45 minutes on
# 2 cores). Each benchmark prints its figures; the full output is kept in bench/results/<date>.txt.
#   bench/run-all.sh             everything below
#   bench/run-all.sh --quick     smaller sizes, short JMH (about 10 minutes)
#   bench/run-all.sh --million   also the 10^6-account state runs, heap and RocksDB (about 50 minutes
#                                more on 2 cores, 14 GB heap)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
million=false
[[ "${1:-}" == "--quick" ]] && quick=true
[[ "${1:-}" == "--million" ]] && million=true

mvn -B -q -DskipTests package
jar=bench/target/targetwatch-bench.jar
quiet=(-Dorg.slf4j.simpleLogger.defaultLogLevel=error)
mkdir -p bench/results
out="bench/results/$(date -u +%Y-%m-%dT%H%M).txt"

run() {
  echo "== $*" | tee -a "$out"
  "$@" 2>&1 | grep -v -E '^(\s+at |SLF4J|WARNING)| WARN ' | tee -a "$out"
}

{ echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"; } | tee -a "$out"

if $quick; then
  run java "${quiet[@]}" -jar "$jar" end-to-end --accounts 5000 --days 7
  run java "${quiet[@]}" -jar "$jar" latency --accounts 5000 --days 14 --rate 5000 --set detector.grace=7d
  for accounts in 10000 100000; do
    run java "${quiet[@]}" -Xmx6g -jar "$jar" state-cost --accounts "$accounts"
  done
  run java "${quiet[@]}" -jar "$jar" jmh -f 1 -wi 1 -w 1s -i 3 -r 1s
  exit 0
fi

run java "${quiet[@]}" -jar "$jar" end-to-end --accounts 20000 --days 7 --rounds 3
# where the records and the record cache go (DEBUG metrics: its events/s are not comparable)
run java "${quiet[@]}" -jar "$jar" end-to-end --accounts 20000 --days 7 --rounds 1 --cache-hit-ratios \
  --variant cache50m:kafka.statestore.cache.max.bytes=52428800
run java "${quiet[@]}" -jar "$jar" latency --accounts 20000 --days 14 --rate 5000 --set detector.grace=7d --warm-up PT60S
for accounts in 10000 100000; do
  run java "${quiet[@]}" -Xmx6g -jar "$jar" state-cost --accounts "$accounts"
done
for days in 7 28 56; do
  run java "${quiet[@]}" -Xmx6g -jar "$jar" state-cost --accounts 10000 --days "$days"
done
if $million; then
  run java "${quiet[@]}" -Xmx14g -jar "$jar" state-cost --accounts 1000000
  run java "${quiet[@]}" -Xmx10g -jar "$jar" state-cost --accounts 1000000 --rocksdb
fi
for accounts in 10000 100000; do
  run java "${quiet[@]}" -jar "$jar" state-cost --accounts "$accounts" --rocksdb
done
run java "${quiet[@]}" -jar "$jar" jmh -f 1 -wi 3 -w 2s -i 5 -r 2s
echo "figures kept in $out"
