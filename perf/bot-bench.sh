#!/usr/bin/env bash
# Bot-runner benchmark (issue "Bot-runner"): one bot-runner instance (-Xmx512m) drives BOTS bots (5,000) in one round
# against the real admission and booking services (their jars, -Xmx512m each) on a private local stack (Redis, MariaDB,
# ElasticMQ), everything on loopback. Rounds: PERIOD (30 s), open OPEN_FOR (15 s, the game's window), the same for all
# three services. A warm-up round of WARM_BOTS (500) bots comes first; the round after it is measured.
# Reported for the measured round:
#   - launch lag: a bot's actual start (its timer fired) minus its scheduled start (open + reaction time), and its
#     first request (queue entry written to the wire, after any wait for a pooled connection) minus its scheduled
#     start: p50 / p99 / max as upper bounds of the Prometheus histogram buckets, from the increase between a scrape
#     just before the round and one after it (the warm-up round does not count);
#   - bots launched / admitted / booked / lost / cancelled / errors (the fleet's per-round counters in Redis), and
#     the errors by side, call and cause (bot-runner's ticketing.bots.failures): "runner" errors are the runner's own
#     (no free connection in its pool, a failure inside it), "service" errors are calls the service under test failed
#     (connect or response timeout, 503, an error answer);
#   - CPU of bot-runner, admission, booking, the stack JVM (ElasticMQ), mariadbd, redis-server and the whole host
#     over the round's open window; bot-runner's threads, heap and peak RSS.
# Target (2-core machine): launch lag p99 <= 100 ms, no errors caused by the runner itself.
# Knobs: BOTS (5000), WARM_BOTS (500; 0 = no warm-up round), PERIOD (30), OPEN_FOR (15), DIFFICULTY (NORMAL),
# ADMISSION_RATE (1000 admitted/s), VENUE_ROWS x VENUE_COLUMNS (10 x 10, the game's venue), RUNNER_JAVA_OPTS (JVM
# options of bot-runner besides -Xmx512m, default -Xms512m -XX:NewRatio=1), PIN (1: bot-runner alone on CPU 1, sized for one core with
# -XX:ActiveProcessorCount=1; the services on CPU 0), PROFILE (0; 1 records bot-runner with JFR), BUILD (1: builds bot-runner,
# and admission/booking when their jars are missing; 0: uses the jars as they are), BUILD_SERVICES (0; 1 rebuilds
# admission and booking too). Output: a table on stdout, raw files in perf/target/bot-bench/ and perf/target/bot-*.log.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BOTS=${BOTS:-5000}
WARM_BOTS=${WARM_BOTS:-500}
PERIOD=${PERIOD:-30}
OPEN_FOR=${OPEN_FOR:-15}
DIFFICULTY=${DIFFICULTY:-NORMAL}
ADMISSION_RATE=${ADMISSION_RATE:-1000}
VENUE_ROWS=${VENUE_ROWS:-10}
VENUE_COLUMNS=${VENUE_COLUMNS:-10}
BUILD=${BUILD:-1}
BUILD_SERVICES=${BUILD_SERVICES:-0}
PROFILE=${PROFILE:-0}
PIN=${PIN:-1}
# extra JVM options of bot-runner: by default its heap is fixed (-Xms = -Xmx, as its image sets it), so the young
# generation is not a few MB collected every 100 ms at the open; and half of it is young (-XX:NewRatio=1; the serial
# collector's default is a third): the open's burst allocates the 136 MB of a third's eden in 6-8 s after the collection
# before the open, so the first young pause (350-630 ms, copying the launched bots) came 3.6-5.7 s after the open,
# close to the launches' last (2.7 s); with half it came at 7.7 s. ZGC (its GC threads took ~60 % of the core in the
# open's second second) and -XX:MaxGCPauseMillis=20 made the lag worse
RUNNER_JAVA_OPTS=${RUNNER_JAVA_OPTS--Xms512m -XX:NewRatio=1}
OPS=bench-ops
export PERF_START_ATTEMPTS=${PERF_START_ATTEMPTS:-3}
((OPEN_FOR < PERIOD)) || { echo "perf: OPEN_FOR must be shorter than PERIOD" >&2; exit 2; }

