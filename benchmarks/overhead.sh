#!/usr/bin/env bash
# Whole-process overhead: the same application with no agent, with the OpenTelemetry Java agent and with otelite,
# interleaved (none, otel, otelite, otel, otelite per application and round), on loopback only.
# Writes results/overhead.md (results/overhead-quick.md with QUICK=1), a PNG chart and the raw runs as CSV.
# See README.md for what is measured and how. Settings (environment):
#   QUICK=1              a sanity run (1 round, short loads; about 8 minutes; CPU numbers still include the JIT)
#   ROUNDS=3             rounds; each round runs every application with every agent once
#   WARMUP=8 DURATION=12 seconds of unmeasured and of measured load per run
#   ALLOC_DURATION=6     seconds of the last load, at the fixed rate, over which allocated bytes are counted
#   CONNECTIONS=8        wrk connections (one wrk thread)
#   RATE=3000            requests a second of the fixed load (CPU per request and latency are measured at it); pick
#                        one every agent sustains: the OpenTelemetry agent peaks near 8 000/s for testapp on one core
#   SPRINGBOOT3_RATE=250  the fixed rate for the Spring Boot application, whose pages cost more (JPA, Thymeleaf): on
#                        2 slow cores it serves about 700/s with no agent and 450/s with the OpenTelemetry agent
#   APPS="testapp tomcat springboot3" EXPORTS="otlp none"   what to run; `none` = all exporters none
#   JVM_OPTS=""          extra JVM options for every application (the JVM's defaults otherwise)
#   JAVA_HOME            the JDK that runs the applications (default: the one `java` on PATH belongs to)
#   METRIC_INTERVAL_MS=10000  metric export interval for both agents, so that metrics are exported during the run
#   OTEL_AGENT_VERSION=2.33.1 TOMCAT_VERSION=<root pom's tomcat10.version>
#   APP_CPU=0 LOAD_CPU=1 the core the application is pinned to, and the one wrk, curl and the receiver use
#   RESULTS_NAME=overhead  the name of the result files (a partial run, say APPS=tomcat, need not overwrite the full one)
#   PROFILE=0            1: after each agent run's measurements, PROFILE_DURATION more seconds at the fixed rate
#   PROFILE_DURATION=10  under async-profiler (CPU by interval timer, then allocation), attached with jcmd; then one
#                        more start under the profiler to the first 200. Writes results/overhead-profiles.md (samples
#                        by thread and component, top frames). Changes no other number: each profile comes after.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)

QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then
  ROUNDS=${ROUNDS:-1}
  WARMUP=${WARMUP:-3}
  DURATION=${DURATION:-5}
  ALLOC_DURATION=${ALLOC_DURATION:-3}
