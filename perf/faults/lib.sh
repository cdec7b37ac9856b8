# Helpers sourced by the drills in this folder. A drill runs with the soak's environment: SOAK_OUT (the run's folder),
# SOAK_STACK_DIR (the private stack: stack.env, redis.pid, mariadb.pid) and, for a local run, $SOAK_OUT/pids/<service>
# (the pid of each service, rewritten when a drill restarts one). Everything a drill prints is prefixed and timed.

drill_name=$(basename "$0")
say() { printf '%s fault %s: %s\n' "$(date -u +%H:%M:%S.%3N)" "$drill_name" "$*"; }

seconds_of() { # 180s | 3m | 180 → seconds
  case $1 in
    *ms) echo $(( ${1%ms} / 1000 )) ;;
    *s) echo "${1%s}" ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    '') echo "${2:-5}" ;;
    *) echo "$1" ;;
  esac
}

service_pid() { # service → its pid now (local runs only)
  local file="$SOAK_OUT/pids/$1"
  [[ -f $file ]] || { say "no pid file $file: a --target run cannot kill $1"; exit 2; }
  cat "$file"
}

# kill -9 a service, then after a pause start it again exactly as it ran (same command line, environment, folder and
# log), recording its new pid for the soak (heap samples, cleanup) and for later drills.
kill_and_restart() { # service, seconds down
  local service=$1 down=$2 pid cwd log
  pid=$(service_pid "$service")
  local -a cmd env
  mapfile -d '' -t cmd < "/proc/$pid/cmdline"
  mapfile -d '' -t env < "/proc/$pid/environ"
  cwd=$(readlink "/proc/$pid/cwd")
  log=$(readlink "/proc/$pid/fd/1")
  kill -KILL "$pid"
  say "kill -9 $service (pid $pid); starting it again in ${down}s"
  sleep "$down"
  (cd "$cwd" && exec env -i "${env[@]}" "${cmd[@]}") >> "$log" 2>&1 &
  echo $! > "$SOAK_OUT/pids/$service"
  say "$service started again (pid $!)"
  local port
  port=$(printf '%s\n' "${cmd[@]}" | sed -n 's/^--server.port=//p')
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; then
      say "$service ready again on :$port"
      return 0
    fi
    sleep 0.5
  done
  say "$service did not become ready within 120 s (log: $log)"
}

# SIGSTOP a data server for a while, then SIGCONT: to its clients it is down (connections open, nothing answers).
stall() { # name, pid file, seconds
  local name=$1 pid
  pid=$(cat "$2")
  kill -STOP "$pid"
  say "$name (pid $pid) stopped for ${3}s"
  sleep "$3"
  kill -CONT "$pid"
  say "$name (pid $pid) running again"
}
