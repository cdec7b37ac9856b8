#!/usr/bin/env bash
# Booking benchmark (issue "Booking service"): booking (-Xmx512m) on the embedded Redis, MariaDB and ElasticMQ, rounds
# always open, admission tokens minted locally with the shared module (perf/tools/MintTokens.java), loopback load
# from wrk:
#   1. confirmations end to end: PLAYERS bots on a 26 x 200 venue (the largest booking accepts), each holds a
#      distinct seat and books it (perf/wrk/booking-flow.lua); then MariaDB is polled until every accepted booking is
#      a row. Reports the hold+book request rate, the POST booking rate, confirmations/s from the first booking POST
#      to the last CONFIRMED row, and the confirmation lag (row confirmed_at - booked_at) p50/p99.
#   2. contended holds: a second booking instance with the default 10 x 10 venue (100 seats) in another round;
#      every request a new bot token asking for a random seat, HOLD_SECONDS long (perf/wrk/booking-holds.lua);
#      201 and 409 seat-taken are both valid; afterwards no seat may have had two holders at once.
#   3. ratio base: the raw MariaDB rate of booking's listener write (batches of 10 rows INSERT … ON DUPLICATE KEY
#      UPDATE, one transaction each) into a scratch copy of the bookings table (perf/tools/UpsertBench.java).
# Targets on a 2-core machine: confirmations >= 1,000/s with lag p99 <= 2 s; contended holds >= 3,000/s; no errors;
# no seat held twice or sold twice. Knobs: CONNECTIONS (64), THREADS (2), PLAYERS (5000, at most 5000),
# HOLD_SECONDS (15), CONTENDED_TOKENS (50000), CONTENDED_HOLD_TTL (5 s), DRAIN_TIMEOUT (180 s), UPSERT_ROWS (20000),
# WARM_SECONDS (15 s of warm-up holds per instance), WARM_HOLD_TOKENS / CONTENDED_WARM_TOKENS (20000),
# HOLDS_RETRY (0: scenario 2 takes a new player per attempt; 1: a player refused seat-taken retries with its token),
# PROFILE (0; 1 records booking with JFR during scenarios 1 and 2 and prints where its CPU went).
# Output: a table on stdout, raw files in perf/target/ (booking-*.txt, booking-flow.log, booking-holds.log, …).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PLAYERS=${PLAYERS:-5000}
HOLD_SECONDS=${HOLD_SECONDS:-15}
CONTENDED_TOKENS=${CONTENDED_TOKENS:-50000}
CONTENDED_HOLD_TTL=${CONTENDED_HOLD_TTL:-5}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-180}
UPSERT_ROWS=${UPSERT_ROWS:-20000}
PROFILE=${PROFILE:-0}
HOLDS_RETRY=${HOLDS_RETRY:-0}
export THREADS
# Booking's first MySQL connection (TLS is negotiated with MariaDB 11.4) must come within Hikari's 2 s or Flyway fails the
# start-up; on a loaded machine it may not: Flyway retries it (start-up only, no effect on the measured paths), and a
# failed start is tried again.
export PERF_START_ATTEMPTS=${PERF_START_ATTEMPTS:-3}
BOOKING_JVM_ARGS=(-Dspring.flyway.connect-retries=10 -Dspring.flyway.connect-retries-interval=1s)
((PLAYERS >= 1 && PLAYERS <= 5000)) || { echo "perf: PLAYERS must be 1..5000 (rows A-Y x 200 seats)" >&2; exit 2; }

# venue of scenario 1: rows A-Y × 200 for the measured players, row Z for the warm-up
FLOW_ROWS=ABCDEFGHIJKLMNOPQRSTUVWXY
FLOW_COLUMNS=200
WARM_PLAYERS=200
# warm-up holds: a fresh JVM on 2 cores is still JIT-compiling (C1+C2 busy ~1 core) a minute into the load, so each
# instance first takes WARM_SECONDS of holds (one token each, at most the given number of tokens)
WARM_SECONDS=${WARM_SECONDS:-15}
WARM_HOLD_TOKENS=${WARM_HOLD_TOKENS:-20000}         # warm-up holds on instance 1
CONTENDED_WARM_TOKENS=${CONTENDED_WARM_TOKENS:-20000} # warm-up holds on instance 2
BOT_KEY=bench-bot

