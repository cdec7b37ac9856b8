#!/usr/bin/env bash
# Booking benchmark (issue "Booking service"): booking (-Xmx512m) on the embedded Redis, MariaDB and ElasticMQ, rounds
# always open, admission tokens minted locally with the shared module (perf/tools/MintTokens.java), loopback load
# from wrk:
#   1. confirmations end to end: booking on a 26 x FLOW_COLUMNS (2000) venue; after warm-up bookings on rows F-Z (see warm_flow),
#      PLAYERS bots hold a distinct seat of rows A-E each (1a), then book it (1b; FLOW_MODE=interleaved books each hold
#      as soon as it answers, perf/wrk/booking-flow.lua); then MariaDB is polled until every accepted booking is a row.
#      Reports the POST booking rate, confirmations/s from the first booking POST to the last CONFIRMED row, and the
#      confirmation lag (row confirmed_at - booked_at) p50/p99.
#   2. contended holds: a second booking instance with the default 10 x 10 venue (100 seats) in another round, random
#      seats, HOLD_SECONDS long (perf/wrk/booking-holds.lua), twice: 2a) a player refused seat-taken retries with its
#      token, 2b) a new bot token per attempt; 201 and 409 seat-taken are both valid; no seat may have two holders.
#   3. ratio base: the raw MariaDB rate of booking's listener write (batches of 10 rows INSERT … ON DUPLICATE KEY
#      UPDATE, one transaction each) into a scratch copy of the bookings table (perf/tools/UpsertBench.java).
#   4. ElasticMQ alone: SendMessageBatch / ReceiveMessage (10) / DeleteMessageBatch on a scratch queue
#      (perf/tools/SqsBench.java): msg/s and the stack JVM's CPU per message.
# Targets on a 2-core machine: confirmations >= 1,000/s with lag p99 <= 2 s; contended holds >= 3,000/s; no errors;
# no seat held twice or sold twice. Knobs: see perf/benchmarks.md (booking-bench.sh).
# Output: a table on stdout, raw files in perf/target/ (booking-*.txt, booking-flow.log, booking-holds.log, …).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PLAYERS=${PLAYERS:-5000}
HOLD_SECONDS=${HOLD_SECONDS:-15}
CONTENDED_TOKENS=${CONTENDED_TOKENS:-70000}
CONTENDED_HOLD_TTL=${CONTENDED_HOLD_TTL:-5}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-180}
UPSERT_ROWS=${UPSERT_ROWS:-20000}
PROFILE=${PROFILE:-0}
ASYNC_PROFILER=${ASYNC_PROFILER:-}
# scenario 2 runs twice: 2a) players refused seat-taken retry with their token (as bots and people do), 2b) a new
# player per attempt; HOLDS_RETRY=1 / 0 runs only 2a / 2b
HOLDS_RETRY=${HOLDS_RETRY:-both}
# PIN=1 (2+ cores): booking on CPU 1 alone, sized for it (the JVM sees one processor), and everything else (ElasticMQ,
# MariaDB, Redis, wrk, this script's tools) on CPU 0: booking's own cost per booking, as issue 18 measures it
PIN=${PIN:-0}
host_cores=$(nproc) # before any pinning, which would make nproc count one
pinning="not pinned: every process shares all cores"
CONTENDED_RETRY_TOKENS=${CONTENDED_RETRY_TOKENS:-10000}
export THREADS
# Booking's first MySQL connection (TLS is negotiated with MariaDB 11.4) must come within Hikari's 2 s or Flyway fails the
# start-up; on a loaded machine it may not: Flyway retries it (start-up only, no effect on the measured paths), and a
# failed start is tried again.
export PERF_START_ATTEMPTS=${PERF_START_ATTEMPTS:-3}
BOOKING_JVM_ARGS=(-Dspring.flyway.connect-retries=10 -Dspring.flyway.connect-retries-interval=1s)
# extra JVM options for both booking instances (A/B of flags), e.g. BOOKING_JAVA_OPTS="-XX:TieredStopAtLevel=1"
read -r -a booking_java_opts <<<"${BOOKING_JAVA_OPTS:-}"
BOOKING_JVM_ARGS+=("${booking_java_opts[@]}")

