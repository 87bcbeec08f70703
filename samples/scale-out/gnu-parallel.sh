#!/usr/bin/env bash
# N shards of one URL list on one machine (or, with parallel's --sshlogin, on several) with GNU
# parallel, then one merged report:
#   samples/scale-out/gnu-parallel.sh URLS.txt [N] [OUT]
set -euo pipefail
list="${1:?usage: gnu-parallel.sh URLS.txt [N] [OUT]}"; n="${2:-4}"; out="${3:-out}"
crawl="$(cd "$(dirname "$0")/../.." && pwd)/bin/crawl"
# the one-liner: {} is the shard number 1..N
parallel -j "$n" "$crawl" -q --shard {}/"$n" -o "$out/shard-{}" "$list" ::: $(seq 1 "$n")
"$crawl" merge -o "$out/merged" --list "$list" "$out"/shard-*
