# Sourced by scripts/run, scripts/test and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm, then `java` on PATH.

_tw_java_major() { # prints the major version of the java binary $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  v=${v%%.*}
  [[ $v =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

_tw_pick_jdk() {
  local candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    major=$(_tw_java_major "$JAVA_HOME/bin/java")
    if (( major >= 21 )); then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major=$(_tw_java_major "$candidate/bin/java")
    if (( major >= 21 && major > best_major )); then best="$candidate"; best_major=$major; fi
  done
  if [[ -z "$best" ]] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_tw_java_major "$candidate/bin/java")
    if (( major >= 21 )); then best="$candidate"; fi
  fi
  [[ -n "$best" ]] && echo "$best"
}

# the older JDKs there are, to name in the error: "17 (/usr/lib/jvm/java-17-openjdk-amd64)", comma separated
_tw_older_jdks() {
  local candidate real found="" seen=" "
  local candidates=(${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*)
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [[ -x "$candidate/bin/javac" ]] || continue
    real=$(readlink -f "$candidate")
    [[ $seen == *" $real "* ]] && continue
    seen+="$real "
    found+="${found:+, }$(_tw_java_major "$candidate/bin/java") ($candidate)"
  done
  echo "$found"
}

TW_JDK=$(_tw_pick_jdk || true)
if [[ -z "$TW_JDK" ]]; then
  older=$(_tw_older_jdks)
  if [[ -n "$older" ]]; then
    echo "error: Ticketing-Warrior needs a JDK 21 or newer; found only older ones: $older." >&2
  else
    echo "error: Ticketing-Warrior needs a JDK 21 or newer (found none in JAVA_HOME, /usr/lib/jvm or PATH)." >&2
  fi
  echo "       Install one, e.g.:  sudo apt-get install openjdk-21-jdk   (or Temurin 21+), then set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$TW_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
unset TW_JDK
