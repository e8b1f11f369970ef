#!/usr/bin/env bash
# Starts HAProxy in front of two replicas, in the foreground (Ctrl+C stops it).
#
# Usage: deploy/start_proxy.sh [bind, default *:8080] [replica 1, default 127.0.0.1:8501]
#                              [replica 2, default 127.0.0.1:8502]
set -euo pipefail
cd "$(dirname "$0")"
export PLAYGROUND_PROXY_BIND="${1:-*:8080}"
export PLAYGROUND_REPLICA_1="${2:-127.0.0.1:8501}"
export PLAYGROUND_REPLICA_2="${3:-127.0.0.1:8502}"
haproxy -c -f haproxy.cfg
exec haproxy -db -f haproxy.cfg
