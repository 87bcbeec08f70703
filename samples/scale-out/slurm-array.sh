#!/usr/bin/env bash
# N shards of one URL list as a Slurm job array: `sbatch slurm-array.sh urls.txt`. Task K takes
# shard K-MIN+1 of N with `--shard auto` (SLURM_ARRAY_TASK_ID, _MIN, _COUNT). `--resume` makes a
# requeued task skip what it already saved. Afterwards: crawl merge out/shard-*
#SBATCH --job-name=crawl-shards
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=logs/crawl-%A_%a.log
set -euo pipefail
list="${1:?usage: sbatch slurm-array.sh URLS.txt}"
exec bin/crawl --shard auto -m async -c 64 --resume -o "out/shard-$SLURM_ARRAY_TASK_ID" "$list"
