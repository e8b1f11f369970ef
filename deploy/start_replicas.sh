#!/usr/bin/env bash
# Starts two web replicas of the playground on this machine, both on the Ray cluster.
#
# Usage: RAY_ADDRESS=<head ip>:6379 deploy/start_replicas.sh [first port, default 8501]
# Each replica keeps its own run cache under PLAYGROUND_RUNS_DIR/replica-<port>.
# Stop them with: kill $(cat "$RUNS/replica-8501.pid") $(cat "$RUNS/replica-8502.pid")
set -euo pipefail
cd "$(dirname "$0")/.."
: "${RAY_ADDRESS:?set RAY_ADDRESS to the head node, e.g. 10.0.0.1:6379}"
export PLAYGROUND_BACKEND=ray RAY_ADDRESS
RUNS="${PLAYGROUND_RUNS_DIR:-/tmp/playground-runs}"
first_port="${1:-8501}"
for port in "$first_port" "$((first_port + 1))"; do
  mkdir -p "$RUNS/replica-$port"
  PLAYGROUND_RUNS_DIR="$RUNS/replica-$port" nohup python -m streamlit run app.py \
    --server.port "$port" --server.address 0.0.0.0 --server.headless true \
    > "$RUNS/replica-$port/streamlit.log" 2>&1 &
  echo $! > "$RUNS/replica-$port.pid"
  echo "replica on port $port: pid $(cat "$RUNS/replica-$port.pid"), log $RUNS/replica-$port/streamlit.log"
done
