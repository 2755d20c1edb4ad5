#!/usr/bin/env bash
# The first thing to try. Needs only a JDK (17+) and Maven:
#   1. builds the agent and the test app (an order service on embedded Tomcat with H2),
#   2. starts the test app under the agent, which prints telemetry to the console (no exporter configured),
#   3. sends one request to each endpoint: servlet, JDBC, the three HTTP clients, async, an error, a 404,
#   4. stops the app (the agent flushes at exit) and shows the spans and metrics it printed.
# Everything it starts is stopped when it ends, also on Ctrl-C.
#
# DEMO_SKIP_BUILD=1 reuses the jars of an earlier build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly AGENT_JAR=agent/target/otelite-agent.jar
readonly TESTAPP_JAR=testapp/target/testapp.jar

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die() {
  echo "demo: $*" >&2
  exit 1
}

command -v java >/dev/null || die "java is not on the PATH; install a JDK 17 or newer"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "${java_major%%.*}" -ge 17 ]] 2>/dev/null || die "the test app needs Java 17 or newer; java is ${java_major:-unknown}"

if [[ "${DEMO_SKIP_BUILD:-}" != 1 || ! -f "$AGENT_JAR" || ! -f "$TESTAPP_JAR" ]]; then
  command -v mvn >/dev/null || die "mvn is not on the PATH; install Maven 3.8 or newer"
  say "Building the agent and the test app (mvn -B -q -DskipTests package -pl agent,testapp -am)"
  mvn -B -q -DskipTests package -pl agent,testapp -am
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/otelite-demo.XXXXXX")"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "Starting the test app under the agent"
echo "java -javaagent:$AGENT_JAR -jar $TESTAPP_JAR"
# No exporter and no OTLP endpoint configured: the agent prints to the console. Spans are printed
# 200 ms after they end; metrics once, when the app stops.
OTEL_SERVICE_NAME=otelite-demo \
  OTEL_BSP_SCHEDULE_DELAY=200 \
  OTEL_METRIC_EXPORT_INTERVAL=600000 \
  TESTAPP_PORT="${DEMO_PORT:-0}" \
  java -javaagent:"$AGENT_JAR" -jar "$TESTAPP_JAR" >"$work/stdout.log" 2>"$work/stderr.log" &
app_pid=$!

port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's/^testapp listening on port \([0-9]*\)$/\1/p' "$work/stdout.log")"
  [[ -n "$port" ]] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$port" ]]; then
  cat "$work/stderr.log" >&2
  die "the test app did not start (its output is in $work)"
fi
echo "listening on http://127.0.0.1:$port"

say "Sending one request to each endpoint"
client_status=0
java -jar "$TESTAPP_JAR" --demo-client "http://127.0.0.1:$port" || client_status=$?

say "Stopping the app: the agent exports what is left, and the metrics, before the JVM exits"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

say "Spans: one line per finished span (server, JDBC and HTTP client spans, one trace per request)"
grep '^otelite span ' "$work/stdout.log" || echo "(no span lines: see $work/stderr.log)"

say "Metrics: one line per data point (durations in seconds; a histogram's count is the number of calls)"
grep '^otelite metric ' "$work/stdout.log" || echo "(no metric lines: see $work/stderr.log)"

say "What next"
cat <<EOF
The app's own output and the agent's log are in $work.
Send the same telemetry to Jaeger or an OpenTelemetry Collector instead of the console:
  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 OTEL_SERVICE_NAME=my-service \\
    java -javaagent:$AGENT_JAR -jar your-app.jar
(OTLP over http/protobuf on 4318; add OTEL_EXPORTER_OTLP_PROTOCOL=grpc for port 4317.)
A local Jaeger with its UI, where Docker runs:
  docker run --rm -p 4317:4317 -p 4318:4318 -p 16686:16686 jaegertracing/jaeger:2.20.0
then open http://127.0.0.1:16686. Without Docker, scripts/start-jaeger.sh builds Jaeger with Go
and starts it on the same ports (its query API answers at http://127.0.0.1:16686/api/traces).
EOF

if [[ "$client_status" -ne 0 ]]; then
  die "some requests did not get the expected answer (see above)"
fi
if ! grep -q '^otelite span ' "$work/stdout.log" || ! grep -q '^otelite metric ' "$work/stdout.log"; then
  die "the agent printed no spans or no metrics; its log: $work/stderr.log"
fi
