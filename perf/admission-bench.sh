#!/usr/bin/env bash
# Admission benchmark (issue "Admission service"): one admission instance (-Xmx512m) on the embedded Redis, round
# always open, loopback load from wrk:
#   1. 10,000 distinct players entering as fast as possible (POST /api/v1/queue)
#   2. status polling (GET /api/v1/queue/{id}) with 100,000 waiting tickets (admission paused so they stay waiting)
#   3. redis-benchmark ZADD and ZRANK at the same concurrency against the same Redis, and each endpoint's ratio to it
# Targets on a 2-core machine: entry >= 5,000/s, polling >= 8,000/s, p99 <= 50 ms, no errors.
# Knobs: CONNECTIONS (64), THREADS (2), POLL_SECONDS (15). Output: a table on stdout, raw files in perf/target/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
POLL_SECONDS=${POLL_SECONDS:-15}
export THREADS

perf_need wrk wrk
perf_need redis-benchmark redis-tools
perf_need bc bc
perf_build shared,scripts/local-stack,admission
perf_start_stack REDIS
redis_port=${REDIS_URL##*:}

port=$(perf_free_port)
export TICKETING_ROUND_PERIOD=3600s TICKETING_ROUND_OPEN_FOR=3600s TICKETING_OPS_TOKEN=bench-ops TICKETING_BOT_KEY=bench-bot
export TICKETING_TOKEN_KEYS_FILE="$PERF_OUT/token-keys.json"
perf_start_service admission "$port"
admission_pid=${perf_pids[-1]}
base="http://127.0.0.1:$port"
echo "perf: admission on $base (pid $admission_pid), Redis on :$redis_port"

# keep every ticket waiting: the polling scenario measures 100,000 waiting tickets
curl -fsS -X PUT "$base/api/v1/admin/admission" -H 'Authorization: Bearer bench-ops' -H 'Content-Type: application/json' \
  -d '{"ratePerSecond":0,"openBatch":0,"maxActive":0,"paused":true}' > /dev/null

tickets="$PERF_OUT/tickets"
rm -rf "$tickets"; mkdir -p "$tickets"
run_entry() { # players, prefix, label
  OUT_DIR="$tickets" PLAYERS=$1 NICK_PREFIX=$2 wrk -t"$THREADS" -c"$CONNECTIONS" -d60s --latency \
    -s perf/wrk/entry.lua "$base" > "$PERF_OUT/$3.txt" 2>&1
}
rps() { # entry runs report their own rate (threads stop at their quota); others use wrk's
  if grep -q '^entry-rate:' "$1"; then awk '/^entry-rate:/ {print $(NF)}' "$1" | tr -d '/s'; else awk '/^Requests\/sec/ {print $2}' "$1"; fi
}
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errs() { awk -F'[ ,]+' '/^entry:|^status:/ {print $4 + $6}' "$1"; }

# the JIT needs tens of thousands of requests on 2 busy cores before the entry path runs compiled (measured here: under
# 1,500/s over the first 40,000 entries, a steady 4,000-4,800/s after that); the benchmark measures the steady state
echo "perf: warm-up (60,000 entries, 10 s of polling)…"
run_entry 60000 w warmup-entry
cat "$tickets"/tickets-w*.txt > "$PERF_OUT/all-tickets.txt"
TICKETS="$PERF_OUT/all-tickets.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s perf/wrk/status.lua "$base" > /dev/null 2>&1

echo "perf: 1) 10,000 distinct players entering…"
cpu0=$(perf_cpu_seconds "$admission_pid"); t0=$(date +%s.%N)
run_entry 10000 e entry
cpu1=$(perf_cpu_seconds "$admission_pid"); t1=$(date +%s.%N)
entry_cpu=$(echo "($cpu1 - $cpu0) / ($t1 - $t0) * 100" | bc -l)

echo "perf: filling the queue to 100,000 waiting tickets…"
run_entry 30000 f fill
cat "$tickets"/tickets-*.txt > "$PERF_OUT/all-tickets.txt"
waiting=$(wc -l < "$PERF_OUT/all-tickets.txt")

echo "perf: 2) polling status with $waiting waiting tickets for ${POLL_SECONDS}s…"
cpu0=$(perf_cpu_seconds "$admission_pid"); t0=$(date +%s.%N)
TICKETS="$PERF_OUT/all-tickets.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${POLL_SECONDS}s" --latency \
  -s perf/wrk/status.lua "$base" > "$PERF_OUT/status.txt" 2>&1
cpu1=$(perf_cpu_seconds "$admission_pid"); t1=$(date +%s.%N)
status_cpu=$(echo "($cpu1 - $cpu0) / ($t1 - $t0) * 100" | bc -l)

echo "perf: 3) redis-benchmark ZADD / ZRANK at $CONNECTIONS connections…"
redis-benchmark -h 127.0.0.1 -p "$redis_port" -c "$CONNECTIONS" -n 300000 -r 100000 --csv \
  ZADD 'bench:{z}' __rand_int__ 'm:__rand_int__' > "$PERF_OUT/redis-zadd.csv" 2>/dev/null
redis-benchmark -h 127.0.0.1 -p "$redis_port" -c "$CONNECTIONS" -n 300000 -r 100000 --csv \
  ZRANK 'bench:{z}' 'm:__rand_int__' > "$PERF_OUT/redis-zrank.csv" 2>/dev/null
zadd=$(tail -1 "$PERF_OUT/redis-zadd.csv" | cut -d'"' -f4)
zrank=$(tail -1 "$PERF_OUT/redis-zrank.csv" | cut -d'"' -f4)

entry_rps=$(rps "$PERF_OUT/entry.txt"); status_rps=$(rps "$PERF_OUT/status.txt")
printf '\n== admission benchmark (%s, %d cores, %d connections, wrk %d threads, admission -Xmx512m) ==\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$CONNECTIONS" "$THREADS"
printf '%-34s %12s %10s %8s %9s %14s\n' scenario req/s p99 errors "CPU %" "ratio to Redis"
printf '%-34s %12.0f %10s %8s %9.0f %14.3f\n' "1) entry, 10,000 distinct players" "$entry_rps" "$(p99 "$PERF_OUT/entry.txt")" \
  "$(errs "$PERF_OUT/entry.txt")" "$entry_cpu" "$(echo "$entry_rps / $zadd" | bc -l)"
printf '%-34s %12.0f %10s %8s %9.0f %14.3f\n' "2) status poll, $waiting waiting" "$status_rps" "$(p99 "$PERF_OUT/status.txt")" \
  "$(errs "$PERF_OUT/status.txt")" "$status_cpu" "$(echo "$status_rps / $zrank" | bc -l)"
printf '%-34s %12.0f\n' "3a) redis-benchmark ZADD" "$zadd" "3b) redis-benchmark ZRANK" "$zrank"
printf 'targets: entry >= 5000/s, polling >= 8000/s, p99 <= 50ms, 0 errors. Raw output: %s\n' "$PERF_OUT"
