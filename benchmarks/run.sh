#!/usr/bin/env bash
# Builds the benchmarks and runs them in one harness run (one JMH run for the table, then one for the extras),
# then prints the side-by-side table.
#
#   benchmarks/run.sh                 full run (about 21 minutes on 2 cores)
#   benchmarks/run.sh --quick         shorter iterations, main table only (about 10 minutes)
#   benchmarks/run.sh --jdk /usr/lib/jvm/temurin-25-jdk-amd64 [...]   run on another JDK (the build stays on the default)
#   benchmarks/run.sh --skip-build [...]                                reuse benchmarks/target/benchmarks.jar
#
# Every other option goes to the harness (benchmarks/README.md lists them; --help prints them).
set -euo pipefail
cd "$(dirname "$0")/.."

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  java_cmd="${JAVA_HOME}/bin/java"
fi
build=true
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jdk)
      [[ $# -ge 2 ]] || { echo "--jdk needs a JDK directory" >&2; exit 2; }
      java_cmd="$2/bin/java"
      shift 2
      ;;
    --skip-build)
      build=false
      shift
      ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done

if [[ ! -x "$java_cmd" ]] && ! command -v "$java_cmd" >/dev/null; then
  echo "No java at $java_cmd" >&2
  exit 2
fi
if $build; then
  echo "Building the benchmarks ..."
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
"$java_cmd" -version 2>&1 | sed 's/^/# /'
exec "$java_cmd" -jar benchmarks/target/benchmarks.jar "${args[@]+"${args[@]}"}"
