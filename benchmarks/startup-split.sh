#!/usr/bin/env bash
# Where otelite's start-up time goes on the stock Tomcat of overhead.sh: the time to the first 200 of the
# examples' HelloWorld servlet and the classes loaded, with no agent, with otelite, and with otelite but every
# instrumentation module switched off (what premain, the SDK, the transformer's installation and the one weave
# the agent always makes, java.util.logging.LogManager, cost by themselves).
# Tomcat is started by its own `catalina.sh run`, pinned to one core; exporters `none`. Needs the Tomcat that
# overhead.sh downloads (run it once, QUICK=1 is enough) and the built agent jar.
#   RUNS=3               starts per variant, interleaved
#   JVM_OPTS=""          extra JVM options for every start (e.g. -XX:TieredStopAtLevel=1 to see the JIT's share)
#   COMPARE_JAR=""       another build of the agent jar, started as a fourth variant, `compared` (an A/B of a change:
#                        copy the jar before the change aside, build the change, point this at the copy)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
RUNS=${RUNS:-3}
JVM_OPTS=${JVM_OPTS:-}
COMPARE_JAR=${COMPARE_JAR:-}
TOMCAT_VERSION=$(sed -n 's:.*<tomcat10.version>\(.*\)</tomcat10.version>.*:\1:p' "$REPO/pom.xml")
TOMCAT_HOME=$HERE/target/overhead/apache-tomcat-$TOMCAT_VERSION
AGENT=$REPO/agent/target/otelite-agent.jar
URL=http://127.0.0.1:8080/examples/servlets/servlet/HelloWorldExample
[[ -x $TOMCAT_HOME/bin/catalina.sh ]] || { echo "no Tomcat at $TOMCAT_HOME: run benchmarks/overhead.sh once" >&2; exit 1; }
[[ -f $AGENT ]] || { echo "no agent jar at $AGENT: build it first" >&2; exit 1; }
[[ -z $COMPARE_JAR || -f $COMPARE_JAR ]] || { echo "no jar at COMPARE_JAR=$COMPARE_JAR" >&2; exit 1; }
PIN=() LOAD_PIN=()
if (($(nproc) >= 2)); then PIN=(taskset -c 0) LOAD_PIN=(taskset -c 1); fi

variants=(none otelite modules-off)
declare -A options=(
  [none]=""
  [otelite]="-javaagent:$AGENT"
  [modules-off]="-javaagent:$AGENT -Dotel.instrumentation.common.default-enabled=false"
  [compared]="-javaagent:$COMPARE_JAR"
)
if [[ -n $COMPARE_JAR ]]; then variants+=(compared); fi

start_once() { # VARIANT: prints the milliseconds to the first 200, the classes loaded and the CPU used by then
  rm -rf "$TOMCAT_HOME"/{logs,work,temp}
  mkdir -p "$TOMCAT_HOME"/{logs,work,temp}
  sed -e 's|<Server port="8005"|<Server port="-1"|' "$TOMCAT_HOME/conf/server.xml.stock" >"$TOMCAT_HOME/conf/server.xml"
  local start pid
  start=$(date +%s%N)
  env OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none \
    CATALINA_HOME="$TOMCAT_HOME" CATALINA_BASE="$TOMCAT_HOME" CATALINA_OPTS="$JVM_OPTS ${options[$1]}" \
    "${PIN[@]}" "$TOMCAT_HOME/bin/catalina.sh" run >"$HERE/target/startup-split-$1.log" 2>&1 &
  pid=$!
  until [[ $("${LOAD_PIN[@]}" curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL" || true) == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "$1: Tomcat exited; see $HERE/target/startup-split-$1.log" >&2; return 1; }
    sleep 0.02
  done
  local ms=$((($(date +%s%N) - start) / 1000000)) classes cpu_ms
  # catalina.sh run execs the JVM, so $pid is the JVM: user and system time, in clock ticks
  cpu_ms=$(awk -v tck="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tck) }' "/proc/$pid/stat")
  classes=$("${LOAD_PIN[@]}" jstat -class "$pid" | awk 'NR == 2 { print $1 }')
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf '%-12s %6d ms  %6d classes  %6d ms CPU\n' "$1" "$ms" "$classes" "$cpu_ms"
}

mkdir -p "$HERE/target"
results=$HERE/target/startup-split.txt
: >"$results"
for ((round = 1; round <= RUNS; round++)); do
  for variant in "${variants[@]}"; do start_once "$variant" | tee -a "$results"; done
done
echo "medians over $RUNS starts (time to the first 200, classes, CPU):"
for variant in "${variants[@]}"; do
  awk -v v="$variant" '$1 == v { ms[n] = $2; cl[n] = $4; cpu[n] = $6; n++ }
    function median(a, n,   i, j, t) {
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[int(n / 2)] : (a[n / 2 - 1] + a[n / 2]) / 2
    }
    END { printf "%-12s %6d ms  %6d classes  %6d ms CPU\n", v, median(ms, n), median(cl, n), median(cpu, n) }' "$results"
done