perf_need curl curl
perf_need bc bc
perf_need python3 python3
# the runner is what is measured: always built; admission and booking from their jars when built (BUILD_SERVICES=1
# rebuilds them too), so a half-edited service module elsewhere in the tree does not stop the benchmark
modules=shared,scripts/local-stack,bot-runner
for service in admission booking; do
  if ((BUILD_SERVICES == 1)) || ! ls "$service"/target/"$service"-*.jar > /dev/null 2>&1; then modules+=,$service; fi
done
if ((BUILD == 1)); then
  # not perf_build: its -am would pull admission and booking in (bot-runner names them to order the reactor)
  echo "perf: building $modules…"
  ./mvnw -B -ntp -q -DskipTests -DskipITs -Dspotless.check.skip=true -pl "$modules" install > "$PERF_OUT/build.log" 2>&1 \
    || { tail -30 "$PERF_OUT/build.log" >&2; exit 1; }
fi
out="$PERF_OUT/bot-bench"
rm -rf "$out" "$PERF_OUT"/bot-*.log*; mkdir -p "$out"
stats() { python3 perf/tools/bot-bench-stats.py "$@"; }

export PERF_STACK_DIR="$PERF_OUT/stack-bots" PERF_STACK_LOG="$PERF_OUT/bot-stack.log"
perf_start_stack REDIS,MYSQL,SQS
stack_pid=${perf_pids[-1]}
redis_pid=$(cat "$PERF_STACK_DIR/redis.pid" 2>/dev/null || true)
mariadb_pid=$(cat "$PERF_STACK_DIR/mariadb.pid" 2>/dev/null || true)

admission_port=$(tw_free_port)
booking_port=$(tw_free_port)
runner_port=$(tw_free_port)
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export TICKETING_ROUND_PERIOD=${PERIOD}s TICKETING_ROUND_OPEN_FOR=${OPEN_FOR}s
export TICKETING_OPS_TOKEN=$OPS TICKETING_BOT_KEY=bench-bot TICKETING_TOKEN_KEYS_FILE="$out/token-keys.json"
export ADMISSION_PORT=$admission_port BOOKING_PORT=$booking_port
export TICKETING_JWKS_URL="http://127.0.0.1:$admission_port/.well-known/jwks.json"
export ADMISSION_RATE_PER_SECOND=$ADMISSION_RATE
export TICKETING_VENUE_ROWS=$VENUE_ROWS TICKETING_VENUE_COLUMNS=$VENUE_COLUMNS
export SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT=10000
export BOTS_ENABLED=false BOTS_PER_ROUND=$WARM_BOTS BOTS_DIFFICULTY=$DIFFICULTY BOTS_REDIS_NAMESPACE=bench-bots

echo "perf: starting admission, booking and bot-runner (-Xmx512m each)…"
PERF_SERVICE_LOG=bot-admission perf_start_service admission "$admission_port"
admission_pid=${perf_pids[-1]}
PERF_SERVICE_LOG=bot-booking perf_start_service booking "$booking_port" \
  -Dspring.flyway.connect-retries=10 -Dspring.flyway.connect-retries-interval=1s
booking_pid=${perf_pids[-1]}
runner_cpus=()
if ((PIN == 1)) && (($(nproc) >= 2)); then
  # it will run on one core (below): the JVM sizes itself for that one (collector, GC and JIT threads, Reactor's
  # timers), as it would started pinned or in a one-core container, not for the host's cores it cannot use
  runner_cpus=(-XX:ActiveProcessorCount=1)
