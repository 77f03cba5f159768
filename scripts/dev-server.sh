#!/usr/bin/env bash
# Starts the pinned `temporal server start-dev` in the foreground with the project's tuned dynamic
# configuration and search attributes, both read from infra/temporal/dev-server.properties (the
# same file the test kit, the integration tests and the benchmark use).
#
#   scripts/dev-server.sh [--port P] [--metrics-port M] [--ui-port U] [--db-filename F] [ARGS...]
#
# Defaults are the specification's ports: gRPC 7233, server metrics 8077, UI 8088; state in
# memory unless --db-filename is given. Any other argument goes to start-dev unchanged (for
# example --headless, --ip 0.0.0.0, --log-level warn, --dynamic-config-value K=V, which is
# applied after ours, so it wins). The temporal CLI is $APEX_TEMPORAL_CLI, else .tools/temporal
# (scripts/install-tools.sh), else the one on PATH.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
settings="$root/infra/temporal/dev-server.properties"

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

if [[ -n "${APEX_TEMPORAL_CLI:-}" ]]; then
  cli=$APEX_TEMPORAL_CLI
elif [[ -x "$root/.tools/temporal/bin/temporal" ]]; then
  cli="$root/.tools/temporal/bin/temporal"
elif command -v temporal >/dev/null 2>&1; then
  cli=$(command -v temporal)
else
  echo "dev-server.sh: temporal CLI not found (set APEX_TEMPORAL_CLI or run scripts/install-tools.sh)" >&2
  exit 2
fi

port=7233
metrics_port=8077
ui_port=8088
db_args=()
passed=()
while (($#)); do
  case "$1" in
    --port|--metrics-port|--ui-port|--db-filename)
      [[ $# -ge 2 && -n "$2" ]] || { echo "dev-server.sh: $1 needs a value" >&2; exit 2; }
      case "$1" in
        --port) port=$2 ;;
        --metrics-port) metrics_port=$2 ;;
        --ui-port) ui_port=$2 ;;
        --db-filename) db_args=(--db-filename "$2") ;;
      esac
      shift 2 ;;
    --port=*) port=${1#*=}; shift ;;
    --metrics-port=*) metrics_port=${1#*=}; shift ;;
    --ui-port=*) ui_port=${1#*=}; shift ;;
    --db-filename=*) db_args=(--db-filename "${1#*=}"); shift ;;
    -h|--help) usage ;;
    *) passed+=("$1"); shift ;;
  esac
done
for value in "$port" "$metrics_port" "$ui_port"; do
  if ! [[ "$value" =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
    echo "dev-server.sh: ports must be integers 1-65535, got '$value'" >&2
    exit 2
  fi
done

tuning=()
pragmas=()
while IFS= read -r line || [[ -n "$line" ]]; do
  line=${line%$'\r'}
  [[ -z "${line//[[:space:]]/}" || "$line" =~ ^[[:space:]]*# ]] && continue
  key=${line%%=*}
  value=${line#*=}
  case "$key" in
    dynamic-config.*) tuning+=(--dynamic-config-value "${key#dynamic-config.}=$value") ;;
    search-attribute.*) tuning+=(--search-attribute "${key#search-attribute.}=$value") ;;
    sqlite-pragma.*) pragmas+=(--sqlite-pragma "${key#sqlite-pragma.}=$value") ;;
    *) echo "dev-server.sh: $settings: unknown key '$key'" >&2; exit 2 ;;
  esac
done < "$settings"
# The pragmas concern the database file; a server in memory has none.
if ((${#db_args[@]})); then
  tuning+=("${pragmas[@]}")
fi

echo "dev-server.sh: $cli server start-dev on port $port (metrics $metrics_port, UI $ui_port) with ${tuning[*]}" >&2
exec "$cli" server start-dev --port "$port" --metrics-port "$metrics_port" --ui-port "$ui_port" \
  "${db_args[@]}" "${tuning[@]}" "${passed[@]}"