perf_need wrk wrk
perf_need bc bc
perf_need python3 python3
perf_build shared,scripts/local-stack,booking
booking_jar=$(ls booking/target/booking-*.jar | grep -v -- '-plain' | head -1)
tools_cp=$(perf_boot_libs "$booking_jar" "$PERF_OUT/tools-lib" shared nimbus-jose-jwt mysql-connector-j)
stats() { python3 perf/tools/bench_stats.py "$@"; }

out="$PERF_OUT/booking"
rm -rf "$out" "$PERF_OUT"/booking-*.txt "$PERF_OUT"/booking-*.log*; mkdir -p "$out"/tokens "$out"/flow-warm "$out"/flow "$out"/holds-warm "$out"/holds

# two rounds, both open for the whole run: one per booking instance, so their Redis keys never meet
read -r period1 start1 round1 < <(perf_open_round 900)
read -r period2 _ round2 < <(perf_open_round 900 "$start1")
echo "perf: rounds $round1 (period ${period1}s) and $round2 (period ${period2}s), both open for the whole run"

echo "perf: minting bot tokens (shared TokenKeys + AdmissionTokenIssuer) while the stack starts…"
java -cp "$tools_cp" perf/tools/MintTokens.java "$out/token-keys.json" "$out/token-jwks.json" \
  "$round1:$WARM_PLAYERS:w:$out/tokens/flow-warm.txt" \
  "$round1:$WARM_HOLD_TOKENS:x:$out/tokens/flow-warm-holds.txt" \
  "$round1:$PLAYERS:f:$out/tokens/flow.txt" \
  "$round2:$CONTENDED_WARM_TOKENS:y:$out/tokens/holds-warm.txt" \
  "$round2:$CONTENDED_TOKENS:c:$out/tokens/holds.txt" > "$out/mint.txt" 2>&1 &
mint_pid=$!
perf_pids+=("$mint_pid")

# a stack directory of its own: admission-bench.sh (perf/target/stack) may run at the same time without either wiping
# the other's data or stopping the other's servers through their pid files
export PERF_STACK_DIR="$PERF_OUT/stack-booking" PERF_STACK_LOG="$PERF_OUT/booking-stack.log"
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
jfr_start() { # pid, recording file (PROFILE=1 only)
  [[ $PROFILE == 1 ]] || return 0
  jcmd "$1" JFR.start name=bench settings=profile filename="$2" > /dev/null
}
jfr_stop() { # pid, recording file → <file>.cpu.txt: where booking's sampled CPU went
  [[ $PROFILE == 1 ]] || return 0
  jcmd "$1" JFR.stop name=bench > /dev/null
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$2" > "$2.samples.txt"
  stats jfr-cpu "$2.samples.txt" > "$2.cpu.txt"
}
threads_snap() { python3 perf/tools/thread_cpu.py snap "$1" > "$2" 2>/dev/null || true; } # pid, file
threads_diff() { # file0, file1, mark0, mark1, requests → booking's CPU by thread group (% of a core, ms per request)
  local seconds
  seconds=$(echo "$(cut -d' ' -f1 <<<"$4") - $(cut -d' ' -f1 <<<"$3")" | bc -l)
  python3 perf/tools/thread_cpu.py diff "$1" "$2" "$seconds" "$5" 2>/dev/null || echo "n/a"
}
p99() { awk '$1 == "99%" {print $2}' "$1"; }
field() { sed -n "s/^$2: *//p" "$1" | head -1; } # file, key → rest of the line

# ---------------------------------------------------------------------------------------------------- scenario 1
port1=$(perf_free_port)
export TICKETING_ROUND_PERIOD=${period1}s TICKETING_ROUND_OPEN_FOR=${period1}s TICKETING_BOT_KEY=$BOT_KEY
export TICKETING_TOKEN_KEYS="$(cat "$out/token-jwks.json")"
export TICKETING_VENUE_ROWS=26 TICKETING_VENUE_COLUMNS=$FLOW_COLUMNS
PERF_SERVICE_LOG=booking-flow perf_start_service booking "$port1" "${BOOKING_JVM_ARGS[@]}"
booking1_pid=${perf_pids[-1]}
base1="http://127.0.0.1:$port1"
echo "perf: booking on $base1 (pid $booking1_pid, venue 26x$FLOW_COLUMNS), stack pid $stack_pid, MariaDB :$db_port"

