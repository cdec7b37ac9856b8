# Helpers sourced by the drills in this folder. A drill runs with the soak's environment: SOAK_OUT (the run's folder),
# SOAK_STACK_DIR (the private stack: stack.env, redis.pid, mariadb.pid) and, for a local run, $SOAK_OUT/pids/<service>
# (the pid of each service, rewritten when a drill restarts one). Everything a drill prints is prefixed and timed.

source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/wait.sh"

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

# The command line, environment, folder and log (its stdout) of process $1, into proc_cmd, proc_env, proc_cwd, proc_log:
# what relaunch starts again.
read_process() { # pid
  mapfile -d '' -t proc_cmd < "/proc/$1/cmdline"
  mapfile -d '' -t proc_env < "/proc/$1/environ"
  proc_cwd=$(readlink "/proc/$1/cwd")
  proc_log=$(readlink "/proc/$1/fd/1")
}

# Starts the process read_process read, exactly as it ran, its output appended to the log (its own by default); the
# new pid in $relaunched.
relaunch() { # [log]
  (cd "$proc_cwd" && exec env -i "${proc_env[@]}" "${proc_cmd[@]}") >> "${1:-$proc_log}" 2>&1 &
  relaunched=$!
}

# kill -9 a service (or, with TERM, stop it as ECS does in a rolling deploy, and wait until it has shut down), then
# after a pause start it again exactly as it ran (same command line, environment, folder and log), recording its new
# pid for the soak (heap samples, cleanup) and for later drills.
kill_and_restart() { # service, seconds down, [signal: KILL (default) or TERM]
  local service=$1 down=$2 signal=${3:-KILL} pid
  pid=$(service_pid "$service")
  read_process "$pid"
  local killed=$SECONDS
  if [[ $signal == TERM ]]; then
    stop_gracefully "$service" "$pid"
    say "starting $service again in ${down}s"
  else
    kill -KILL "$pid"
    say "kill -9 $service (pid $pid); starting it again in ${down}s"
  fi
  sleep "$down"
  relaunch
  echo "$relaunched" > "$SOAK_OUT/pids/$service"
  say "$service started again (pid $relaunched)"
  local port
  port=$(server_port)
  if tw_wait_ready "$port" 120 "$relaunched"; then
    say "$service ready again on :$port, $((SECONDS - killed)) s after the $([[ $signal == TERM ]] && echo SIGTERM || echo kill)"
  else
    say "$service did not become ready within 120 s, or ended (log: $proc_log)"
  fi
}

# SIGTERM, as ECS stops a task, and wait for the graceful stop; kill -9 after 60 s, as ECS does after its stop timeout.
stop_gracefully() { # service, pid
  local service=$1 pid=$2 asked=$SECONDS
  kill -TERM "$pid"
  say "SIGTERM to $service (pid $pid): a graceful stop"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2> /dev/null; then
    kill -KILL "$pid"
    say "$service still running 60 s after SIGTERM: kill -9 (as ECS does after its stop timeout)"
  else
    say "$service stopped $((SECONDS - asked)) s after SIGTERM"
  fi
}

# The --server.port of the process read_process read.
server_port() {
  printf '%s\n' "${proc_cmd[@]}" | sed -n 's/^--server.port=//p'
}

# Starts a copy of the service instance whose pid is $1 (same command line, environment and folder, on a new port),
# its output appended to $3 (the original's log when empty), and waits until it is ready; its pid and port in copy_pid
# and copy_port. $2 names it in what is said ("booking: its replacement"). Returns 1, having stopped it, when it is
# not ready within 120 s.
start_copy() { # pid, what, [log]
  local what=$2 started=$SECONDS i
  read_process "$1"
  copy_port=$(tw_free_port)
  for i in "${!proc_cmd[@]}"; do
    [[ ${proc_cmd[$i]} == --server.port=* ]] && proc_cmd[i]=--server.port=$copy_port
  done
  relaunch "${3:-}"
  copy_pid=$relaunched
  say "$what started (pid $copy_pid, :$copy_port)"
  if ! tw_wait_ready "$copy_port" 120 "$copy_pid"; then
    kill -KILL "$copy_pid" 2> /dev/null || true   # not in the pid files: nothing else would stop it
    say "$what did not become ready within 120 s, or ended (log: ${3:-$proc_log})"
    return 1
  fi
  say "$what is ready on :$copy_port, $((SECONDS - started)) s after its start"
}

