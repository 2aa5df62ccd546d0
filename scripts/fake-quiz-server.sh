#!/usr/bin/env bash
# The fake OpenAI-compatible server with a quiz model (FakeQuiz), for live-style runs of `ponder bench thinking`
# (docs/thinking.md). Usage: scripts/fake-quiz-server.sh [PROBLEMS.jsonl] [MIN_WORDS] [MAX_WORDS] [SEED]; prints its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -B -q -ntp test-compile -pl cli -am >&2
mvn -B -q -ntp dependency:build-classpath -pl cli -Dmdep.outputFile=target/fake-quiz.cp -Dmdep.includeScope=test >&2
own=core/target/classes:core/target/test-classes:stats/target/classes:lab/target/classes:cli/target/classes:cli/target/test-classes
deps=$(tr ':' '\n' < cli/target/fake-quiz.cp | grep -v '/dev/ponder/' | paste -sd:)
exec java -cp "$own:$deps" dev.ponder.cli.bench.FakeQuizServer "${1:-data/thinking/demo-problems.jsonl}" "${2:-800}" "${3:-2000}" "${4:-7}"