fi
# shellcheck disable=SC2086 # word splitting of the JVM options is intended
# its collections in a file of their own (-Xlog:gc costs nothing measurable): the report lists the pauses around the open
PERF_SERVICE_LOG=bot-runner perf_start_service bot-runner "$runner_port" "${runner_cpus[@]}" \
  "-Xlog:gc:file=$out/runner-gc.log:time" $RUNNER_JAVA_OPTS
runner_pid=${perf_pids[-1]}
runner="http://127.0.0.1:$runner_port"
echo "perf: admission :$admission_port (pid $admission_pid), booking :$booking_port (pid $booking_pid)," \
  "bot-runner :$runner_port (pid $runner_pid), stack pid $stack_pid"

if ((PIN == 1)) && (($(nproc) >= 2)); then
  # the runner on a core of its own, everything it plays against on the other: on a shared 2-core machine the services'
  # threads would otherwise take the runner's timer threads' CPU, and the lag would measure the services' appetite
  taskset -a -p -c 1 "$runner_pid" > /dev/null
  for pid in "$admission_pid" "$booking_pid" "$stack_pid" "$mariadb_pid" "$redis_pid"; do
    [[ -n $pid ]] && taskset -a -p -c 0 "$pid" > /dev/null
  done
  pinning="bot-runner on CPU 1; admission, booking and the stack on CPU 0"
else
  pinning="not pinned: every process shares all cores"
fi

settings() { # JSON body → PUT /api/v1/bots
  curl -fsS -X PUT "$runner/api/v1/bots" -H "Authorization: Bearer $OPS" -H 'Content-Type: application/json' -d "$1" \
    > /dev/null
}
sleep_until() { # epoch seconds (fractions allowed)
  local left
  left=$(echo "$1 - $(date +%s.%N)" | bc -l)
  if (($(echo "$left > 0" | bc -l))); then sleep "$left"; fi
}
next_open() { # epoch seconds → the first round open at least that late
  echo $((($1 + PERIOD - 1) / PERIOD * PERIOD))
}
round_id() { date -u -d "@$1" +%Y%m%dT%H%M%SZ; }

# a few calls on every path the bots take, so no service meets the round's burst with a cold request path
echo "perf: warming up the services' request paths…"
for _ in $(seq 1 30); do
  curl -s -o /dev/null "http://127.0.0.1:$admission_port/api/v1/clock" || true
  curl -s -o /dev/null "http://127.0.0.1:$admission_port/.well-known/jwks.json" || true
  curl -s -o /dev/null "http://127.0.0.1:$booking_port/api/v1/leaderboard" || true
done

if ((WARM_BOTS > 0)); then
  warm_open=$(next_open $(($(date +%s) + 4)))
  echo "perf: warm-up round $(round_id "$warm_open"): $WARM_BOTS bots…"
  sleep_until $((warm_open - 3))
  settings "{\"enabled\":true,\"perRound\":$WARM_BOTS}"
  sleep_until $((warm_open + OPEN_FOR + 1))
  # perRound applies from the next round: the warm-up round's cap was pinned at its first claim
  settings "{\"enabled\":true,\"perRound\":$BOTS}"
  open=$((warm_open + PERIOD))
else
  open=$(next_open $(($(date +%s) + 4)))
  sleep_until $((open - 3))
  settings "{\"enabled\":true,\"perRound\":$BOTS}"
fi
round=$(round_id "$open")
echo "perf: measured round $round: $BOTS $DIFFICULTY bots, open ${OPEN_FOR}s…"
if ((PROFILE == 1)); then
  # started well before the open (jcmd takes seconds on a busy machine), so the recording also shows the preparation
  jcmd "$runner_pid" JFR.start name=bench settings=profile filename="$out/bot-runner.jfr" > /dev/null
fi