# Takes an instance out as ECS stops a task behind the ALB: drained at the load balancer (control port $4, none when
# empty: no new connections), given $5 seconds of deregistration delay for the ones it has, stopped with SIGTERM, then
# deregistered.
retire_instance() { # instance, pid, port, balancer control port or '', seconds of deregistration delay
  local instance=$1 pid=$2 port=$3 control=$4
  if [[ -n $control ]]; then
    balancer "$control" POST "$instance@$port/drain"
    say "$instance: :$port drained at the load balancer; ${5}s of deregistration delay"
    sleep "$5"
  fi
  stop_gracefully "$instance (:$port)" "$pid"
  [[ -z $control ]] || balancer "$control" DELETE "$instance@$port"
}

# Replaces a service instance as an ECS rolling deploy does (minimum healthy 100 %, maximum 200 %): a copy of it
# (start_copy, into the same log) once ready is registered with the service's load balancer (control port $2, none
# when empty) under <instance>@<port>, and the old one is retired (retire_instance, $3 seconds of deregistration delay).
replace_instance() { # instance, balancer control port or '', seconds of deregistration delay
  local instance=$1 control=$2 delay=$3 old old_port started=$SECONDS
  old=$(service_pid "$instance")
  read_process "$old"
  old_port=$(server_port)
  start_copy "$old" "$instance: its replacement" || { say "$instance: the old one serves on"; return 1; }
  echo "$copy_pid" > "$SOAK_OUT/pids/$instance"   # the soak's heap samples and clean-up follow the replacement
  [[ -z $control ]] || balancer "$control" PUT "$instance@$copy_port" "127.0.0.1:$copy_port"
  retire_instance "$instance" "$old" "$old_port" "$control" "$delay"
  say "$instance: replaced, $((SECONDS - started)) s in all"
}

# A call to a load balancer's control port (perf/faults/Balancer): method, target path under /targets/, [body].
balancer() { # control port, method, path, [body]
  curl -fsS -X "$2" ${4:+--data "$4"} "http://127.0.0.1:$1/targets/$3" > /dev/null \
    || say "the load balancer (control :$1) refused $2 /targets/$3"
}

