#!/usr/bin/env bash
# Streams a vote@8 answer from the proxy with curl, as docs/proxy.md shows, and checks the event stream:
# progress comments, content chunks, a usage chunk with the ponder field, then [DONE].  Usage: curl-stream.sh BASE_URL
set -euo pipefail
base=$1
q='Two fair 6-sided dice are rolled.  What is the probability the sum rolled is 9?'
body=$(printf '{"model": "vote@8:replay:math-qwen25-rm8", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "user", "content": "%s"}]}' "$q")
out=$(curl -sN --fail-with-body --max-time 30 -H 'Content-Type: application/json' -d "$body" "$base/chat/completions")
echo "$out" | grep -q '^: sample 8/8 answer=' || { echo "no progress comment for sample 8/8"; exit 1; }
echo "$out" | grep -q '^data: {.*"delta":{"role":"assistant","content":' || { echo "no content chunk"; exit 1; }
echo "$out" | grep -q '^data: {.*"choices":\[\],"usage":{.*"ponder":{"strategy":"vote@8"' || { echo "no usage chunk with the ponder field"; exit 1; }
[ "$(echo "$out" | grep -v '^$' | tail -1)" = "data: [DONE]" ] || { echo "the stream does not end with [DONE]"; exit 1; }
echo "ok: $(echo "$out" | grep -c '^: sample') progress comments, $(echo "$out" | grep -c '^data: {') chunks"
