#!/usr/bin/env bash
# Proxy benchmark: wrk at 64 and 256 connections against a fake upstream answering after 0 ms and 20 ms,
# direct, through `ponder serve` (single strategy), through nginx as a plain reverse proxy, and through a bare Netty
# relay (the same event-loop design with none of Ponder's work: the floor for a JVM proxy), in the same run. The cpu
# column is the CPU time (user + system) the path's own process spent per request (for direct: the upstream's).
# Needs wrk and nginx (Debian packages). Usage: [WARM=8] bench/proxy/run.sh [SECONDS]   (default 10 s per cell, after
# WARM seconds of the same load on the same path)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-10}
warm=${WARM:-8}
source "$root/scripts/jdk.sh"
missing=(); for c in wrk nginx; do command -v $c >/dev/null || missing+=($c); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "bench: missing ${missing[*]}; install them (apt-get install wrk nginx-light)"; exit 1; }
  echo "bench: installing ${missing[*]}" >&2
  pkgs=(); for c in "${missing[@]}"; do [ $c = nginx ] && pkgs+=(nginx-light) || pkgs+=($c); done
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}") >/dev/null 2>&1 \
    || { echo "bench: could not install ${pkgs[*]}"; exit 1; }
fi
[ -f "$root/cli/target/ponder.jar" ] || (cd "$root" && mvn -q -B -DskipTests install)
tmp=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
wait_port() { for _ in $(seq 1 600); do (echo > /dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened"; exit 1; }
cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
measure() {  # name delay conns url pids...
  local name=$1 delay=$2 conns=$3 url=$4; shift 4
  local before; before=$(cpu_ticks "$@")
  local out; out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$here/post.lua" "$url")
  local after; after=$(cpu_ticks "$@")
  local rps p50 p99 errs n cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errs=$(echo "$out" | awk '/Non-2xx|Socket errors/ {printf "%s ", $0}')
  cpu=$(awk -v a="$after" -v b="$before" -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN { if (n < 1) n = 1; printf "%.1f us", (a - b) / hz / n * 1e6 }')
  printf "| %-6s | %5s ms | %4s | %10s | %8s | %8s | %8s | %s\n" "$name" "$delay" "$conns" "$rps" "$p50" "$p99" "$cpu" "${errs:-}"
}
echo "| path   | upstream | conns | req/s | p50 | p99 | cpu/req | errors"
echo "|---|---|---|---|---|---|---|---|"
for delay in 0 20; do
  # ports below the ephemeral range (32768 and up here), where the previous cells' closed connections may still sit
  up=$((20000 + RANDOM % 10000)); pp=$((up + 1)); np=$((up + 2)); bp=$((up + 3))
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/cli/target/ponder.jar" "$here/FixedDelayUpstream.java" $up $delay >"$tmp/up.log" 2>&1 & pids+=($!); upid=$!
  sed "s/@PORT@/$pp/; s/@UP@/$up/" "$here/ponder.yaml.template" >"$tmp/ponder.yaml"
  "$root/ponder" serve --config "$tmp/ponder.yaml" >"$tmp/ponder.log" 2>&1 & pids+=($!); ppid_=$!  # the launcher's JVM options for serve
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/cli/target/ponder.jar" "$here/BareRelay.java" $bp $up >"$tmp/bare.log" 2>&1 & pids+=($!); bpid=$!
  mkdir -p "$tmp/ngx"; sed "s#@DIR@#$tmp/ngx#g; s/@PORT@/$np/; s/@UP@/$up/" "$here/nginx.conf.template" >"$tmp/nginx.conf"
  nginx -c "$tmp/nginx.conf" -p "$tmp/ngx" & pids+=($!); npid=$!
  wait_port $up; wait_port $pp; wait_port $np; wait_port $bp
  workers=$(pgrep -P $npid | tr '\n' ' ')
  # start-up warm-up, once per process, the same for every path: WARM seconds at 256 connections, so a JVM's JIT has
  # seen as many requests at the 20 ms upstream (12,000 a second) as at 0 ms; with only the cell's own warm-up
  # (25,000 requests at 64 connections) C2 was still compiling through the first measured 20 ms cell and its p99
  for port in $up $pp $np $bp; do
    wrk -t2 -c256 -d"${warm}s" -s "$here/post.lua" "http://127.0.0.1:$port/v1/chat/completions" >/dev/null
  done
  for conns in 64 256; do
    for target in "direct $up $upid" "ponder $pp $ppid_" "nginx $np $workers" "bare $bp $bpid"; do
      set -- $target
      name=$1 port=$2; shift 2
      # every path gets the same warm-up at this load before it is measured (the JVMs compile their hot code meanwhile)
      wrk -t2 -c"$conns" -d"${warm}s" -s "$here/post.lua" "http://127.0.0.1:$port/v1/chat/completions" >/dev/null
      measure "$name" $delay $conns "http://127.0.0.1:$port/v1/chat/completions" "$@"
    done
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=()
done
