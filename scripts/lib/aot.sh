# Sourced by scripts/run and perf/warmup-bench.sh: the JDK's ahead-of-time cache (JEP 483, 514, 515; JDK >= 25) for a
# Spring Boot service. A cache holds the classes the service loaded and linked and the methods' profiles from a
# training run, so the next start skips that work and the JIT compiles the hot paths sooner. It is valid for exactly
# one classpath and one JDK build, and it needs Spring Boot's extracted layout (the application jar plus lib/, no
# nested jars): the JVM ignores a cache that does not match (with a warning) and runs as without one.
#
#   tw_aot_supported              status 0 when this JDK can write and read AOT caches
#   tw_aot_args <jar> <dir>       sets the array TW_AOT_ARGS to the java arguments that run the service from <dir>
#                                 (extracted there again whenever <jar> is newer than the extraction):
#                                   - <dir>/app.aot exists (an earlier run of the same jar wrote it): use it;
#                                   - otherwise this run is the training run: the JVM records what the service does
#                                     and writes <dir>/app.aot when it exits (a clean stop; not after kill -9).
#                                 TICKETING_AOT=off: the plain jar (`-jar <jar>`); TICKETING_AOT=train: train again.
#                                 Without JDK 25: the plain jar.

tw_aot_supported() { # asks the JVM once per script (each service's start would otherwise launch one more)
  if [[ -z "${_tw_aot_supported:-}" ]]; then
    _tw_aot_supported=no
    java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput ' && _tw_aot_supported=yes
  fi
  [[ $_tw_aot_supported == yes ]]
}

tw_aot_extract() { # jar, dir → prints the extracted application jar
  local jar=$1 dir=$2 name
  name=$(basename "$jar")
  if [[ ! -f "$dir/$name" || "$jar" -nt "$dir/.extracted" ]]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
    touch "$dir/.extracted"
  fi
  echo "$dir/$name"
}

tw_aot_args() { # jar, dir
  local jar=$1 dir=$2 mode=${TICKETING_AOT:-auto} app
  if [[ "$mode" == "off" ]] || ! tw_aot_supported; then
    TW_AOT_ARGS=(-jar "$jar")
    return 0
  fi
  app=$(tw_aot_extract "$jar" "$dir")
  if [[ "$mode" != "train" && -s "$dir/app.aot" ]]; then
    TW_AOT_ARGS=(-XX:AOTCache="$dir/app.aot" -jar "$app")
  else
    rm -f "$dir/app.aot"
    TW_AOT_ARGS=(-XX:AOTCacheOutput="$dir/app.aot" -jar "$app")
  fi
}