cpu_of() { if [[ -n $1 && -r /proc/$1/stat ]]; then perf_cpu_seconds "$1"; else echo 0; fi; }
cpu_mark() { # → "epoch runner admission booking stack mariadb redis host-busy host-total"
  echo "$(date +%s.%N) $(cpu_of "$runner_pid") $(cpu_of "$admission_pid") $(cpu_of "$booking_pid")" \
    "$(cpu_of "$stack_pid") $(cpu_of "$mariadb_pid") $(cpu_of "$redis_pid") $(perf_host_jiffies)"
}
sleep_until $((open - 1))
# the CPU window first: a scrape of a busy service can take a while
cpu0=$(cpu_mark)
curl -fsS "$runner/actuator/prometheus" > "$out/prom-before.txt"
curl -fsS "http://127.0.0.1:$admission_port/actuator/prometheus" > "$out/admission-before.txt" || true
curl -fsS "http://127.0.0.1:$booking_port/actuator/prometheus" > "$out/booking-before.txt" || true
threads_max=0
# sample the runner's threads while the round is open: bots must not cost a thread each
while (($(date +%s) < open + OPEN_FOR)); do
  t=$(awk '/^Threads:/ {print $2}' "/proc/$runner_pid/status")
  ((t > threads_max)) && threads_max=$t
  sleep 0.5
done
sleep_until $((open + OPEN_FOR + 1))
cpu1=$(cpu_mark)
settings '{"enabled":false}'
curl -fsS "$runner/actuator/prometheus" > "$out/prom-after.txt"
curl -fsS "http://127.0.0.1:$admission_port/actuator/prometheus" > "$out/admission-after.txt" || true
curl -fsS "http://127.0.0.1:$booking_port/actuator/prometheus" > "$out/booking-after.txt" || true
curl -fsS "$runner/api/v1/bots/stats" -H "Authorization: Bearer $OPS" > "$out/bot-stats.json"
curl -fsS "http://127.0.0.1:$booking_port/api/v1/rounds/$round/results" > "$out/booking-results.json" || true
if ((PROFILE == 1)); then
  jcmd "$runner_pid" JFR.stop name=bench > /dev/null
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$out/bot-runner.jfr" > "$out/bot-runner.samples.txt"
  jfr summary "$out/bot-runner.jfr" > "$out/bot-runner.jfr-summary.txt"
  jfr print --events jdk.GarbageCollection "$out/bot-runner.jfr" > "$out/bot-runner.gc.txt"
fi
rss_peak=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$runner_pid/status")

read -r launched admitted booked lost cancelled errors < <(stats round "$out/bot-stats.json" "$round")
read -r lag_n lag_p50 lag_p99 lag_max < <(stats hist "$out/prom-before.txt" "$out/prom-after.txt" \
  ticketing_bots_launch_lag_seconds)
read -r req_n req_p50 req_p99 req_max < <(stats hist "$out/prom-before.txt" "$out/prom-after.txt" \
  ticketing_bots_first_request_lag_seconds)
heap=$(stats heap "$out/prom-after.txt")
read -r c_runner c_admission c_booking c_stack c_mariadb c_redis c_host < <(stats cpu "$cpu0" "$cpu1")
stats failures "$out/prom-before.txt" "$out/prom-after.txt" > "$out/failures.txt"
errors_runner=$(awk '$1 == "runner" && NF == 2 {print $2}' "$out/failures.txt")
errors_service=$(awk '$1 == "service" && NF == 2 {print $2}' "$out/failures.txt")
# the runner's own log line of the measured round: how many connections it had open before the open
ready=$(grep -o '"message":"[0-9]* of [0-9]* connections to [^"]* ready before the open[^"]*"' "$PERF_OUT/bot-runner.log" | tail -1 \
  | sed 's/"message":"//; s/"$//' || true)

verdict() { if (($(echo "$1" | bc -l))); then echo PASS; else echo FAIL; fi; }
printf '\n== bot-runner benchmark (%s, %d cores, round %s: %ds open of %ds, %s, admission %s/s, venue %dx%d) ==\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$round" "$OPEN_FOR" "$PERIOD" "$DIFFICULTY" "$ADMISSION_RATE" "$VENUE_ROWS" \
  "$VENUE_COLUMNS"