# venue of scenario 1: 26 x FLOW_COLUMNS, rows A-E for the measured players, rows F-Z for the warm-up bookings: C2
# compiles a method after ~5,000-15,000 calls, so a booking path warmed by fewer bookings still compiles during the
# measurement; on two busy cores the compile queue also takes time to drain, so the warm-up goes on (up to
# WARM_MAX_PLAYERS bookings, while seats last: 21 x FLOW_COLUMNS) until the JIT's threads use less than
# WARM_JIT_PERCENT % of a core (prehold mode). Pinned (PIN=1), booking's compiler has one core, not two, and needs
# some 90,000 bookings to quiet down: the venue is then 26 x 6000 (up to 126,000 warm-up bookings) and the warm-up goes
# on until the JIT uses less than 5 % of that core (15 % of one core would be a seventh of booking's CPU still compiling)
FLOW_ROWS=ABCDE
WARM_ROWS=FGHIJKLMNOPQRSTUVWXYZ
pinned_default() { if [[ ${PIN:-0} == 1 ]]; then echo "$1"; else echo "$2"; fi; }
FLOW_COLUMNS=${FLOW_COLUMNS:-$(pinned_default 6000 2000)}
WARM_PLAYERS=${WARM_PLAYERS:-15000}
warm_cap=$(pinned_default 126000 42000)
WARM_MAX_PLAYERS=${WARM_MAX_PLAYERS:-$((21 * FLOW_COLUMNS < warm_cap ? 21 * FLOW_COLUMNS : warm_cap))}
# prehold: every player holds first (1a), then the booking POSTs alone are measured (1b, 1c: POST -> CONFIRMED row);
# interleaved: a player books as soon as its hold answers, holds and bookings share the measured window
FLOW_MODE=${FLOW_MODE:-prehold}
# scenario 1's holds must outlive the hold phase: they are booked only after every player has held
FLOW_HOLD_TTL=${FLOW_HOLD_TTL:-600}
# scenario 2's warm-up (holds only, one TTL of rest after it)
CONTENDED_WARM_SECONDS=${CONTENDED_WARM_SECONDS:-30}
# …and then more 10 s rounds until booking's JIT compiler threads use less than WARM_JIT_PERCENT % of a core
WARM_JIT_PERCENT=${WARM_JIT_PERCENT:-$(pinned_default 5 15)}
CONTENDED_WARM_MAX_SECONDS=${CONTENDED_WARM_MAX_SECONDS:-90}
SQS_MESSAGES=${SQS_MESSAGES:-20000}
((FLOW_COLUMNS >= 1000 && FLOW_COLUMNS <= 10000)) || { echo "perf: FLOW_COLUMNS must be 1000..10000" >&2; exit 2; }
((PLAYERS >= 1 && PLAYERS <= 5 * FLOW_COLUMNS)) || { echo "perf: PLAYERS must be 1..$((5 * FLOW_COLUMNS)) (rows A-E)" >&2; exit 2; }
((WARM_PLAYERS >= 1 && WARM_PLAYERS <= WARM_MAX_PLAYERS && WARM_MAX_PLAYERS <= 21 * FLOW_COLUMNS)) \
  || { echo "perf: 1 <= WARM_PLAYERS <= WARM_MAX_PLAYERS <= $((21 * FLOW_COLUMNS)) (rows F-Z x $FLOW_COLUMNS)" >&2; exit 2; }
[[ $FLOW_MODE == prehold || $FLOW_MODE == interleaved ]] || { echo "perf: FLOW_MODE is prehold or interleaved" >&2; exit 2; }
# warm-up holds: a fresh JVM on 2 cores is still JIT-compiling (C1+C2 busy ~1 core) a minute into the load, so each
# instance first takes WARM_SECONDS of holds (one token each, at most the given number of tokens)
WARM_SECONDS=${WARM_SECONDS:-15}
WARM_HOLD_TOKENS=${WARM_HOLD_TOKENS:-20000}         # warm-up holds on instance 1
CONTENDED_WARM_TOKENS=${CONTENDED_WARM_TOKENS:-60000} # warm-up holds on instance 2 (the first 30 s: one per attempt)
BOT_KEY=bench-bot

perf_need wrk wrk
perf_need bc bc
perf_need python3 python3
perf_build shared,scripts/local-stack,booking
booking_jar=$(perf_jar booking)
tools_cp=$(perf_boot_libs "$booking_jar" "$PERF_OUT/tools-lib" shared nimbus-jose-jwt mysql-connector-j)
stats() { python3 perf/tools/bench_stats.py "$@"; }

out="$PERF_OUT/booking"
rm -rf "$out" "$PERF_OUT"/booking-*.txt "$PERF_OUT"/booking-*.log*; mkdir -p "$out"/tokens "$out"/flow-warm "$out"/flow-warm-held "$out"/flow "$out"/flow-held "$out"/holds-warm "$out"/holds "$out"/holds-retry

# two rounds, both open for the whole run: one per booking instance, so their Redis keys never meet
read -r period1 start1 round1 < <(perf_open_round 900)
read -r period2 _ round2 < <(perf_open_round 900 "$start1")
echo "perf: rounds $round1 (period ${period1}s) and $round2 (period ${period2}s), both open for the whole run"

echo "perf: minting bot tokens (shared TokenKeys + AdmissionTokenIssuer) while the stack starts…"
java -cp "$tools_cp" perf/tools/MintTokens.java "$out/token-keys.json" "$out/token-jwks.json" \
  "$round1:$WARM_MAX_PLAYERS:w:$out/tokens/flow-warm.txt" \
  "$round1:$WARM_HOLD_TOKENS:x:$out/tokens/flow-warm-holds.txt" \
  "$round1:$PLAYERS:f:$out/tokens/flow.txt" \
  "$round2:$CONTENDED_WARM_TOKENS:y:$out/tokens/holds-warm.txt" \
  "$round2:$CONTENDED_RETRY_TOKENS:r:$out/tokens/holds-retry.txt" \
  "$round2:$CONTENDED_TOKENS:c:$out/tokens/holds.txt" > "$out/mint.txt" 2>&1 &
mint_pid=$!
perf_pids+=("$mint_pid")

# a stack directory of its own: admission-bench.sh (perf/target/stack) may run at the same time without either wiping
# the other's data or stopping the other's servers through their pid files
export PERF_STACK_DIR="$PERF_OUT/stack-booking" PERF_STACK_LOG="$PERF_OUT/booking-stack.log"
if ((PIN == 1)) && ((host_cores >= 2)); then
  taskset -p -c 0 $$ > /dev/null # this shell and all it starts from here on (the stack, wrk, the tools)
  perf_service_prefix=(taskset -c 1)
  pinning="booking alone on CPU 1; the stack, MariaDB, Redis and wrk on CPU 0"
