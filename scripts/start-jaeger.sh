#!/usr/bin/env bash
# Jaeger v2 all-in-one (the program of the jaegertracing/jaeger image), built from its Go module with
# this machine's Go toolchain and module proxy, cached in the Go bin folder, run on 127.0.0.1 with
# in-memory storage.
#
#   scripts/start-jaeger.sh               build if needed, start in the background, wait until it answers
#   scripts/start-jaeger.sh --build-only  build if needed and print the binary's path (CI, smoke tests)
#   scripts/start-jaeger.sh --foreground  build if needed, then exec Jaeger (used by the smoke tests)
#   scripts/start-jaeger.sh --stop        stop the Jaeger that the default mode started
#
# Ports (environment): JAEGER_OTLP_GRPC_PORT=4317 JAEGER_OTLP_HTTP_PORT=4318 JAEGER_QUERY_PORT=16686
# JAEGER_QUERY_GRPC_PORT=16685 JAEGER_HEALTH_PORT=13133. JAEGER_BIN overrides the binary's path.
# Then: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 and the UI/API at http://127.0.0.1:16686.
set -euo pipefail

# Jaeger v2.20.0 is commit 798e4b0fcf22 of github.com/jaegertracing/jaeger. Its v2.x tags are not
# valid versions of that module path, so the commit is pinned instead.
readonly JAEGER_MODULE=github.com/jaegertracing/jaeger
readonly JAEGER_PINNED_COMMIT=798e4b0fcf22
# When the module proxy refuses the commit (the proxy reachable here answers 403 "not available"
# for it), build the module's last v1.x tag instead: its cmd/jaeger is the Jaeger v2
# all-in-one too, from December 2025. Its go.mod has a replace directive, which
# `go install module@version` refuses, so it is built inside a copy of the module.
# Either way the binary serves the query API but not the UI (the UI assets are built with npm, not Go).
readonly JAEGER_FALLBACK_TAG=v1.76.0

readonly STATE_DIR="${TMPDIR:-/tmp}/otelite-jaeger"

log() { echo "start-jaeger: $*" >&2; }

binary_path() {
  if [[ -n "${JAEGER_BIN:-}" ]]; then
    echo "$JAEGER_BIN"
    return
  fi
  local gobin
  gobin="$(go env GOBIN)"
  if [[ -z "$gobin" ]]; then
    gobin="$(go env GOPATH)/bin"
  fi
  echo "$gobin/jaeger"
}

build_fallback() {
  local target="$1" source_dir work
  source_dir="$(go mod download -json "$JAEGER_MODULE@$JAEGER_FALLBACK_TAG" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  if [[ -z "$source_dir" || ! -d "$source_dir" ]]; then
    log "could not download $JAEGER_MODULE@$JAEGER_FALLBACK_TAG from the Go module proxy"
    return 1
  fi
  # The module cache is read-only, and building in place lets go.mod's replace directive apply.
  work="$(mktemp -d)"
  cp -r "$source_dir/." "$work/"
  chmod -R u+w "$work"
  local status=0
  (cd "$work" &&
    GOFLAGS="-mod=mod $(go env GOFLAGS)" go build \
      -ldflags "-X $JAEGER_MODULE/internal/version.latestVersion=$JAEGER_FALLBACK_TAG" \
      -o "$target" ./cmd/jaeger) || status=$?
  rm -rf "$work"
  return "$status"
}

ensure_binary() {
  local bin
  if ! command -v go >/dev/null 2>&1; then
    if [[ -n "${JAEGER_BIN:-}" && -x "$JAEGER_BIN" ]]; then
      echo "$JAEGER_BIN"
      return
    fi
    log "Go is not installed, and Jaeger is built from source with it"
    return 1
  fi
  bin="$(binary_path)"
  if [[ -x "$bin" ]]; then
    echo "$bin"
    return
  fi
  mkdir -p "$(dirname "$bin")"
  log "building Jaeger into $bin (a few minutes, once)"
  local installed
  installed="$(mktemp -d)"
  if GOBIN="$installed" GOFLAGS="-mod=mod $(go env GOFLAGS)" \
    go install "$JAEGER_MODULE/cmd/jaeger@$JAEGER_PINNED_COMMIT" >&2; then
    mv "$installed/jaeger" "$bin"
    log "built Jaeger v2.20.0 ($JAEGER_PINNED_COMMIT)"
  else
    log "cannot install $JAEGER_MODULE/cmd/jaeger@$JAEGER_PINNED_COMMIT;" \
      "building $JAEGER_MODULE@$JAEGER_FALLBACK_TAG (Jaeger v2) instead"
    build_fallback "$bin" >&2
  fi
  rm -rf "$installed"
  echo "$bin"
}

