# Helpers sourced by the perf/*-bench.sh scripts: tools, a private local stack, services with -Xmx512m, cleanup.
# Everything listens on loopback only and stops when the script exits.

PERF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$PERF_ROOT"
source scripts/lib/jdk.sh
source scripts/lib/wait.sh
PERF_OUT="$PERF_ROOT/perf/target"
mkdir -p "$PERF_OUT"
perf_pids=()
perf_aot_training=()

perf_stop_all() { # pids…: TERM to each (the last first), then up to 10 s each to finish
  local i pid
  for ((i = $#; i >= 1; i--)); do kill -TERM "${!i}" 2>/dev/null || true; done
  for pid in "$@"; do perf_await_exit "$pid" 40; done
}

perf_await_exit() { # pid, quarter seconds of patience (an AOT training run: 120 s to write its cache), then KILL
  local patience=$2 _
  [[ " ${perf_aot_training[*]} " == *" $1 "* ]] && patience=480
  for _ in $(seq 1 "$patience"); do kill -0 "$1" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$1" 2>/dev/null || true
}

perf_cleanup() {
  perf_stop_all ${perf_pids[@]+"${perf_pids[@]}"}
}
trap perf_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

perf_need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "perf: installing $2 (Debian package)…"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "perf: '$1' is missing: run  sudo apt-get install $2" >&2; exit 1; }
}

# the exit status of a script whose tools, stack or services could not start (perf/soak documents 2 for it)
PERF_START_FAILED=${PERF_START_FAILED:-1}

perf_classpath() { # perf's classes and their dependencies (after perf_build)
  echo "perf/target/classes:$(cat perf/target/classpath.txt)"
}

perf_build() { # modules…
  local list
  list=$(IFS=,; echo "$*")
  echo "perf: building $list…"
  ./mvnw -B -ntp -q -DskipTests -DskipITs -Dspotless.check.skip=true -pl "$list" -am install > "$PERF_OUT/build.log" 2>&1 \
    || { tail -30 "$PERF_OUT/build.log" >&2; echo "perf: the build failed (log: $PERF_OUT/build.log)" >&2; exit "$PERF_START_FAILED"; }
}

perf_start_stack() { # components (REDIS,MYSQL,SQS); exports the stack's env
  # PERF_STACK_DIR / PERF_STACK_LOG (default perf/target/stack, stack.log): a benchmark with its own directory cannot
  # wipe (or, through its pid files, stop) the servers of another benchmark running at the same time
  local dir="${PERF_STACK_DIR:-$PERF_OUT/stack}" log="${PERF_STACK_LOG:-$PERF_OUT/stack.log}"
  rm -rf "$dir" "$log"
  REDIS_PORT=${PERF_REDIS_PORT:-$(tw_free_port)} MYSQL_PORT=${PERF_MYSQL_PORT:-$(tw_free_port)} \
    SQS_PORT=${PERF_SQS_PORT:-$(tw_free_port)} LOCAL_STACK_COMPONENTS="$1" \
    java -Xmx512m -cp "scripts/local-stack/target/classes:$(cat scripts/local-stack/target/classpath.txt)" \
    dev.ticketingwarrior.localstack.LocalStackMain "$dir" > "$log" 2>&1 &
  perf_pids+=($!)
  tw_wait_for_line "$log" "local-stack: READY" 120 "${perf_pids[-1]}" || { cat "$log" >&2; exit "$PERF_START_FAILED"; }
  # shellcheck disable=SC1091
  source "$dir/stack.env"
}

perf_jar() { # module → its runnable jar (module/target/<module>-*.jar, not the -plain one)
  ls "$1"/target/"$1"-*.jar | grep -v -- '-plain' | head -1
}

