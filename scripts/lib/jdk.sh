# Sourced by scripts/run, scripts/test and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, else the newest JDK >= 21 under /usr/lib/jvm or of `javac` on PATH.

_tw_java_major() { # prints the major version of the java binary $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  v=${v%%.*}
  [[ $v =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

# every JDK home there is, one a line, each once: $JAVA_HOME, those under /usr/lib/jvm, the one of `javac` on PATH
_tw_jdk_homes() {
  local candidate real seen=" "
  local candidates=(${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*)
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [[ -x "$candidate/bin/javac" ]] || continue
    real=$(readlink -f "$candidate")
    [[ $seen == *" $real "* ]] && continue
    seen+="$real "
    echo "$candidate"
  done
}

_tw_pick_jdk() {
  local home major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] && (($(_tw_java_major "$JAVA_HOME/bin/java") >= 21)); then
    echo "$JAVA_HOME"
    return 0
  fi
  while IFS= read -r home; do
    major=$(_tw_java_major "$home/bin/java")
    if ((major >= 21 && major > best_major)); then best="$home"; best_major=$major; fi
  done < <(_tw_jdk_homes)
  [[ -n "$best" ]] && echo "$best"
}

# the JDKs there are, for the error: "17 (/usr/lib/jvm/java-17-openjdk-amd64)", comma separated
_tw_found_jdks() {
  local home found=""
  while IFS= read -r home; do
    found+="${found:+, }$(_tw_java_major "$home/bin/java") ($home)"
  done < <(_tw_jdk_homes)
  echo "$found"
}

TW_JDK=$(_tw_pick_jdk || true)
if [[ -z "$TW_JDK" ]]; then
  TW_FOUND=$(_tw_found_jdks)
  if [[ -n "$TW_FOUND" ]]; then
    echo "error: Ticketing-Warrior needs a JDK 21 or newer; found only older ones: $TW_FOUND." >&2
  else
    echo "error: Ticketing-Warrior needs a JDK 21 or newer (found none in JAVA_HOME, /usr/lib/jvm or PATH)." >&2
  fi
  echo "       Install one, e.g.:  sudo apt-get install openjdk-21-jdk   (or Temurin 21+), then set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$TW_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
unset TW_JDK
