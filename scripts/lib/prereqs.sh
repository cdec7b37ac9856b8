# What scripts/run and scripts/test need besides a JDK (scripts/lib/jdk.sh), checked before any long work starts, each
# failing with what to install or stop. Sourced; every check exits the calling script on failure.

# the web app's packages want this Node.js (web/package.json "engines": Vite, ESLint and jsdom need ^20.19)
TW_NODE_MIN=20.19

tw_need_curl() { # the readiness probes of the services ask their actuator with curl
  command -v curl > /dev/null 2>&1 && return 0
  echo "error: curl is missing (the services' readiness is probed with it). Install it, e.g.:  sudo apt-get install curl" >&2
  exit 1
}

tw_need_node() { # node >= TW_NODE_MIN and npm, for the web app
  local found major minor want_major=${TW_NODE_MIN%%.*} want_minor=${TW_NODE_MIN#*.}
  found=$(node -p 'process.versions.node' 2>/dev/null || true)
  major=${found%%.*}
  minor=${found#*.}
  minor=${minor%%.*}
  if [[ ! $major =~ ^[0-9]+$ || ! $minor =~ ^[0-9]+$ ]] \
      || ((major < want_major || (major == want_major && minor < want_minor))); then
    echo "error: the web app needs Node.js >= $TW_NODE_MIN (found: ${found:-none})." >&2
    echo "       Install it from nodejs.org or your distribution (e.g. Debian 13: sudo apt-get install nodejs npm)." >&2
    exit 1
  fi
  command -v npm > /dev/null 2>&1 && return 0
  echo "error: the web app needs npm beside Node.js $found. Install it, e.g.:  sudo apt-get install npm" >&2
  exit 1
}

tw_need_chromium() { # Debian's Chromium (and CJK fonts) for the browser tests; installed when root on Debian
  local chromium=${CHROMIUM_PATH:-/usr/bin/chromium} missing=()
  [[ -x $chromium ]] || missing+=(chromium)
  if command -v dpkg-query > /dev/null 2>&1 \
      && ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2> /dev/null | grep -q 'install ok installed'; then
    missing+=(fonts-noto-cjk) # Korean text in the screenshots and the layout checks
  fi
  ((${#missing[@]})) || return 0
  if [[ -n ${CHROMIUM_PATH:-} && ! -x $chromium ]]; then
    echo "error: CHROMIUM_PATH=$chromium is not an executable browser." >&2
    exit 1
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get > /dev/null 2>&1; then
    echo "installing ${missing[*]} from Debian for the browser tests…"
    if apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null; then
      return 0
    fi
    # the fonts alone are worth no failure: Korean text renders as boxes, the tests still run
    [[ -x $chromium ]] || { echo "error: could not install Chromium (apt-get failed; see above)" >&2; exit 1; }
  fi
  if [[ ! -x $chromium ]]; then
    echo "error: the browser tests need Debian's Chromium at $chromium (or CHROMIUM_PATH). Run:" >&2
    echo "       sudo apt-get install chromium fonts-noto-cjk" >&2
    exit 1
  fi
  echo "warning: fonts-noto-cjk is not installed: Korean text may render as boxes (sudo apt-get install fonts-noto-cjk)" >&2
}

tw_listening() { # port → 0 when something accepts connections on 127.0.0.1:port
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

tw_need_free_ports() { # what, then VARIABLE=port pairs → exits naming the first port already in use
  local what=$1 pair
  shift
  for pair in "$@"; do
    if tw_listening "${pair#*=}"; then
      echo "error: $what needs 127.0.0.1:${pair#*=} (${pair%%=*}), which something already listens on." >&2
      echo "       Stop it (see: ss -ltnp 'sport = :${pair#*=}'; an earlier scripts/run or npm run dev?), or pick" >&2
      echo "       another port with ${pair%%=*}=…" >&2
      exit 1
    fi
  done
}