perf_start_service() { # module, port, extra java args… (log: perf/target/${PERF_SERVICE_LOG:-<module>}.log)
  # PERF_START_ATTEMPTS (default 1): starts to try before giving up, e.g. when a loaded machine makes start-up time out
  local module=$1 port=$2 jar log attempt
  shift 2
  jar=$(perf_jar "$module")
  log="$PERF_OUT/${PERF_SERVICE_LOG:-$module}.log"
  # PERF_AOT=1 (JDK 25+): from the extracted jar with the JDK's AOT cache in perf/target/aot/<module>; the first such
  # run after a build trains it (scripts/lib/aot.sh), and stopping it cleanly writes the cache
  local launch=(-jar "$jar")
  if [[ "${PERF_AOT:-0}" == 1 ]]; then
    source scripts/lib/aot.sh
    tw_aot_args "$jar" "$PERF_OUT/aot/$module"
    launch=("${TW_AOT_ARGS[@]}")
    echo "perf: $module with the AOT cache ($([[ ${launch[0]} == -XX:AOTCache=* ]] && echo using it || echo training it))"
  fi
  for ((attempt = 1; ; attempt++)); do
    # perf_service_prefix: a command the bench puts before java (an array, e.g. taskset -c 1 to pin the service)
    # a fresh log, appended to: a fault drill's replacement of the service appends to the same file
    : > "$log"
    ${perf_service_prefix[@]+"${perf_service_prefix[@]}"} java -Xmx512m "$@" "${launch[@]}" --server.port="$port" \
      >> "$log" 2>&1 &
    perf_pids+=($!)
    [[ ${launch[0]} == -XX:AOTCacheOutput=* ]] && perf_aot_training+=($!)
    tw_wait_ready "$port" 120 "${perf_pids[-1]}" && return 0
    ((attempt < ${PERF_START_ATTEMPTS:-1})) || break
    echo "perf: $module did not start (attempt $attempt, log kept as $log.$attempt), trying again…" >&2
    perf_stop_pid "${perf_pids[-1]}"
    mv "$log" "$log.$attempt"
  done
  tail -30 "$log" >&2
  echo "perf: $module did not start" >&2
  exit "$PERF_START_FAILED"
}

perf_cpu_seconds() { # pid → user+sys CPU seconds so far
  awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"
}

perf_forget_pid() { # pid the cleanup need not stop any more (it has ended)
  local i kept=()
  for i in "${perf_pids[@]}"; do [[ $i == "$1" ]] || kept+=("$i"); done
  perf_pids=("${kept[@]}")
}

perf_stop_pid() { # pid started by these helpers: TERM, up to 15 s to finish, then KILL; then forgotten
  kill -TERM "$1" 2>/dev/null || true
  perf_await_exit "$1" 60
  wait "$1" 2>/dev/null || true
  perf_forget_pid "$1"
}

perf_host_jiffies() { # → "busy total" CPU jiffies of the whole host so far (all cores)
  awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit}' /proc/stat
}

perf_boot_libs() { # Spring Boot jar, output dir, library names… → classpath of those nested BOOT-INF/lib jars
  local jar dir=$2 names=() name listing
  jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  shift 2
  rm -rf "$dir"; mkdir -p "$dir"
  listing=$(jar tf "$jar")
  for name in "$@"; do
    names+=($(grep -E "^BOOT-INF/lib/${name}-[0-9][^/]*\.jar$" <<< "$listing")) \
      || { echo "perf: no $name in $jar" >&2; exit 1; }
  done
  (cd "$dir" && jar xf "$jar" "${names[@]}")
  ls "$dir"/BOOT-INF/lib/*.jar | paste -sd:
}

perf_open_round() { # seconds the round must stay open, [round start to avoid] → "period start roundId"
  # A round of period p starts at a multiple of p since the epoch; services run with OPEN_FOR = period so the round is
  # open all along. Picks the first period from 3600 s (in minutes) whose current round has enough time left.
  local now p start
  now=$(date +%s)
  for ((p = 3600; p <= 10800; p += 60)); do
    start=$((now - now % p))
    ((start + p - now >= $1)) || continue
    [[ $start == "${2:-}" ]] && continue
    echo "$p $start $(date -u -d "@$start" +%Y%m%dT%H%M%SZ)"
    return 0
  done
  echo "perf: no round period gives $1 s of open round" >&2
  exit 1
}
