#!/usr/bin/env bash
# Proxy benchmark: wrk at 64 and 256 connections against a fake upstream answering after 0 ms and 20 ms,
# direct, through `ponder serve` (single strategy), through nginx as a plain reverse proxy, and through a bare Netty
# relay (the same event-loop design with none of Ponder's work: the floor for a JVM proxy), and through a second
# `ponder serve` with OpenTelemetry on (path otel: every request traced, spans exported over OTLP/HTTP to
# OtlpSink.java), in the same run. The cpu column is the CPU time (user + system) the path's own process spent per
# request (for direct: the upstream's); a last table sets otel against ponder, the cost of telemetry per request.
# Needs wrk and nginx (Debian packages). Usage: [WARM=8] [PATHS="ponder otel"] bench/proxy/run.sh [SECONDS]
# (default 10 s per cell, after WARM seconds of the same load on the same path; PATHS picks some of: direct ponder
# otel nginx bare, all by default)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-10}
warm=${WARM:-8}
paths=" ${PATHS:-direct ponder otel nginx bare} "
want() { [[ $paths == *" $1 "* ]]; }
source "$root/scripts/jdk.sh"
missing=(); for c in wrk $(want nginx && echo nginx); do command -v $c >/dev/null || missing+=($c); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "bench: missing ${missing[*]}; install them (apt-get install wrk nginx-light)"; exit 1; }
  echo "bench: installing ${missing[*]}" >&2
  pkgs=(); for c in "${missing[@]}"; do [ $c = nginx ] && pkgs+=(nginx-light) || pkgs+=($c); done
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}") >/dev/null 2>&1 \
    || { echo "bench: could not install ${pkgs[*]}"; exit 1; }
fi
"$root/ponder" --version >/dev/null  # builds the jar now if sources changed, not inside a path's start-up wait
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
  got_rps[$name]=$rps; got_cpu[$name]=${cpu% us}; got_p99[$name]=$p99
}
declare -A got_rps got_cpu got_p99
ms() { case $1 in *us) echo "${1%us}" | awk '{print $1 / 1000}';; *ms) echo "${1%ms}";; *s) echo "${1%s}" | awk '{print $1 * 1000}';; *) echo "$1";; esac; }
versus=()  # telemetry on (otel) against off (ponder), a row per cell

