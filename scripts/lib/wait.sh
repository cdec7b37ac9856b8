# Waiting for a process this script started, sourced by scripts/run, perf/lib.sh and the fault drills' lib. Both waits
# give up early when the process has exited (no point waiting for a dead server) and return non-zero on failure, so the
# caller can show its log and say what did not start. And a free port on loopback to start one on.

tw_free_port() {
  if command -v python3 > /dev/null 2>&1; then # the kernel picks one
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  # no python3 (a bare Debian container): a random port no TCP socket uses, by /proc/net (hex ports after a colon)
  local port hex
  while :; do
    port=$((20000 + RANDOM % 12000))
    hex=$(printf ':%04X ' "$port")
    grep -qs "$hex" /proc/net/tcp /proc/net/tcp6 || { echo "$port"; return; }
  done
}

tw_wait_for_line() { # file, text, seconds, pid → 0 once the file contains text
  local file=$1 text=$2 seconds=$3 pid=$4
  for _ in $(seq 1 $((seconds * 2))); do
    grep -q "$text" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

tw_wait_ready() { # port, seconds, pid → 0 once the Spring Boot service on the port reports readiness
  local port=$1 seconds=$2 pid=$3
  for _ in $(seq 1 $((seconds * 2))); do
    curl -fs --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}