# What to undo if the drill is cut short (Ctrl-C, or the soak stopping it with SIGTERM) before it undid it itself: a
# server left stopped or a proxy left slow would outlive the drill (and the soak's final audit would meet it).
# on_interrupt arms it with a command, disarm drops it once the drill has undone what it did. Interrupted, the drill
# SIGKILLs its own children before the undo: an armed drill's only child is its pause's sleep (bash runs the trap once
# a foreground command has ended), so start no other child (a relaunch, a log pipe) between on_interrupt and disarm.
on_interrupt() { # command…
  undo_on_interrupt=("$@")
  trap interrupted EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
interrupted() {
  # once, whatever signals follow: bash 5.2 can run the EXIT trap a second time when a signal's trap ends a wait
  trap '' INT TERM
  trap - EXIT
  local undo=("${undo_on_interrupt[@]}") children=() child
  undo_on_interrupt=()
  # the pause's sleep, also one started just before the signal (pause may not have its pid yet, and a forked child
  # that has not yet become sleep would take a SIGTERM as bash's trap and lose it when it does); $BASHPID, not $$,
  # should a drill run in a subshell
  local list="/proc/$BASHPID/task/$BASHPID/children"
  [[ ! -r $list ]] || read -r -a children < "$list" || true
  for child in ${paused:-} "${children[@]}"; do kill -KILL "$child" 2> /dev/null || true; done
  ((${#undo[@]} == 0)) || "${undo[@]}" || true
}
disarm() {
  undo_on_interrupt=()
  trap - EXIT INT TERM
}

# sleep that a signal cuts short: bash runs a trap only once its foreground command has ended, so a plain sleep would
# hold the undo back until its time was up.
pause() { # seconds
  sleep "$1" &
  paused=$!
  wait "$paused"
  paused=
}

# SIGSTOP a data server for a while, then SIGCONT: to its clients it is down (connections open, nothing answers). An
# interrupted stall lets the server run again.
stall() { # name, pid file, seconds
  local name=$1 pid
  pid=$(cat "$2")
  on_interrupt resume "$name" "$pid"
  kill -STOP "$pid"
  say "$name (pid $pid) stopped for ${3}s"
  pause "$3"
  kill -CONT "$pid"
  disarm
  say "$name (pid $pid) running again"
}

resume() { # name, pid
  kill -CONT "$2" 2> /dev/null
  say "$1 (pid $2) running again: the drill was interrupted"
}

# kill -9 one of the local stack's launcher JVMs (e.g. ElasticMQ's, $SOAK_STACK_DIR/sqs.pid) and start it again as it
# ran — same command line (so the same data folder), environment (so the same port) and log — once it was down for a
# while; waits for its READY line and records the new pid in the pid file (and in any other file named after it).
kill_and_restart_launcher() { # name, pid file, seconds down, [other pid file…]
  local name=$1 pid_file=$2 down=$3 pid log lines
  shift 3
  pid=$(cat "$pid_file")
  read_process "$pid"
  log=$proc_log
  lines=$(wc -l < "$log")
  kill -KILL "$pid"
  say "kill -9 $name (pid $pid); starting it again in ${down}s"
  sleep "$down"
  relaunch
  local new=$relaunched file
  for file in "$pid_file" "$@"; do echo "$new" > "$file"; done
  say "$name started again (pid $new)"
  local start=$SECONDS
  for _ in $(seq 1 240); do
    if tail -n +"$((lines + 1))" "$log" | grep -q "local-stack: READY"; then
      say "$name ready again ($((SECONDS - start)) s after the start, $((SECONDS - start + down)) s after the kill)"
      return 0
    fi
    kill -0 "$new" 2> /dev/null || { say "$name ended while starting again (log: $log)"; return 1; }
    sleep 0.5
  done
  say "$name did not become ready within 120 s (log: $log)"
}

# A latency proxy the soak put in front of a server (slow-redis, slow-sqs): set the delay it adds to every round trip.
proxy_delay() { # name (redis|sqs), delay (50ms, 0)
  local control_file="$SOAK_STACK_DIR/$1-proxy.control"
  [[ -f $control_file ]] || { say "no latency proxy in front of $1 ($control_file): a --target run?"; exit 2; }
  curl -fsS -X PUT --data "$2" "http://127.0.0.1:$(cat "$control_file")/delay" > /dev/null
}

# slow-<server>[:delay[:duration]]: the proxy adds the delay for that long, then none again (also when interrupted).
slow() { # name, argument, default delay, default duration
  local name=$1 delay=${2%%:*} duration
  duration=$([[ $2 == *:* ]] && echo "${2#*:}" || echo "")
  delay=${delay:-$3}
  duration=$(seconds_of "$duration" "$4")
  on_interrupt full_speed "$name"
  proxy_delay "$name" "$delay"
  say "$name answers ${delay} later (latency proxy) for ${duration}s"
  pause "$duration"
  proxy_delay "$name" 0
  disarm
  say "$name at full speed again"
}

full_speed() { # name
  proxy_delay "$1" 0
  say "$1 at full speed again: the drill was interrupted"
}