fi
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-8}
DURATION=${DURATION:-12}
ALLOC_DURATION=${ALLOC_DURATION:-6}
CONNECTIONS=${CONNECTIONS:-8}
RATE=${RATE:-3000}
SPRINGBOOT3_RATE=${SPRINGBOOT3_RATE:-250}
APPS=${APPS:-testapp tomcat springboot3}
EXPORTS=${EXPORTS:-otlp none}
JVM_OPTS=${JVM_OPTS:-}
METRIC_INTERVAL_MS=${METRIC_INTERVAL_MS:-10000}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-120}
OTEL_AGENT_VERSION=${OTEL_AGENT_VERSION:-2.33.1}
TOMCAT_VERSION=${TOMCAT_VERSION:-$(sed -n 's:.*<tomcat10.version>\(.*\)</tomcat10.version>.*:\1:p' "$REPO/pom.xml")}
APP_CPU=${APP_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PROFILE=${PROFILE:-0}
PROFILE_DURATION=${PROFILE_DURATION:-10}
ASYNC_PROFILER_VERSION=${ASYNC_PROFILER_VERSION:-4.1}
if [[ -z ${JAVA_HOME:-} ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
export JAVA_HOME

OUT=$HERE/target/overhead
RESULTS=$HERE/results
SESSION=$OUT/runs/$(date +%Y%m%d-%H%M%S)
OTEL_JAR=$OUT/opentelemetry-javaagent-$OTEL_AGENT_VERSION.jar
OTELITE_JAR=$REPO/agent/target/otelite-agent.jar
TESTAPP_JAR=$REPO/testapp/target/testapp.jar
SPRINGBOOT3_JAR=$REPO/testapp-spring-boot3/target/testapp-spring-boot3.jar
# the Spring Boot application's load goes round its pages: JSON over JPA, a Thymeleaf page over JPA, a plain one
SPRINGBOOT3_PATHS=(/api/owners/1 /owners/1 /greetings/x)
PROBE_DIR=$OUT/probe
TOMCAT_HOME=$OUT/apache-tomcat-$TOMCAT_VERSION
ASYNC_PROFILER_LIB=$OUT/async-profiler-$ASYNC_PROFILER_VERSION/libasyncProfiler.so
CLK_TCK=$(getconf CLK_TCK)

log() { echo "[overhead $(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }

# Pinning only where there are two cores to pin to.
# Prefixes, not functions, so that a process started in the background is the one whose PID $! holds.
if (( $(nproc) >= 2 )); then
  APP_PIN=(taskset -c "$APP_CPU")
  LOAD_PIN=(taskset -c "$LOAD_CPU")
else
  APP_PIN=()
  LOAD_PIN=()
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

install_tools() {
  if ! command -v wrk >/dev/null; then
    log "installing wrk"
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  fi
  if ! python3 -c 'import matplotlib' 2>/dev/null; then
    log "installing matplotlib"
    python3 -m pip install --quiet matplotlib
  fi
  command -v curl >/dev/null || die "curl is needed"
  [[ -x $JAVA_HOME/bin/jstat && -x $JAVA_HOME/bin/jcmd ]] || die "JAVA_HOME=$JAVA_HOME is not a JDK (no jstat/jcmd)"
}

maven_copy() { # groupId:artifactId:version[:packaging] into $OUT
  (cd "$OUT" && mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$1" -DoutputDirectory="$OUT")
}

fetch_artifacts() {
  mkdir -p "$OUT"
  [[ -f $OTEL_JAR ]] || { log "downloading the OpenTelemetry Java agent $OTEL_AGENT_VERSION"; maven_copy "io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_AGENT_VERSION"; }
  if [[ ! -d $TOMCAT_HOME ]]; then
    local zip=$OUT/tomcat-$TOMCAT_VERSION.zip
    [[ -f $zip ]] || { log "downloading Tomcat $TOMCAT_VERSION"; maven_copy "org.apache.tomcat:tomcat:$TOMCAT_VERSION:zip"; }
    python3 -m zipfile -e "$zip" "$OUT"
    chmod +x "$TOMCAT_HOME"/bin/*.sh
    cp "$TOMCAT_HOME/conf/server.xml" "$TOMCAT_HOME/conf/server.xml.stock"
  fi
  local missing=()
  [[ -f $OTELITE_JAR ]] || missing+=(agent)
  [[ " $APPS " != *" testapp "* || -f $TESTAPP_JAR ]] || missing+=(testapp)
  [[ " $APPS " != *" springboot3 "* || -f $SPRINGBOOT3_JAR ]] || missing+=(testapp-spring-boot3)
  if (( ${#missing[@]} )); then
    local modules
    modules=$(IFS=,; echo "${missing[*]}")
    log "building $modules (not built yet)"
    mvn -q -f "$REPO/pom.xml" -pl "$modules" -am package -DskipTests
  fi
  if [[ $PROFILE == 1 && ! -f $ASYNC_PROFILER_LIB ]]; then
    # async-profiler's jar on Maven Central carries the native library for each platform
    log "downloading async-profiler $ASYNC_PROFILER_VERSION"
    maven_copy "tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION"
    mkdir -p "$(dirname "$ASYNC_PROFILER_LIB")"
    python3 - "$OUT/async-profiler-$ASYNC_PROFILER_VERSION.jar" "$ASYNC_PROFILER_LIB" <<'PY'
import platform, sys, zipfile
arch = {"x86_64": "x64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
with zipfile.ZipFile(sys.argv[1]) as jar, open(sys.argv[2], "wb") as lib:
    lib.write(jar.read(f"linux-{arch}/libasyncProfiler.so"))
PY
  fi
  # counts the bytes an application allocates (ThreadMXBean over JMX): compiled once, run on the load core
  if [[ ! -f $PROBE_DIR/AllocationWindow.class || $HERE/overhead/AllocationWindow.java -nt $PROBE_DIR/AllocationWindow.class ]]; then
    "$JAVA_HOME/bin/javac" -d "$PROBE_DIR" "$HERE/overhead/AllocationWindow.java"
  fi
}

# --- one run -------------------------------------------------------------------------------------------------------

APP_PID=""
SINK_PID=""
cleanup() {
  [[ -n $APP_PID ]] && kill -KILL "$APP_PID" 2>/dev/null || true
  [[ -n $SINK_PID ]] && kill "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT

cpu_ticks() { # utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat)
  sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

status_field() { # a field of /proc/PID/status, numbers only (VmRSS in kB, Threads)
  awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"
}

load_args() { # RATE: wrk's arguments after the duration for the current application, at RATE requests a second
  # (0: as fast as it answers); the URL alone where every request goes to it, as wrk sends fastest
  if (( $1 == 0 && ${#PATHS[@]} == 0 )); then
    echo "$URL"
  else
    echo "-s $HERE/overhead/load.lua $URL -- $1 ${PATHS[*]}"
  fi
}

measured_load() { # OUTPUT RATE: runs wrk on the application for DURATION seconds into OUTPUT and prints the CPU
  # ticks the application spent meanwhile; fails if the application did not survive the load
  local out=$1 before
  before=$(cpu_ticks "$APP_PID")
  # shellcheck disable=SC2046 # load_args is a list of words without spaces in them
  "${LOAD_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency $(load_args "$2") >"$out"
  kill -0 "$APP_PID" 2>/dev/null || return 1
  echo $(( $(cpu_ticks "$APP_PID") - before ))
}

allocation_window() { # OUTPUT: runs wrk at the fixed rate for ALLOC_DURATION seconds into OUTPUT and prints the
  # bytes the application allocated meanwhile (all threads), or nothing if they could not be read
  # shellcheck disable=SC2046
  "${LOAD_PIN[@]}" "$JAVA_HOME/bin/java" -cp "$PROBE_DIR" AllocationWindow "$APP_PID" "$1" -- \
    wrk -t1 -c"$CONNECTIONS" -d"${ALLOC_DURATION}s" $(load_args "$APP_RATE") || true
}

profiler() { # OPTIONS: async-profiler's agent options, given to the running application through jcmd (quoted: jcmd
  # would read `event=...` as an argument of its own)
  "$JAVA_HOME/bin/jcmd" "$APP_PID" JVMTI.agent_load "$ASYNC_PROFILER_LIB" "\"$1\"" >/dev/null
}

profile_windows() { # DIR: CPU, then allocation, each over PROFILE_DURATION seconds at the fixed rate, as collapsed
  # stacks with the thread as the root frame, into DIR/profile-{cpu,alloc}.collapsed
  local event
  for event in cpu alloc; do
    local options="start,threads,event=itimer,interval=1ms"
    local counter=samples
    [[ $event == alloc ]] && { options="start,threads,event=alloc"; counter=total; }
    profiler "$options" || { log "  async-profiler could not attach"; return 0; }
    # shellcheck disable=SC2046
    "${LOAD_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${PROFILE_DURATION}s" $(load_args "$APP_RATE") >"$1/wrk-profile-$event.txt"
    # CPU: samples; allocation: bytes (total), not samples
    profiler "stop,collapsed,$counter,file=$1/profile-$event.collapsed" || true
  done
}

jstat_heap() { # "heap_used_kb metaspace_used_kb"
  "$JAVA_HOME/bin/jstat" -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%d %d\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"], $col["MU"] }'
}

sink_stats() {
  curl -s --max-time 5 "http://127.0.0.1:$SINK_PORT/stats" || echo '{}'
}

stop_app() {
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

app_command() { # APP PORT JVM_OPTIONS: sets APP_CMD (the command line), APP_ENV (variables of its own), URL, PATHS
  # and APP_RATE for the application
  local app=$1 port=$2 jvm_opts=$3
  APP_CMD=()
  APP_ENV=()
  case $app in
    testapp)
      URL="http://127.0.0.1:$port/orders"
      APP_ENV+=(TESTAPP_PORT="$port")
      # shellcheck disable=SC2206 # JVM_OPTS is a list of options
      APP_CMD=("$JAVA_HOME/bin/java" $jvm_opts -jar "$TESTAPP_JAR")
      ;;
    tomcat)
      URL="http://127.0.0.1:$port/examples/servlets/servlet/HelloWorldExample"
      rm -rf "$TOMCAT_HOME"/{logs,work,temp}
      mkdir -p "$TOMCAT_HOME"/{logs,work,temp}
      sed -e "s|<Connector port=\"8080\" protocol=\"HTTP/1.1\"|<Connector port=\"$port\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"|" \
        -e 's|<Server port="8005"|<Server port="-1"|' \
        "$TOMCAT_HOME/conf/server.xml.stock" >"$TOMCAT_HOME/conf/server.xml"
      APP_ENV+=(CATALINA_HOME="$TOMCAT_HOME" CATALINA_BASE="$TOMCAT_HOME" CATALINA_OPTS="$jvm_opts")
      # `catalina.sh run` execs the JVM: the process keeps its PID
      APP_CMD=("$TOMCAT_HOME/bin/catalina.sh" run)
      ;;
    springboot3)
      # a fat jar started as its users start it; the first path answers once the application is up
      URL="http://127.0.0.1:$port${SPRINGBOOT3_PATHS[0]}"
      PATHS=("${SPRINGBOOT3_PATHS[@]}")
      APP_RATE=$SPRINGBOOT3_RATE
      # shellcheck disable=SC2206
      APP_CMD=("$JAVA_HOME/bin/java" $jvm_opts -jar "$SPRINGBOOT3_JAR" "--server.port=$port")
      ;;
    *) die "unknown application $app" ;;
  esac
}

first_200() { # START_NS LOG: waits until the application answers 200; fails if it exited or took STARTUP_TIMEOUT
  local code=""
  while :; do
    code=$("${LOAD_PIN[@]}" curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL" || true)
    [[ $code == 200 ]] && return 0
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "  the application exited before answering; see $2"; APP_PID=""; return 1
    fi
    if (( ($(date +%s%N) - $1) / 1000000000 > STARTUP_TIMEOUT )); then
      log "  no HTTP 200 from $URL within ${STARTUP_TIMEOUT}s; see $2"; stop_app; return 1
    fi
    sleep 0.02
  done
}

profile_startup() { # DIR APP PORT AGENT_OPTION ENV...: starts the application once more with async-profiler from the
  # JVM's first instruction (before the agent's premain) to its first 200, into DIR/profile-startup.collapsed
  local dir=$1 app=$2 port=$3 agent_opt=$4
  shift 4
  app_command "$app" "$port" "-agentpath:$ASYNC_PROFILER_LIB=start,threads,event=itimer,interval=1ms $JVM_OPTS $agent_opt"
  env "$@" "${APP_ENV[@]}" "${APP_PIN[@]}" "${APP_CMD[@]}" >"$dir/app-profile-startup.log" 2>&1 &
  APP_PID=$!
  first_200 "$(date +%s%N)" "$dir/app-profile-startup.log" || return 0
  profiler "stop,collapsed,samples,file=$dir/profile-startup.collapsed" || true
  stop_app
}

run_one() { # app agent exporters round
  local app=$1 agent=$2 exporters=$3 round=$4
  local dir=$SESSION/$(printf '%02d' "$RUN_NUMBER")-$app-$agent-$exporters
  RUN_NUMBER=$((RUN_NUMBER + 1))
  mkdir -p "$dir"
  local port
  port=$(free_port)
  URL=""
  PATHS=()
  APP_RATE=$RATE

  local agent_opt="" jar_bytes=0
  case $agent in
    otel) agent_opt="-javaagent:$OTEL_JAR"; jar_bytes=$(stat -c %s "$OTEL_JAR") ;;
    otelite) agent_opt="-javaagent:$OTELITE_JAR"; jar_bytes=$(stat -c %s "$OTELITE_JAR") ;;
  esac
  # both agents read the same standard variables; without an agent they change nothing
  local -a env=(OTEL_SERVICE_NAME="overhead-$app" OTEL_METRIC_EXPORT_INTERVAL="$METRIC_INTERVAL_MS")
  if [[ $exporters == otlp ]]; then
    env+=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
      OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=otlp OTEL_LOGS_EXPORTER=otlp)
  else
    env+=(OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none)
  fi

  app_command "$app" "$port" "$JVM_OPTS $agent_opt"
  local -a cmd=("${APP_CMD[@]}")
  env+=("${APP_ENV[@]}")

  log "round $round: $app, agent $agent, exporters $exporters"
  local sink_before start_ns ready_ns
  sink_before=$(sink_stats)
  start_ns=$(date +%s%N)
  env "${env[@]}" "${APP_PIN[@]}" "${cmd[@]}" >"$dir/app.log" 2>&1 &
  APP_PID=$!
  first_200 "$start_ns" "$dir/app.log" || return 0
  ready_ns=$(date +%s%N)
  local startup_ticks
  startup_ticks=$(cpu_ticks "$APP_PID")

  # shellcheck disable=SC2046
  "${LOAD_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" $(load_args 0) >"$dir/wrk-warmup.txt"
  local full_ticks fixed_ticks
  # as fast as the application answers: its throughput; then the same load for every agent: CPU per request, latency
  if ! full_ticks=$(measured_load "$dir/wrk.txt" 0) \
    || ! fixed_ticks=$(measured_load "$dir/wrk-fixed.txt" "$APP_RATE"); then
    log "  $app exited under load; see $dir/app.log"; APP_PID=""; return 0
  fi

  # read before anything attaches: jcmd adds an attach listener thread
  local rss_kb threads metaspace_kb="" heap_kb="" live=""
  rss_kb=$(status_field "$APP_PID" VmRSS)
  threads=$(status_field "$APP_PID" Threads)
  read -r heap_kb metaspace_kb < <(jstat_heap "$APP_PID") || true
  local classes
  classes=$("$JAVA_HOME/bin/jstat" -class "$APP_PID" | awk 'NR == 2 { print $1 }') || true
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run >/dev/null || true
  read -r live _ < <(jstat_heap "$APP_PID") || true
  local sink_after
  sink_after=$(sink_stats)
  # last, because attaching over JMX loads classes and starts threads in the application that nothing above may see
  local alloc_bytes
  alloc_bytes=$(allocation_window "$dir/wrk-alloc.txt")
  [[ $PROFILE == 1 && $agent != none ]] && profile_windows "$dir"
  stop_app
  if [[ $PROFILE == 1 && $agent != none ]]; then
    profile_startup "$dir" "$app" "$port" "$agent_opt" "${env[@]}"
  fi

  cat >"$dir/run.env" <<EOF
app=$app
agent=$agent
exporters=$exporters
round=$round
rate=$APP_RATE
startup_ms=$(( (ready_ns - start_ns) / 1000000 ))
startup_cpu_ticks=$startup_ticks
cpu_ticks=$full_ticks
fixed_cpu_ticks=$fixed_ticks
clk_tck=$CLK_TCK
rss_kb=$rss_kb
threads=$threads
heap_used_kb=$heap_kb
heap_live_kb=$live
metaspace_used_kb=$metaspace_kb
classes_loaded=$classes
jar_bytes=$jar_bytes
alloc_bytes=$alloc_bytes
loadavg=$(cut -d' ' -f1 /proc/loadavg)
EOF
  echo "$sink_before" >"$dir/sink-before.json"
  echo "$sink_after" >"$dir/sink-after.json"
}

# --- main ----------------------------------------------------------------------------------------------------------

install_tools
fetch_artifacts
mkdir -p "$SESSION" "$RESULTS"

# the jars as they are now: a rebuild during the run must not change what is measured
is_whole_jar() { python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).close()' "$1" 2>/dev/null; }
for _ in $(seq 60); do is_whole_jar "$OTELITE_JAR" && break; log "waiting for $OTELITE_JAR (being written)"; sleep 5; done
is_whole_jar "$OTELITE_JAR" || die "$OTELITE_JAR is not a jar"
cp "$OTELITE_JAR" "$SESSION/otelite-agent.jar"
OTELITE_JAR=$SESSION/otelite-agent.jar
if [[ " $APPS " == *" testapp "* ]]; then
  cp "$TESTAPP_JAR" "$SESSION/testapp.jar"
  TESTAPP_JAR=$SESSION/testapp.jar
fi
if [[ " $APPS " == *" springboot3 "* ]]; then
  cp "$SPRINGBOOT3_JAR" "$SESSION/testapp-spring-boot3.jar"
  SPRINGBOOT3_JAR=$SESSION/testapp-spring-boot3.jar
fi

SINK_PORT=$(free_port)
"${LOAD_PIN[@]}" python3 "$HERE/overhead/otlp_sink.py" "$SINK_PORT" >"$SESSION/sink.log" 2>&1 &
SINK_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$SINK_PORT/stats" && break; sleep 0.1; done

cat >"$SESSION/session.env" <<EOF
quick=$QUICK
rounds=$ROUNDS
warmup_s=$WARMUP
duration_s=$DURATION
alloc_duration_s=$ALLOC_DURATION
connections=$CONNECTIONS
rate=$RATE
springboot3_rate=$SPRINGBOOT3_RATE
jvm_opts=$JVM_OPTS
metric_interval_ms=$METRIC_INTERVAL_MS
otel_agent_version=$OTEL_AGENT_VERSION
tomcat_version=$TOMCAT_VERSION
java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -2 | tail -1)
cpus=$(nproc)
cpu_model=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF

RUN_NUMBER=1
for round in $(seq "$ROUNDS"); do
  for app in $APPS; do
    run_one "$app" none - "$round"
    for exporters in $EXPORTS; do
      run_one "$app" otel "$exporters" "$round"
      run_one "$app" otelite "$exporters" "$round"
    done
  done
done
echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$SESSION/session.env"

name=${RESULTS_NAME:-overhead}
[[ $QUICK == 1 ]] && name=${RESULTS_NAME:-overhead-quick}
python3 "$HERE/overhead/report.py" "$SESSION" "$RESULTS/$name"
if [[ $PROFILE == 1 ]]; then
  python3 "$HERE/overhead/top_frames.py" "$SESSION" >"$RESULTS/$name-profiles.md"
  log "wrote $RESULTS/$name-profiles.md"
fi
log "wrote $RESULTS/$name.md, $RESULTS/$name.png and $RESULTS/$name-runs.csv (runs: $SESSION)"