fi
perf_start_stack REDIS,MYSQL,SQS
stack_pid=${perf_pids[-1]}
wait "$mint_pid" || { cat "$out/mint.txt" >&2; echo "perf: minting tokens failed" >&2; exit 1; }
perf_forget_pid "$mint_pid"
stack_dir="$PERF_STACK_DIR"
redis_pid=$(cat "$stack_dir/redis.pid" 2>/dev/null || true)
mariadb_pid=$(cat "$stack_dir/mariadb.pid" 2>/dev/null || true)
[[ $MYSQL_URL =~ ^jdbc:[a-z]+://([^:/]+):([0-9]+)/([^?]+) ]] || { echo "perf: cannot read MYSQL_URL $MYSQL_URL" >&2; exit 1; }
db_host=${BASH_REMATCH[1]} db_port=${BASH_REMATCH[2]} db_name=${BASH_REMATCH[3]}
mariadb_client=${MARIADB_CLIENT:-$stack_dir/mariadb-base/bin/mariadb}
[[ -x $mariadb_client ]] || mariadb_client=$(command -v mariadb || command -v mysql) \
  || { echo "perf: no MariaDB client (set MARIADB_CLIENT)" >&2; exit 1; }
sql() { # one query as the service user, UTC session, tab-separated without headers
  MYSQL_PWD="$MYSQL_PASSWORD" "$mariadb_client" --protocol=TCP -h "$db_host" -P "$db_port" -u "$MYSQL_USER" --skip-ssl -N -B \
    "$db_name" -e "SET time_zone = '+00:00'; $1"
}

cpu_of() { if [[ -n $1 && -r /proc/$1/stat ]]; then perf_cpu_seconds "$1"; else echo 0; fi; }
cpu_mark() { # booking pid → "epoch booking-cpu stack-cpu mariadb-cpu redis-cpu host-busy host-total"
  echo "$(date +%s.%N) $(cpu_of "$1") $(cpu_of "$stack_pid") $(cpu_of "$mariadb_pid") $(cpu_of "$redis_pid")" \
    "$(perf_host_jiffies)"
}
cpu_between() { # mark0 mark1 → "booking% stack% mariadb% redis% host-busy%" (% of one core; host: of all cores)
  python3 - "$1" "$2" <<'EOF'
import sys
a, b = [list(map(float, s.split())) for s in sys.argv[1:3]]
dt = b[0] - a[0]
print(" ".join("%.0f" % ((b[i] - a[i]) / dt * 100) for i in range(1, 5)),
      "%.0f" % ((b[5] - a[5]) / max(1.0, b[6] - a[6]) * 100))
EOF
}
jfr_start() { # pid, recording file (PROFILE=1 only; ASYNC_PROFILER: async-profiler instead of JFR's sampler)
  [[ $PROFILE == 1 ]] || return 0
  if [[ -n $ASYNC_PROFILER ]]; then
    java perf/tools/LoadAgent.java "$1" "$ASYNC_PROFILER" "start,event=itimer,interval=1ms,jfr,file=$2" > /dev/null
  else
    jcmd "$1" JFR.start name=bench settings=profile filename="$2" > /dev/null
  fi
}
jfr_stop() { # pid, recording file → <file>.cpu.txt: where booking's sampled CPU went
  [[ $PROFILE == 1 ]] || return 0
  if [[ -n $ASYNC_PROFILER ]]; then
    java perf/tools/LoadAgent.java "$1" "$ASYNC_PROFILER" "stop,jfr,file=$2" > /dev/null
  else
    jcmd "$1" JFR.stop name=bench > /dev/null
  fi
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$2" > "$2.samples.txt"
  stats jfr-cpu "$2.samples.txt" > "$2.cpu.txt"
}
threads_snap() { python3 perf/tools/thread_cpu.py snap "$1" > "$2" 2>/dev/null || true; } # pid, file
threads_diff() { # file0, file1, mark0, mark1, requests → booking's CPU by thread group (% of a core, ms per request)
  local seconds
  seconds=$(echo "$(cut -d' ' -f1 <<<"$4") - $(cut -d' ' -f1 <<<"$3")" | bc -l)
  python3 perf/tools/thread_cpu.py diff "$1" "$2" "$seconds" "$5" 2>/dev/null || echo "n/a"
}
# the JIT compiler threads' share of a core (%) between jit_begin and jit_end of one booking pid → $jit
jit_begin() { threads_snap "$1" "$out/threads-warm-0.txt"; jit_mark=$(cpu_mark "$1"); }
jit_end() {
  local mark
  mark=$(cpu_mark "$1")
  threads_snap "$1" "$out/threads-warm-1.txt"
  jit=$(threads_diff "$out/threads-warm-0.txt" "$out/threads-warm-1.txt" "$jit_mark" "$mark" 1 \
    | grep -oP 'C# CompilerThre \K[0-9]+' || echo 0)
}
p99() { awk '$1 == "99%" {print $2}' "$1"; }
field() { sed -n "s/^$2: *//p" "$1" | head -1; } # file, key → rest of the line

# ---------------------------------------------------------------------------------------------------- scenario 1
port1=$(tw_free_port)
export TICKETING_ROUND_PERIOD=${period1}s TICKETING_ROUND_OPEN_FOR=${period1}s TICKETING_BOT_KEY=$BOT_KEY
export TICKETING_TOKEN_KEYS="$(cat "$out/token-jwks.json")"
export TICKETING_VENUE_ROWS=26 TICKETING_VENUE_COLUMNS=$FLOW_COLUMNS TICKETING_HOLD_TTL=${FLOW_HOLD_TTL}s
PERF_SERVICE_LOG=booking-flow perf_start_service booking "$port1" "${BOOKING_JVM_ARGS[@]}"
booking1_pid=${perf_pids[-1]}
base1="http://127.0.0.1:$port1"
echo "perf: booking on $base1 (pid $booking1_pid, venue 26x$FLOW_COLUMNS), stack pid $stack_pid, MariaDB :$db_port"

flow() { # tokens, players, seat rows, prefix, out dir, report (env PHASE, HELD_DIR: see booking-flow.lua)
  TOKENS=$1 PLAYERS=$2 SEAT_ROWS=$3 SEAT_COLUMNS=$FLOW_COLUMNS PREFIX=$4 OUT_DIR=$5 ROUND=$round1 BOT_KEY=$BOT_KEY \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d240s --timeout 10s --latency -s perf/wrk/booking-flow.lua "$base1" > "$6" 2>&1
}
holds() { # base, round, tokens, seconds, seat rows, seat columns, prefix, out dir, report (env RETRY: 0/1)
  TOKENS=$3 DURATION=$4 SEAT_ROWS=$5 SEAT_COLUMNS=$6 PREFIX=$7 OUT_DIR=$8 ROUND=$2 BOT_KEY=$BOT_KEY RETRY=${RETRY:-0} \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d$(($4 + 60))s --timeout 10s --latency -s perf/wrk/booking-holds.lua "$1" > "$9" 2>&1
}
rows_of() { # round, seat filter → "confirmed rejected"
  sql "SELECT (SELECT COUNT(*) FROM bookings WHERE round_id = '$1' AND $2),
              (SELECT COUNT(*) FROM rejected_bookings WHERE round_id = '$1' AND $2)"
}
drain() { # round, seat filter, expected rows, timeout s → waits until confirmed + rejected >= expected
  local deadline=$(($(date +%s) + $4)) c r
  while :; do
    read -r c r < <(rows_of "$1" "$2")
    ((c + r >= $3)) && return 0
    (($(date +%s) >= deadline)) && { echo "perf: only $c confirmed + $r rejected of $3 after $4 s" >&2; return 1; }
    sleep 0.25
  done
}

echo "perf: warm-up (at least $WARM_PLAYERS hold+book on rows F-Z, more until booking's JIT compiler threads use" \
  "< ${WARM_JIT_PERCENT}% of a core, then ${WARM_SECONDS} s of holds on their seats)…"
# the warm-up bookings follow the measured scenario's pattern: in prehold mode, groups of whole rows (PLAYERS or more
# seats) are held in full and then booked, as 1a and 1b are, at least WARM_PLAYERS bookings and then more groups until
# the JIT's share during a group's bookings is below WARM_JIT_PERCENT. Warmed with 15,000 interleaved hold+book only,
# the measured POSTs ran 80-110 s into the JVM's life with ~130 compilations a second (PrintCompilation) and the
# compiler threads took 0.4-0.6 ms of CPU per booking.
warm_flow() {
  if [[ $FLOW_MODE == interleaved ]]; then
    flow "$out/tokens/flow-warm.txt" "$WARM_PLAYERS" "$WARM_ROWS" w "$out/flow-warm" "$PERF_OUT/booking-flow-warmup.txt"
    return
  fi
  local rows_per=$(((PLAYERS + FLOW_COLUMNS - 1) / FLOW_COLUMNS)) done=0 group=0 n rows
  while ((done < WARM_PLAYERS || jit >= WARM_JIT_PERCENT)); do
    n=$((rows_per * FLOW_COLUMNS))
    ((done >= WARM_PLAYERS || n <= WARM_PLAYERS - done)) || n=$((WARM_PLAYERS - done))
    ((n <= WARM_MAX_PLAYERS - done)) || n=$((WARM_MAX_PLAYERS - done))
    rows=${WARM_ROWS:group*rows_per:rows_per}
    ((n > 0 && ${#rows} == rows_per)) || break
    sed -n "$((done + 1)),$((done + n))p" "$out/tokens/flow-warm.txt" > "$out/tokens/flow-warm-$group.txt"
    PHASE=hold flow "$out/tokens/flow-warm-$group.txt" "$n" "$rows" "w$group" "$out/flow-warm-held" \
      "$PERF_OUT/booking-flow-warmup-$group-hold.txt"
    jit_begin "$booking1_pid"
    PHASE=book HELD_DIR="$out/flow-warm-held" flow "$out/tokens/flow-warm-$group.txt" "$n" "$rows" "w$group" \
      "$out/flow-warm" "$PERF_OUT/booking-flow-warmup-$group.txt"
    jit_end "$booking1_pid"
    done=$((done + n)) group=$((group + 1))
    flow_warm_note="$done warm-up bookings, JIT compiler threads ${jit}% of a core during the last $n"
    echo "perf:   warm-up: $flow_warm_note, $(field "$PERF_OUT/booking-flow-warmup-$((group - 1)).txt" book-rate)"
  done
}
jit=100
warm_flow
warm_booked=$(cat "$out"/flow-warm/bookings-*.txt | wc -l)
drain "$round1" "seat_id REGEXP '^[F-Z]-'" "$warm_booked" 300 || true
if ((WARM_SECONDS > 0)); then
  holds "$base1" "$round1" "$out/tokens/flow-warm-holds.txt" "$WARM_SECONDS" "$WARM_ROWS" "$FLOW_COLUMNS" x \
    "$out/holds-warm" "$PERF_OUT/booking-flow-warmup-holds.txt"
fi

flow_filter="seat_id REGEXP '^[A-E]-'"
if [[ $FLOW_MODE == prehold ]]; then
  echo "perf: 1a) $PLAYERS players each hold a distinct seat…"
  mark_h0=$(cpu_mark "$booking1_pid")
  PHASE=hold flow "$out/tokens/flow.txt" "$PLAYERS" "$FLOW_ROWS" f "$out/flow-held" "$PERF_OUT/booking-flow-holds.txt"
  mark_h1=$(cpu_mark "$booking1_pid")
  read -r cpuH_booking _ < <(cpu_between "$mark_h0" "$mark_h1")
  hold_phase_rps=$(field "$PERF_OUT/booking-flow-holds.txt" flow-rate | awk '{print $(NF)}' | tr -d '/s')
  hold_phase_errors=$(field "$PERF_OUT/booking-flow-holds.txt" flow-errors | awk '{print $1 + $(NF-2)}')
  echo "perf: 1b) …then they book their holds; then MariaDB until every booking is a row…"
else
  echo "perf: 1) $PLAYERS players: hold a distinct seat, book it; then MariaDB until every booking is a row…"
fi
curl -fsS "$base1/actuator/prometheus" > "$out/prom-before.txt"
threads_snap "$booking1_pid" "$out/threads-flow-0.txt"
mark0=$(cpu_mark "$booking1_pid")
jfr_start "$booking1_pid" "$out/booking-flow.jfr"
if [[ $FLOW_MODE == prehold ]]; then
  PHASE=book HELD_DIR="$out/flow-held" flow "$out/tokens/flow.txt" "$PLAYERS" "$FLOW_ROWS" f "$out/flow" \
    "$PERF_OUT/booking-flow.txt"
else
  flow "$out/tokens/flow.txt" "$PLAYERS" "$FLOW_ROWS" f "$out/flow" "$PERF_OUT/booking-flow.txt"
fi
mark_posted=$(cpu_mark "$booking1_pid")
threads_snap "$booking1_pid" "$out/threads-flow-1.txt"
accepted=$(grep -oP '\d+(?= booked \(202\))' "$PERF_OUT/booking-flow.txt" || echo 0)
drained=yes
drain "$round1" "$flow_filter" "$accepted" "$DRAIN_TIMEOUT" || drained=no
mark1=$(cpu_mark "$booking1_pid")
jfr_stop "$booking1_pid" "$out/booking-flow.jfr"
curl -fsS "$base1/actuator/prometheus" > "$out/prom-after.txt"
read -r confirmed rejected < <(rows_of "$round1" "$flow_filter")

# every 202 is a CONFIRMED row, nothing else is
cut -d' ' -f1 "$out"/flow/bookings-*.txt | sort > "$out/accepted-ids.txt"
sql "SELECT booking_id FROM bookings WHERE round_id = '$round1' AND $flow_filter" | sort > "$out/confirmed-ids.txt"
missing=$(comm -23 "$out/accepted-ids.txt" "$out/confirmed-ids.txt" | wc -l)
unexpected=$(comm -13 "$out/accepted-ids.txt" "$out/confirmed-ids.txt" | wc -l)
# confirmation lag per row (ms) and the end-to-end span: first booking POST → last CONFIRMED row
sql "SELECT TIMESTAMPDIFF(MICROSECOND, booked_at, confirmed_at) / 1000 FROM bookings
     WHERE round_id = '$round1' AND $flow_filter" > "$out/lag-ms.txt"
read -r lag_n lag_p50 lag_p99 lag_max _ < <(stats percentiles "$out/lag-ms.txt")
last_confirmed=$(sql "SELECT UNIX_TIMESTAMP(MAX(confirmed_at)) FROM bookings WHERE round_id = '$round1' AND $flow_filter")
first_post=$(field "$PERF_OUT/booking-flow.txt" first-book-epoch)
e2e_rate=0
if [[ -n $first_post && $last_confirmed != NULL && $confirmed -gt 0 ]]; then
  e2e_rate=$(echo "$confirmed / ($last_confirmed - $first_post)" | bc -l)
fi
read -r prom_n prom_p50 prom_p99 < <(stats prom-hist "$out/prom-before.txt" "$out/prom-after.txt" ticketing_confirmation_lag_seconds)
read -r sends send_fill < <(stats prom-mean "$out/prom-before.txt" "$out/prom-after.txt" ticketing_queue_send_batch)
read -r receives receive_fill < <(stats prom-mean "$out/prom-before.txt" "$out/prom-after.txt" ticketing_queue_receive_batch)
# the seat map of an OPEN round is for admitted players only (SPEC §5): read it with one of the round's tokens
curl -fsS -H "Authorization: Bearer $(head -1 "$out/tokens/flow.txt")" "$base1/api/v1/rounds/$round1/seats" \
  > "$out/flow-seats.json"
# the measured rows A-E (the warm-up's holds on rows F-Z may still be live)
read -r sold_seats held_seats < <(python3 -c 'import json,sys; s=[x for x in json.load(open(sys.argv[1]))["seats"] if x["row"] <= "E"]; print(sum(x["status"]=="SOLD" for x in s), sum(x["status"]=="HELD" for x in s))' "$out/flow-seats.json")
dlq=$(grep -c 'left for the DLQ' "$PERF_OUT/booking-flow.log" || true)
read -r cpu1_booking cpu1_stack cpu1_mariadb cpu1_redis cpu1_host < <(cpu_between "$mark0" "$mark1")
# booking's own CPU (all its threads, the JIT's included) per CONFIRMED booking, first POST to the last row
cpu_per_booking=$(python3 -c 'import sys; a, b = (float(x.split()[1]) for x in sys.argv[1:3]); n = int(sys.argv[3]); print("%.2f" % ((b - a) * 1000 / n) if n else "-")' "$mark0" "$mark1" "${confirmed:-0}")
read -r cpuP_booking cpuP_stack cpuP_mariadb cpuP_redis cpuP_host < <(cpu_between "$mark0" "$mark_posted")
threads1=$(threads_diff "$out/threads-flow-0.txt" "$out/threads-flow-1.txt" "$mark0" "$mark_posted" "${accepted:-0}")
flow_rps=$(field "$PERF_OUT/booking-flow.txt" flow-rate | awk '{print $(NF)}' | tr -d '/s')
book_rps=$(field "$PERF_OUT/booking-flow.txt" book-rate | awk '{print $(NF)}' | tr -d '/s')
flow_errors=$(field "$PERF_OUT/booking-flow.txt" flow-errors | awk '{print $1 + $(NF-2)}')
e2e_errors=$((missing + unexpected + rejected + flow_errors))

# ---------------------------------------------------------------------------------------------------- ratio base
echo "perf: 3) raw MariaDB batched upsert (batch 10, as booking's listener) into a scratch copy of bookings…"
java -cp "$tools_cp" perf/tools/UpsertBench.java "$MYSQL_URL" "$MYSQL_USER" "$MYSQL_PASSWORD" "$UPSERT_ROWS" 10 2 16 \
  > "$PERF_OUT/booking-upsert.txt" 2>&1
upsert2=$(awk '/^upsert: concurrency 2 / {for (i = 1; i <= NF; i++) if ($(i) == "rows/s,") print $(i - 1)}' "$PERF_OUT/booking-upsert.txt")
upsert16=$(awk '/^upsert: concurrency 16 / {for (i = 1; i <= NF; i++) if ($(i) == "rows/s,") print $(i - 1)}' "$PERF_OUT/booking-upsert.txt")
upsert2_p99=$(sed -n 's/^upsert: concurrency 2 .*p99 \([0-9.]*\) ms/\1ms/p' "$PERF_OUT/booking-upsert.txt")
upsert16_p99=$(sed -n 's/^upsert: concurrency 16 .*p99 \([0-9.]*\) ms/\1ms/p' "$PERF_OUT/booking-upsert.txt")
[[ -n $upsert2 && -n $upsert16 ]] || { cat "$PERF_OUT/booking-upsert.txt" >&2; echo "perf: upsert benchmark failed" >&2; exit 1; }

perf_stop_pid "$booking1_pid"

echo "perf: 4) ElasticMQ alone: SendMessageBatch 10 / ReceiveMessage 10 (long poll) / DeleteMessageBatch 10 (perf/tools/SqsBench.java)…"
java -Dlogback.configurationFile=perf/tools/quiet-logback.xml -cp "$(cat scripts/local-stack/target/classpath.txt)" \
  perf/tools/SqsBench.java "$SQS_ENDPOINT" "$stack_pid" "$SQS_MESSAGES" batched > "$PERF_OUT/booking-sqs.txt" 2>&1 || true
sqs_rate=$(sed -n 's/^sqs: batched .* = \([0-9]*\) msg\/s.*/\1/p' "$PERF_OUT/booking-sqs.txt")
sqs_cpu=$(sed -n 's/^sqs: batched .*ElasticMQ CPU \([0-9.]*\) ms per message (\([0-9]*\) %.*/\1 ms\/msg, \2%/p' "$PERF_OUT/booking-sqs.txt")

# ---------------------------------------------------------------------------------------------------- scenario 2
runs2=() # HOLDS_RETRY: both (default), 1 (2a only), 0 (2b only), none (skip scenario 2)
[[ $HOLDS_RETRY == 0 || $HOLDS_RETRY == none ]] || runs2+=(retry)
[[ $HOLDS_RETRY == 1 || $HOLDS_RETRY == none ]] || runs2+=(single)
if ((${#runs2[@]} > 0)); then
port2=$(tw_free_port)
export TICKETING_ROUND_PERIOD=${period2}s TICKETING_ROUND_OPEN_FOR=${period2}s TICKETING_HOLD_TTL=${CONTENDED_HOLD_TTL}s
unset TICKETING_VENUE_ROWS TICKETING_VENUE_COLUMNS
# 2a's players retry a taken seat at once, as long as the run lasts: with all 100 seats held for a TTL, each would spend
# its 60 holds per 10 s in a second and get 429s (decision 0010's per-ticket budget, right for a real client); this
# scenario measures the hold path, so the budget is lifted here as admission-bench lifts the poll budgets
export BOOKING_HOLDS_PER_TICKET=1000000
PERF_SERVICE_LOG=booking-holds perf_start_service booking "$port2" "${BOOKING_JVM_ARGS[@]}"
booking2_pid=${perf_pids[-1]}
base2="http://127.0.0.1:$port2"
echo "perf: booking on $base2 (pid $booking2_pid, default 10x10 venue, hold TTL ${CONTENDED_HOLD_TTL}s)"
echo "perf: warm-up (${CONTENDED_WARM_SECONDS} s of contended holds, then 10 s rounds until booking's JIT compiler threads use" \
  "< ${WARM_JIT_PERCENT}% of a core, at most ${CONTENDED_WARM_MAX_SECONDS} s), then the warm-up's holds run out…"
# first a new player per attempt (2b's path: every token checked in full), then rounds of retrying players (2a's)
RETRY=0 holds "$base2" "$round2" "$out/tokens/holds-warm.txt" "$CONTENDED_WARM_SECONDS" ABCDEFGHIJ 10 y "$out/holds-warm" \
  "$PERF_OUT/booking-holds-warmup.txt"
warmed=$CONTENDED_WARM_SECONDS
while ((warmed < CONTENDED_WARM_MAX_SECONDS)); do
  jit_begin "$booking2_pid"
  RETRY=1 holds "$base2" "$round2" "$out/tokens/holds-warm.txt" 10 ABCDEFGHIJ 10 y "$out/holds-warm" \
    "$PERF_OUT/booking-holds-warmup.txt"
  jit_end "$booking2_pid"
  warmed=$((warmed + 10))
  echo "perf:   warm-up ${warmed} s: JIT compiler threads ${jit}% of a core, $(field "$PERF_OUT/booking-holds-warmup.txt" holds-rate)"
  ((jit < WARM_JIT_PERCENT)) && break
done
contended_warm_note="${warmed} s of warm-up, JIT ${jit:-?}% of a core in its last 10 s"
sleep $((CONTENDED_HOLD_TTL + 1))

contended() { # retry (0/1), tokens, name → sets holds_<name>_{rps,errors,line,players,errlist,check,cpu,threads}
  local retry=$1 tokens=$2 name=$3 m0 m1 q answered lost report="$PERF_OUT/booking-holds-$3.txt" dir="$out/holds-$3"
  mkdir -p "$dir"
  echo "perf: 2$([[ $name == retry ]] && echo a || echo b)) contended holds on 100 seats for ${HOLD_SECONDS}s, $([[ $retry == 1 ]] \
    && echo 'a refused player retries with its token' || echo 'a new player per attempt')…"
  threads_snap "$booking2_pid" "$out/threads-holds-$name-0.txt"
  m0=$(cpu_mark "$booking2_pid")
  jfr_start "$booking2_pid" "$out/booking-holds-$name.jfr"
  RETRY=$retry holds "$base2" "$round2" "$tokens" "$HOLD_SECONDS" ABCDEFGHIJ 10 "${name:0:1}" "$dir" "$report"
  m1=$(cpu_mark "$booking2_pid")
  threads_snap "$booking2_pid" "$out/threads-holds-$name-1.txt"
  jfr_stop "$booking2_pid" "$out/booking-holds-$name.jfr"
  q=$(date +%s.%N)
  curl -fsS -H "Authorization: Bearer $(head -1 "$tokens")" "$base2/api/v1/rounds/$round2/seats" \
    > "$out/holds-$name-seats.json"
  lost=$(field "$report" holds-lost)
  printf -v "holds_${name}_check" '%s' "$(stats holds "$((CONTENDED_HOLD_TTL * 1000))" "$out/holds-$name-seats.json" "$q" \
    "${lost:-0}" "$dir"/holds-*.txt || true)"
  printf -v "holds_${name}_cpu" '%s' "$(cpu_between "$m0" "$m1")"
  printf -v "holds_${name}_rps" '%s' "$(field "$report" holds-rate | awk '{print $(NF)}' | tr -d '/s')"
  printf -v "holds_${name}_errors" '%s' "$(field "$report" holds-errors | awk '{print $1 + $(NF-2)}')"
  printf -v "holds_${name}_errlist" '%s' "$(field "$report" holds-errors)"
  printf -v "holds_${name}_line" '%s' "$(field "$report" holds)"
  printf -v "holds_${name}_players" '%s' "$(field "$report" holds-players)"
  answered=$(grep -oP '\d+(?= answered)' <<<"$(field "$report" holds)" || echo 0)
  printf -v "holds_${name}_p99" '%s' "$(p99 "$report")"
  printf -v "holds_${name}_threads" '%s' "$(threads_diff "$out/threads-holds-$name-0.txt" "$out/threads-holds-$name-1.txt" \
    "$m0" "$m1" "${answered:-0}")"
}
for name in "${runs2[@]}"; do
  if [[ $name == retry ]]; then contended 1 "$out/tokens/holds-retry.txt" retry; else contended 0 "$out/tokens/holds.txt" single; fi
  [[ $name == "${runs2[-1]}" ]] || sleep $((CONTENDED_HOLD_TTL + 1)) # the next run starts on a map without live holds
done
fi

# ---------------------------------------------------------------------------------------------------- report
verdict() { [[ $1 == 1 ]] && echo PASS || echo FAIL; }
e2e_ok=$(echo "$e2e_rate >= 1000 && $lag_p99 <= 2000 && $e2e_errors == 0" | bc -l 2>/dev/null || echo 0)
holds_ok() { # name → 1 when the run met the target, without errors and with a clean holds check
  local rps="holds_$1_rps" errors="holds_$1_errors" check="holds_$1_check" ok
  ok=$(echo "${!rps:-0} >= 3000 && ${!errors:-1} == 0" | bc -l 2>/dev/null || echo 0)
  [[ ${!check} == "holds-check: OK"* ]] || ok=0
  echo "$ok"
}
{
  printf '\n== booking benchmark (%s, %d cores, %d connections, wrk %d threads, booking -Xmx512m, ElasticMQ + MariaDB) ==\n' \
    "$(date -u +%FT%TZ)" "$host_cores" "$CONNECTIONS" "$THREADS"
  echo "$pinning"
  printf '%-46s %10s %12s %7s %7s %12s %s\n' scenario rate/s p99 errors "CPU %" "ratio upsert" target
  if [[ $FLOW_MODE == prehold ]]; then
    printf '%-46s %10.0f %12s %7s %7s %12s\n' "1a) holds, $PLAYERS players (before booking)" "${hold_phase_rps:-0}" \
      "$(p99 "$PERF_OUT/booking-flow-holds.txt")" "$hold_phase_errors" "$cpuH_booking" "-"
  else
    printf '%-46s %10.0f %12s %7s %7s %12s\n' "1a) hold+book requests, $PLAYERS players" "${flow_rps:-0}" \
      "$(p99 "$PERF_OUT/booking-flow.txt")" "$flow_errors" "$cpuP_booking" "-"
  fi
  printf '%-46s %10.0f %12s %7s %7s %12s\n' "1b) bookings accepted (POST 202)" "${book_rps:-0}" \
    "$([[ $FLOW_MODE == prehold ]] && p99 "$PERF_OUT/booking-flow.txt" || echo -)" "$flow_errors" "$cpuP_booking" "-"
  printf '%-46s %10.0f %12s %7s %7s %12.3f %s\n' "1c) confirmations end to end (POST→row)" "$e2e_rate" \
    "lag ${lag_p99%.*}ms" "$e2e_errors" "$cpu1_booking" "$(echo "$e2e_rate / $upsert2" | bc -l)" \
    "$(verdict "$e2e_ok") (>=1000/s, lag p99<=2000ms)"
  for name in "${runs2[@]}"; do
    rps="holds_${name}_rps" errors="holds_${name}_errors" p99v="holds_${name}_p99" cpu="holds_${name}_cpu"
    printf '%-46s %10.0f %12s %7s %7s %12s %s\n' \
      "2$([[ $name == retry ]] && echo 'a) contended holds, retrying players' || echo 'b) contended holds, new player/attempt')" \
      "${!rps:-0}" "${!p99v}" "${!errors}" "$(cut -d' ' -f1 <<<"${!cpu}")" "-" "$(verdict "$(holds_ok "$name")") (>=3000/s)"
  done
  printf '%-46s %10.0f %12s\n' "3a) MariaDB upsert, batch 10, 2 connections" "$upsert2" "batch $upsert2_p99"
  printf '%-46s %10.0f %12s\n' "3b) MariaDB upsert, batch 10, 16 connections" "$upsert16" "batch $upsert16_p99"
  printf '%-46s %10.0f %12s\n' "4) ElasticMQ alone, batches of 10" "${sqs_rate:-0}" "${sqs_cpu:--}"
  echo
  if [[ $FLOW_MODE == prehold ]]; then
    printf '1a) %s\n    errors: %s\n' "$(field "$PERF_OUT/booking-flow-holds.txt" flow)" \
      "$(field "$PERF_OUT/booking-flow-holds.txt" flow-errors)"
  fi
  printf '1) %s accepted, %s CONFIRMED rows, %s rejected, %s accepted without a row, %s rows never accepted, DLQ %s;' \
    "$accepted" "$confirmed" "$rejected" "$missing" "$unexpected" "$dlq"
  printf ' drained: %s; seat map rows A-E: %s SOLD, %s HELD (%s)\n' "$drained" "$sold_seats" "$held_seats" \
    "${flow_warm_note:-$warm_booked warm-up bookings} on rows F-Z"
  printf '   errors: %s\n' "$(field "$PERF_OUT/booking-flow.txt" flow-errors)"
  printf '   confirmation lag (row confirmed_at - booked_at, %s rows): p50 %.0f ms, p99 %.0f ms, max %.0f ms;' \
    "$lag_n" "$lag_p50" "$lag_p99" "$lag_max"
  printf ' booking'\''s ticketing.confirmation.lag: %s samples, p50 <= %.0f ms, p99 <= %.0f ms (histogram buckets)\n' \
    "$prom_n" "$prom_p50" "$prom_p99"
  printf '   SQS calls: %s SendMessageBatch of %.1f messages on average, %s listener calls (polls that brought messages) of %.1f\n' \
    "$sends" "$send_fill" "$receives" "$receive_fill"
  printf '   first booking POST -> last CONFIRMED row: %.2f s; POSTs took %s\n' \
    "$(echo "${last_confirmed:-0} - ${first_post:-0}" | bc -l)" "$(field "$PERF_OUT/booking-flow.txt" book-rate)"
  printf '   CPU (%% of one core) while posting: booking %s, stack JVM (ElasticMQ) %s, mariadbd %s, redis %s; host busy %s%% of %d cores\n' \
    "$cpuP_booking" "$cpuP_stack" "$cpuP_mariadb" "$cpuP_redis" "$cpuP_host" "$host_cores"
  printf '   CPU (%% of one core) posting + draining: booking %s, stack JVM (ElasticMQ) %s, mariadbd %s, redis %s; host busy %s%%\n' \
    "$cpu1_booking" "$cpu1_stack" "$cpu1_mariadb" "$cpu1_redis" "$cpu1_host"
  printf '   booking'\''s CPU per CONFIRMED booking (all its threads, JIT included, first POST to last row): %s ms (target <= 0.8 ms, pinned); %s\n' \
    "$cpu_per_booking" "$pinning"
  printf '   booking threads while posting (ms per %s): %s\n' \
    "$([[ $FLOW_MODE == prehold ]] && echo booking || echo 'hold+book pair')" "$threads1"
  for name in "${runs2[@]}"; do
    line="holds_${name}_line" players="holds_${name}_players" errlist="holds_${name}_errlist" check="holds_${name}_check"
    cpu="holds_${name}_cpu" threads="holds_${name}_threads"
    read -r c_booking c_stack c_mariadb c_redis c_host <<<"${!cpu}"
    printf '2%s) %s\n   players: %s\n   errors: %s\n   %s\n' "$([[ $name == retry ]] && echo a || echo b)" "${!line}" \
      "${!players}" "${!errlist}" "${!check}"
    printf '   CPU (%% of one core): booking %s, stack JVM %s, mariadbd %s, redis %s; host busy %s%% of %d cores\n' \
      "$c_booking" "$c_stack" "$c_mariadb" "$c_redis" "$c_host" "$host_cores"
    printf '   booking threads (ms per hold answered): %s\n' "${!threads}"
  done
  printf '   (2: %s)\n' "${contended_warm_note:-}"
  printf '4) %s\n' "$(grep '^sqs:' "$PERF_OUT/booking-sqs.txt" || echo 'ElasticMQ benchmark failed: see booking-sqs.txt')"
  if [[ $PROFILE == 1 ]]; then
    printf 'profile (JFR CPU samples of booking) 1) %s\n' "$(paste -sd' ' "$out/booking-flow.jfr.cpu.txt")"
    for name in "${runs2[@]}"; do
      printf 'profile (JFR CPU samples of booking) 2 %s) %s\n' "$name" "$(paste -sd' ' "$out/booking-holds-$name.jfr.cpu.txt")"
    done
  fi
  printf 'targets: confirmations >= 1000/s with lag p99 <= 2 s; contended holds >= 3000/s; 0 errors; no seat held or sold twice.\n'
  printf 'ratio: rate / MariaDB upsert rows/s at 2 connections (the listener'\''s 2 batches in flight: 20 messages / 10 per poll).\n'
  printf 'Raw output: %s (booking-*.txt, booking-flow.log, booking-holds.log, booking/)\n' "$PERF_OUT"
} | tee "$PERF_OUT/booking-summary.txt"