flow() { # tokens, players, seat rows, prefix, out dir, report
  TOKENS=$1 PLAYERS=$2 SEAT_ROWS=$3 SEAT_COLUMNS=$FLOW_COLUMNS PREFIX=$4 OUT_DIR=$5 ROUND=$round1 BOT_KEY=$BOT_KEY \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d240s --timeout 10s --latency -s perf/wrk/booking-flow.lua "$base1" > "$6" 2>&1
}
holds() { # base, round, tokens, seconds, seat rows, seat columns, prefix, out dir, report
  TOKENS=$3 DURATION=$4 SEAT_ROWS=$5 SEAT_COLUMNS=$6 PREFIX=$7 OUT_DIR=$8 ROUND=$2 BOT_KEY=$BOT_KEY RETRY=$HOLDS_RETRY \
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

echo "perf: warm-up ($WARM_PLAYERS hold+book on row Z, then ${WARM_SECONDS} s of holds on its sold seats)…"
flow "$out/tokens/flow-warm.txt" "$WARM_PLAYERS" Z w "$out/flow-warm" "$PERF_OUT/booking-flow-warmup.txt"
warm_booked=$(cat "$out"/flow-warm/bookings-*.txt | wc -l)
drain "$round1" "seat_id LIKE 'Z-%'" "$warm_booked" 60 || true
holds "$base1" "$round1" "$out/tokens/flow-warm-holds.txt" "$WARM_SECONDS" Z "$FLOW_COLUMNS" x "$out/holds-warm" \
  "$PERF_OUT/booking-flow-warmup-holds.txt"

echo "perf: 1) $PLAYERS players: hold a distinct seat, book it; then MariaDB until every booking is a row…"
flow_filter="seat_id NOT LIKE 'Z-%'"
curl -fsS "$base1/actuator/prometheus" > "$out/prom-before.txt"
threads_snap "$booking1_pid" "$out/threads-flow-0.txt"
mark0=$(cpu_mark "$booking1_pid")
jfr_start "$booking1_pid" "$out/booking-flow.jfr"
flow "$out/tokens/flow.txt" "$PLAYERS" "$FLOW_ROWS" f "$out/flow" "$PERF_OUT/booking-flow.txt"
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
curl -fsS "$base1/api/v1/rounds/$round1/seats" > "$out/flow-seats.json"
read -r sold_seats held_seats < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["seats"]; print(sum(x["status"]=="SOLD" for x in s), sum(x["status"]=="HELD" for x in s))' "$out/flow-seats.json")
dlq=$(grep -c 'left for the DLQ' "$PERF_OUT/booking-flow.log" || true)
read -r cpu1_booking cpu1_stack cpu1_mariadb cpu1_redis cpu1_host < <(cpu_between "$mark0" "$mark1")
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

# ---------------------------------------------------------------------------------------------------- scenario 2
port2=$(perf_free_port)
export TICKETING_ROUND_PERIOD=${period2}s TICKETING_ROUND_OPEN_FOR=${period2}s TICKETING_HOLD_TTL=${CONTENDED_HOLD_TTL}s
unset TICKETING_VENUE_ROWS TICKETING_VENUE_COLUMNS
PERF_SERVICE_LOG=booking-holds perf_start_service booking "$port2" "${BOOKING_JVM_ARGS[@]}"
booking2_pid=${perf_pids[-1]}
base2="http://127.0.0.1:$port2"
echo "perf: booking on $base2 (pid $booking2_pid, default 10x10 venue, hold TTL ${CONTENDED_HOLD_TTL}s)"
echo "perf: warm-up (${WARM_SECONDS} s of contended holds), then the warm-up's holds run out…"
holds "$base2" "$round2" "$out/tokens/holds-warm.txt" "$WARM_SECONDS" ABCDEFGHIJ 10 y "$out/holds-warm" "$PERF_OUT/booking-holds-warmup.txt"
sleep $((CONTENDED_HOLD_TTL + 1))

echo "perf: 2) contended holds on 100 seats for ${HOLD_SECONDS}s, $([[ $HOLDS_RETRY == 1 ]] \
  && echo 'a refused bot retries with its token' || echo 'a new bot per attempt')…"
threads_snap "$booking2_pid" "$out/threads-holds-0.txt"
mark0=$(cpu_mark "$booking2_pid")
jfr_start "$booking2_pid" "$out/booking-holds.jfr"
holds "$base2" "$round2" "$out/tokens/holds.txt" "$HOLD_SECONDS" ABCDEFGHIJ 10 c "$out/holds" "$PERF_OUT/booking-holds.txt"
mark1=$(cpu_mark "$booking2_pid")
threads_snap "$booking2_pid" "$out/threads-holds-1.txt"
jfr_stop "$booking2_pid" "$out/booking-holds.jfr"
query_epoch=$(date +%s.%N)
curl -fsS "$base2/api/v1/rounds/$round2/seats" > "$out/holds-seats.json"
holds_lost=$(field "$PERF_OUT/booking-holds.txt" holds-lost)
holds_check=$(stats holds "$((CONTENDED_HOLD_TTL * 1000))" "$out/holds-seats.json" "$query_epoch" "${holds_lost:-0}" \
  "$out"/holds/holds-*.txt || true)
read -r cpu2_booking cpu2_stack cpu2_mariadb cpu2_redis cpu2_host < <(cpu_between "$mark0" "$mark1")
holds_rps=$(field "$PERF_OUT/booking-holds.txt" holds-rate | awk '{print $(NF)}' | tr -d '/s')
holds_errors=$(field "$PERF_OUT/booking-holds.txt" holds-errors | awk '{print $1 + $(NF-2)}')
holds_line=$(field "$PERF_OUT/booking-holds.txt" holds)
holds_answered=$(grep -oP '\d+(?= answered)' <<<"$holds_line" || echo 0)
threads2=$(threads_diff "$out/threads-holds-0.txt" "$out/threads-holds-1.txt" "$mark0" "$mark1" "${holds_answered:-0}")

# ---------------------------------------------------------------------------------------------------- report
verdict() { [[ $1 == 1 ]] && echo PASS || echo FAIL; }
e2e_ok=$(echo "$e2e_rate >= 1000 && $lag_p99 <= 2000 && $e2e_errors == 0" | bc -l 2>/dev/null || echo 0)
holds_ok=$(echo "$holds_rps >= 3000 && $holds_errors == 0" | bc -l 2>/dev/null || echo 0)
[[ $holds_check == "holds-check: OK"* ]] || holds_ok=0
{
  printf '\n== booking benchmark (%s, %d cores, %d connections, wrk %d threads, booking -Xmx512m, ElasticMQ + MariaDB) ==\n' \
    "$(date -u +%FT%TZ)" "$(nproc)" "$CONNECTIONS" "$THREADS"
  printf '%-44s %10s %12s %7s %7s %12s %s\n' scenario rate/s p99 errors "CPU %" "ratio upsert" target
  printf '%-44s %10.0f %12s %7s %7s %12s\n' "1a) hold+book requests, $PLAYERS players" "${flow_rps:-0}" \
    "$(p99 "$PERF_OUT/booking-flow.txt")" "$flow_errors" "$cpuP_booking" "-"
  printf '%-44s %10.0f %12s %7s %7s %12s\n' "1b) bookings accepted (POST 202)" "${book_rps:-0}" "-" "$flow_errors" \
    "$cpuP_booking" "-"
  printf '%-44s %10.0f %12s %7s %7s %12.3f %s\n' "1c) confirmations end to end (POST→row)" "$e2e_rate" \
    "lag ${lag_p99%.*}ms" "$e2e_errors" "$cpu1_booking" "$(echo "$e2e_rate / $upsert2" | bc -l)" \
    "$(verdict "$e2e_ok") (>=1000/s, lag p99<=2000ms)"
  printf '%-44s %10.0f %12s %7s %7s %12s %s\n' "2) contended holds, 100 seats, ${HOLD_SECONDS}s$([[ $HOLDS_RETRY == 1 ]] && echo ', retry')" "${holds_rps:-0}" \
    "$(p99 "$PERF_OUT/booking-holds.txt")" "$holds_errors" "$cpu2_booking" "-" "$(verdict "$holds_ok") (>=3000/s)"
  printf '%-44s %10.0f %12s\n' "3a) MariaDB upsert, batch 10, 2 connections" "$upsert2" "batch $upsert2_p99"
  printf '%-44s %10.0f %12s\n' "3b) MariaDB upsert, batch 10, 16 connections" "$upsert16" "batch $upsert16_p99"
  echo
  printf '1) %s accepted, %s CONFIRMED rows, %s rejected, %s accepted without a row, %s rows never accepted, DLQ %s;' \
    "$accepted" "$confirmed" "$rejected" "$missing" "$unexpected" "$dlq"
  printf ' drained: %s; seat map: %s SOLD (incl. %s warm-up), %s HELD\n' "$drained" "$sold_seats" "$warm_booked" "$held_seats"
  printf '   errors: %s\n' "$(field "$PERF_OUT/booking-flow.txt" flow-errors)"
  printf '   confirmation lag (row confirmed_at - booked_at, %s rows): p50 %.0f ms, p99 %.0f ms, max %.0f ms;' \
    "$lag_n" "$lag_p50" "$lag_p99" "$lag_max"
  printf ' booking'\''s ticketing.confirmation.lag: %s samples, p50 <= %.0f ms, p99 <= %.0f ms (histogram buckets)\n' \
    "$prom_n" "$prom_p50" "$prom_p99"
  printf '   first booking POST -> last CONFIRMED row: %.2f s; POSTs took %s\n' \
    "$(echo "${last_confirmed:-0} - ${first_post:-0}" | bc -l)" "$(field "$PERF_OUT/booking-flow.txt" book-rate)"
  printf '   CPU (%% of one core) while posting: booking %s, stack JVM (ElasticMQ) %s, mariadbd %s, redis %s; host busy %s%% of %d cores\n' \
    "$cpuP_booking" "$cpuP_stack" "$cpuP_mariadb" "$cpuP_redis" "$cpuP_host" "$(nproc)"
  printf '   CPU (%% of one core) posting + draining: booking %s, stack JVM (ElasticMQ) %s, mariadbd %s, redis %s; host busy %s%%\n' \
    "$cpu1_booking" "$cpu1_stack" "$cpu1_mariadb" "$cpu1_redis" "$cpu1_host"
  printf '   booking threads while posting (ms per hold+book pair): %s\n' "$threads1"
  printf '2) %s\n   players: %s\n   errors: %s\n   %s\n' "$holds_line" "$(field "$PERF_OUT/booking-holds.txt" holds-players)" \
    "$(field "$PERF_OUT/booking-holds.txt" holds-errors)" "$holds_check"
  printf '   CPU (%% of one core): booking %s, stack JVM %s, mariadbd %s, redis %s; host busy %s%% of %d cores\n' \
    "$cpu2_booking" "$cpu2_stack" "$cpu2_mariadb" "$cpu2_redis" "$cpu2_host" "$(nproc)"
  printf '   booking threads (ms per hold answered): %s\n' "$threads2"
  if [[ $PROFILE == 1 ]]; then
    printf 'profile (JFR CPU samples of booking) 1) %s\n' "$(paste -sd' ' "$out/booking-flow.jfr.cpu.txt")"
    printf 'profile (JFR CPU samples of booking) 2) %s\n' "$(paste -sd' ' "$out/booking-holds.jfr.cpu.txt")"
  fi
  printf 'targets: confirmations >= 1000/s with lag p99 <= 2 s; contended holds >= 3000/s; 0 errors; no seat held or sold twice.\n'
  printf 'ratio: rate / MariaDB upsert rows/s at 2 connections (the listener'\''s 2 batches in flight: 20 messages / 10 per poll).\n'
  printf 'Raw output: %s (booking-*.txt, booking-flow.log, booking-holds.log, booking/)\n' "$PERF_OUT"
} | tee "$PERF_OUT/booking-summary.txt"
