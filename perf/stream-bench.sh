#!/usr/bin/env bash
# Stream benchmark (issue 20, "20,000 live streams per instance"): one admission instance (-Xmx512m) on the embedded
# Redis, round always open, admission paused while STREAMS players open their event streams
# (GET /api/v1/queue/{id}/events, each from its own client address), then resumed at RATE per second until every one
# of them is admitted. perf/tools/StreamBench.java holds the streams (one thread, one selector) and prints:
#   - the live heap per held stream (class histograms before and with them; the classes that grew are in
#     perf/target/stream-heap-classes.txt) and the RSS it adds;
#   - EXTRA streams past capacity (ADMISSION_MAX_STREAMS = STREAMS): their statuses (503 expected);
#   - a status poll's and the readiness check's latency while the instance is full;
#   - once the queue moves: the first change of position after the resume, the gap between position events, a
#     position's age when it arrives, and how late the `admitted` event is after the counter reached the ticket.
# Targets (issue 20): 20,000 streams held at -Xmx512m, position changes within 1 s, `admitted` within one tick (250 ms).
# Knobs: STREAMS (20000, or as many as the open-files limit allows), EXTRA (500), RATE (2000 admitted/s), WARM_STREAMS (2000: a first, unmeasured pass),
# ADMISSION_JAVA_OPTS (extra JVM options for admission, word-split). Raw output in perf/target/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

STREAMS=${STREAMS:-20000}
EXTRA=${EXTRA:-500}
RATE=${RATE:-2000}
WARM_STREAMS=${WARM_STREAMS:-2000}
THREADS=2
export THREADS

# a socket per stream on each side (the bench and admission each hold one per stream), plus the JVMs' own files: a
# machine whose hard limit on open files is lower measures as many streams as fit, and says so
want_files=$((STREAMS + EXTRA + 500))
ulimit -Hn "$want_files" 2>/dev/null || true
if (($(ulimit -Hn) < want_files)); then
  fit=$(($(ulimit -Hn) - EXTRA - 500))
  echo "perf: NOTE this machine allows $(ulimit -Hn) open files per process (ulimit -Hn, not raisable here): measuring" \
    "$fit streams instead of $STREAMS" >&2
  STREAMS=$fit
fi
ulimit -n "$(ulimit -Hn)"

perf_need wrk wrk
perf_build shared,scripts/local-stack,admission
perf_start_stack REDIS

port=$(tw_free_port)
# a round that stays open for the whole bench (ROUND_PERIOD overrides it: e.g. 60s with ROUND_OPEN_FOR=40s to see the
# streams end with their `closed` events)
read -r period _ _ < <(perf_open_round 900)
export TICKETING_ROUND_PERIOD=${ROUND_PERIOD:-${period}s} TICKETING_ROUND_OPEN_FOR=${ROUND_OPEN_FOR:-${period}s}
export TICKETING_OPS_TOKEN=bench-ops TICKETING_BOT_KEY=bench-bot
export TICKETING_TOKEN_KEYS_FILE="$PERF_OUT/token-keys.json"
export ADMISSION_MAX_STREAMS=$STREAMS
# shellcheck disable=SC2086 # ADMISSION_JAVA_OPTS is a list of JVM options
perf_start_service admission "$port" ${ADMISSION_JAVA_OPTS:-}
admission_pid=${perf_pids[-1]}
base="http://127.0.0.1:$port"
echo "perf: admission on $base (pid $admission_pid), max $STREAMS streams"

pause() {
  curl -fsS -X PUT "$base/api/v1/admin/admission" -H 'Authorization: Bearer bench-ops' \
    -H 'Content-Type: application/json' -d '{"ratePerSecond":0,"openBatch":0,"maxActive":0,"paused":true}' > /dev/null
}
tickets="$PERF_OUT/stream-tickets"
enter() { # players, prefix → their ticket ids in $tickets/tickets-<prefix>*.txt
  OUT_DIR="$tickets" PLAYERS=$1 NICK_PREFIX=$2 wrk -t"$THREADS" -c64 -d"$((60 + $1 / 2000))s" \
    -s perf/wrk/entry.lua "$base" > "$PERF_OUT/stream-entry-$2.txt" 2>&1
  cat "$tickets"/tickets-"$2"*.txt
}
bench() { # tickets file, streams, extra
  java perf/tools/StreamBench.java 127.0.0.1 "$port" "$1" "$2" "$3" "$admission_pid" "$RATE" bench-ops "$PERF_OUT"
}
rm -rf "$tickets"; mkdir -p "$tickets"

pause
if ((WARM_STREAMS > 0)); then
  echo "perf: warm-up pass with $WARM_STREAMS streams (not measured)…"
  enter "$WARM_STREAMS" w > "$PERF_OUT/stream-warm-tickets.txt"
  bench "$PERF_OUT/stream-warm-tickets.txt" "$WARM_STREAMS" 0 > "$PERF_OUT/stream-warm.txt"
  pause
fi
echo "perf: $((STREAMS + EXTRA)) players entering, admission paused…"
enter $((STREAMS + EXTRA)) s > "$PERF_OUT/stream-main-tickets.txt"
echo "perf: $STREAMS streams (+ $EXTRA past capacity), then admission at $RATE/s…"
printf '\n== stream benchmark (%s, %d cores, admission -Xmx512m, %d streams, %d past capacity, admitted at %d/s) ==\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$STREAMS" "$EXTRA" "$RATE"
bench "$PERF_OUT/stream-main-tickets.txt" "$STREAMS" "$EXTRA" | tee "$PERF_OUT/stream-bench.txt"
echo "the classes that grew with the streams: $PERF_OUT/stream-heap-classes.txt"
head -16 "$PERF_OUT/stream-heap-classes.txt"
printf 'targets: %d streams at -Xmx512m, position changes within 1 s, admitted within one tick (250 ms); %d past capacity refused with 503\n' \
  "$STREAMS" "$EXTRA"
