#!/usr/bin/env bash
# Runs every test: installs the tools the tests need (when missing), then the whole Maven build
# with unit tests, integration tests against both servers, infrastructure checks and the short
# benchmark profile.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-tools.sh"
export APEX_TEMPORAL_CLI="$root/.tools/temporal/bin/temporal"

cd "$root"
mvn -B -ntp install "$@"