# In-memory storage, OTLP in, query API out, all on the loopback interface. Jaeger expands the
# ${env:...} references itself, so one file serves every port choice.
write_config() {
  local config="$STATE_DIR/config.yaml" tmp
  mkdir -p "$STATE_DIR"
  tmp="$(mktemp "$STATE_DIR/config.XXXXXX")"
  cat >"$tmp" <<'YAML'
service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn

extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: "127.0.0.1:${env:JAEGER_HEALTH_PORT}"
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: "127.0.0.1:${env:JAEGER_QUERY_PORT}"
    grpc:
      endpoint: "127.0.0.1:${env:JAEGER_QUERY_GRPC_PORT}"

receivers:
  otlp:
    protocols:
      grpc:
        endpoint: "127.0.0.1:${env:JAEGER_OTLP_GRPC_PORT}"
      http:
        endpoint: "127.0.0.1:${env:JAEGER_OTLP_HTTP_PORT}"

processors:
  batch:
    timeout: 100ms

exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
YAML
  mv "$tmp" "$config"
  echo "$config"
}

export JAEGER_OTLP_GRPC_PORT="${JAEGER_OTLP_GRPC_PORT:-4317}"
export JAEGER_OTLP_HTTP_PORT="${JAEGER_OTLP_HTTP_PORT:-4318}"
export JAEGER_QUERY_PORT="${JAEGER_QUERY_PORT:-16686}"
export JAEGER_QUERY_GRPC_PORT="${JAEGER_QUERY_GRPC_PORT:-16685}"
export JAEGER_HEALTH_PORT="${JAEGER_HEALTH_PORT:-13133}"

mode="${1:-background}"
case "$mode" in
  --build-only)
    ensure_binary
    ;;
  --foreground)
    bin="$(ensure_binary)"
    config="$(write_config)"
    exec "$bin" --config "$config"
    ;;
  --stop)
    if [[ -f "$STATE_DIR/jaeger.pid" ]]; then
      kill "$(cat "$STATE_DIR/jaeger.pid")" 2>/dev/null || true
      rm -f "$STATE_DIR/jaeger.pid"
      log "stopped"
    else
      log "no Jaeger started by this script is running"
    fi
    ;;
  background)
    bin="$(ensure_binary)"
    config="$(write_config)"
    "$bin" --config "$config" >"$STATE_DIR/jaeger.log" 2>&1 &
    echo $! >"$STATE_DIR/jaeger.pid"
    for _ in $(seq 1 150); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$JAEGER_QUERY_PORT") 2>/dev/null; then
        log "Jaeger runs (pid $(cat "$STATE_DIR/jaeger.pid"), log $STATE_DIR/jaeger.log):" \
          "OTLP grpc 127.0.0.1:$JAEGER_OTLP_GRPC_PORT, http 127.0.0.1:$JAEGER_OTLP_HTTP_PORT," \
          "UI and API http://127.0.0.1:$JAEGER_QUERY_PORT; stop it with $0 --stop"
        exit 0
      fi
      if ! kill -0 "$(cat "$STATE_DIR/jaeger.pid")" 2>/dev/null; then
        log "Jaeger exited; its log:"
        cat "$STATE_DIR/jaeger.log" >&2
        exit 1
      fi
      sleep 0.2
    done
    log "Jaeger did not open port $JAEGER_QUERY_PORT within 30 s; log: $STATE_DIR/jaeger.log"
    exit 1
    ;;
  *)
    echo "usage: $0 [--build-only | --foreground | --stop]" >&2
    exit 2
    ;;
esac