printf 'CPUs: %s; bot-runner JVM options: -Xmx512m %s\n' "$pinning" "$RUNNER_JAVA_OPTS"
printf '%-44s %8s %8s %8s %8s %8s\n' "launch lag (ms, bucket upper bounds)" n p50 p99 max target
printf '%-44s %8s %8s %8s %8s %8s\n' "timer fired - scheduled start" "$lag_n" "$lag_p50" "$lag_p99" "$lag_max" \
  "$(verdict "$lag_p99 <= 100 && $lag_n > 0")"
printf '%-44s %8s %8s %8s %8s\n' "first request on the wire - scheduled start" "$req_n" "$req_p50" "$req_p99" "$req_max"
printf '%-44s %8s %8s %8s %8s %8s %8s\n' "bots (per-round counters)" launched admitted booked lost cancelled errors
printf '%-44s %8s %8s %8s %8s %8s %8s\n' "" "$launched" "$admitted" "$booked" "$lost" "$cancelled" "$errors"
printf '%-44s %8s %8s %8s\n' "bot errors by side" runner service target
printf '%-44s %8s %8s %8s\n' "" "$errors_runner" "$errors_service" "$(verdict "$errors_runner == 0")"
printf 'CPU over the open round (%s s; %% of one core): bot-runner %s, admission %s, booking %s, stack JVM (ElasticMQ) %s,' \
  "$(echo "${cpu1%% *} - ${cpu0%% *}" | bc -l | xargs printf '%.1f')" "$c_runner" "$c_admission" "$c_booking" "$c_stack"
printf ' mariadbd %s, redis %s; host busy %s%% of %d cores\n' "$c_mariadb" "$c_redis" "$c_host" "$(nproc)"
printf 'bot-runner: %s threads at most while the round was open, heap used %s MB after the round, peak RSS %s MB\n' \
  "$threads_max" "$heap" "$rss_peak"
if ((PROFILE == 1)); then
  echo "bot-runner's sampled CPU (JFR): $(python3 perf/tools/bench_stats.py jfr-cpu "$out/bot-runner.samples.txt")"
fi
{ read -r gc_open_n gc_open_ms gc_open_max gc_n gc_ms gc_max; mapfile -t gc_pauses; } \
  < <(stats gc "$out/runner-gc.log" "$open" $((open + OPEN_FOR)))
printf 'bot-runner GC pauses: %s in the open'"'"'s first 3 s (%s ms, longest %s ms); %s from 5 s before the open to the close' \
  "$gc_open_n" "$gc_open_ms" "$gc_open_max" "$gc_n"
printf ' (%s ms, longest %s ms): %s\n' "$gc_ms" "$gc_max" "$(IFS=,; echo "${gc_pauses[*]:-none}")"
printf 'before the open: %s; pool to admission a second before the open (total active idle pending): %s, after: %s\n' \
  "${ready:-(no connections opened ahead)}" "$(stats pool "$out/prom-before.txt" "$admission_port")" \
  "$(stats pool "$out/prom-after.txt" "$admission_port")"
if awk 'NF == 4 {found = 1} END {exit !found}' "$out/failures.txt"; then
  echo "bot errors by side, call and cause (ticketing.bots.failures):"
  awk 'NF == 4 {printf "  %-8s %-8s %-20s %6d\n", $1, $2, $3, $4}' "$out/failures.txt" | head -12
fi
printf 'admission answered: %s\n' "$(stats requests "$out/admission-before.txt" "$out/admission-after.txt")"
printf 'booking answered: %s\n' "$(stats requests "$out/booking-before.txt" "$out/booking-after.txt")"
printf 'booking results of the round: %s\n' "$(stats results "$out/booking-results.json")"
printf 'target: launch lag p99 <= 100 ms, no errors caused by the runner. Raw output: %s, %s/bot-*.log\n' "$out" \
  "$PERF_OUT"