echo "| path   | upstream | conns | req/s | p50 | p99 | cpu/req | errors"
echo "|---|---|---|---|---|---|---|---|"
for delay in 0 20; do
  # ports below the ephemeral range (32768 and up here), where the previous cells' closed connections may still sit
  up=$((20000 + RANDOM % 10000)); pp=$((up + 1)); np=$((up + 2)); bp=$((up + 3)); op=$((up + 4)); sp=$((up + 5))
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/cli/target/ponder.jar" "$here/FixedDelayUpstream.java" $up $delay >"$tmp/up.log" 2>&1 & pids+=($!); upid=$!
  targets=(); want direct && targets+=("direct $up $upid")
  if want ponder; then
    sed "s/@PORT@/$pp/; s/@UP@/$up/" "$here/ponder.yaml.template" >"$tmp/ponder.yaml"
    "$root/ponder" serve --config "$tmp/ponder.yaml" >"$tmp/ponder.log" 2>&1 & pids+=($!); ppid_=$!  # the launcher's JVM options for serve
    wait_port $pp; targets+=("ponder $pp $ppid_")
  fi
  if want otel; then
    "$JAVA_HOME/bin/java" "$here/OtlpSink.java" $sp >"$tmp/sink.log" 2>&1 & pids+=($!)
    sed "s/@PORT@/$op/; s/@UP@/$up/; s/@SINK@/$sp/" "$here/ponder-otel.yaml.template" >"$tmp/ponder-otel.yaml"
    "$root/ponder" serve --config "$tmp/ponder-otel.yaml" >"$tmp/ponder-otel.log" 2>&1 & pids+=($!); opid=$!
    wait_port $sp; wait_port $op; targets+=("otel $op $opid")
  fi
  if want nginx; then
    mkdir -p "$tmp/ngx"; sed "s#@DIR@#$tmp/ngx#g; s/@PORT@/$np/; s/@UP@/$up/" "$here/nginx.conf.template" >"$tmp/nginx.conf"
    nginx -c "$tmp/nginx.conf" -p "$tmp/ngx" & pids+=($!); npid=$!
    wait_port $np; workers=$(pgrep -P $npid | tr '\n' ' '); targets+=("nginx $np $workers")
  fi
  if want bare; then
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/cli/target/ponder.jar" "$here/BareRelay.java" $bp $up >"$tmp/bare.log" 2>&1 & pids+=($!); bpid=$!
    wait_port $bp; targets+=("bare $bp $bpid")
  fi
  wait_port $up
  # start-up warm-up, once per process, the same for every path: WARM seconds at 256 connections, so a JVM's JIT has
  # seen as many requests at the 20 ms upstream (12,000 a second) as at 0 ms; with only the cell's own warm-up
  # (25,000 requests at 64 connections) C2 was still compiling through the first measured 20 ms cell and its p99
  for target in "${targets[@]}"; do
    set -- $target
    wrk -t2 -c256 -d"${warm}s" -s "$here/post.lua" "http://127.0.0.1:$2/v1/chat/completions" >/dev/null
  done
  for conns in 64 256; do
    got_rps=(); got_cpu=(); got_p99=()
    for target in "${targets[@]}"; do
      set -- $target
      name=$1 port=$2; shift 2
      # every path gets the same warm-up at this load before it is measured (the JVMs compile their hot code meanwhile)
      wrk -t2 -c"$conns" -d"${warm}s" -s "$here/post.lua" "http://127.0.0.1:$port/v1/chat/completions" >/dev/null
      measure "$name" $delay $conns "http://127.0.0.1:$port/v1/chat/completions" "$@"
    done
    if [ -n "${got_cpu[ponder]:-}" ] && [ -n "${got_cpu[otel]:-}" ]; then
      versus+=("$(awk -v d="$delay" -v c="$conns" -v r1="${got_rps[otel]}" -v r0="${got_rps[ponder]}" -v c1="${got_cpu[otel]}" -v c0="${got_cpu[ponder]}" \
        -v p1="$(ms "${got_p99[otel]}")" -v p0="$(ms "${got_p99[ponder]}")" \
        'BEGIN { if (r0 <= 0 || c0 <= 0) { printf "| %5s ms | %4s | no figure | | | |", d, c; exit }
                printf "| %5s ms | %4s | %.3f | %+.1f us | %.2f | %+.2f ms |", d, c, r1 / r0, c1 - c0, c1 / c0, p1 - p0 }')")
    fi
  done
  if want otel; then  # every request the otel path served should have sent its spans (2 each: SERVER, upstream CLIENT)
    sleep 6  # the batch processor sends what it holds every 5 s
    served=$(curl -s "http://127.0.0.1:$op/metrics" | awk '/^ponder_requests_total/ {s += $NF} END {printf "%d", s}')
    took=$(curl -s "http://127.0.0.1:$sp/stats")
    per=$(echo "$took" | awk -v n="$served" '{ gsub(",", ""); if (n > 0) printf "%.4f", $4 / n; else print "-" }')
    echo "(otel at the ${delay} ms upstream: $served requests served; the collector took $took: $per spans a request, 2 when none was dropped)"
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=()
done
if [ ${#versus[@]} -gt 0 ]; then
  echo
  echo "Telemetry on (otel: every request a span exported over OTLP/HTTP) against off (ponder), cell by cell:"
  echo "| upstream | conns | req/s on/off | cpu/req on - off | cpu/req on/off | p99 on - off |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${versus[@]}"
fi
