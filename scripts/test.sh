#!/usr/bin/env bash
# Runs every test: installs the tools the tests need (when missing), then the whole Maven build
# with unit tests, integration tests against both servers, infrastructure checks and the short
# benchmark profile. It fails when a Java file is not formatted (google-java-format, through
# Spotless: `mvn spotless:apply` fixes it), when any test was skipped or a module with tests ran
# none.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-tools.sh"
export APEX_TEMPORAL_CLI="$root/.tools/temporal/bin/temporal"

cd "$root"
# Reports of an earlier build must not stand in for this one's.
for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' pom.xml); do
  rm -rf "$module/target/surefire-reports" "$module/target/failsafe-reports"
done
mvn -B -ntp spotless:check
mvn -B -ntp install "$@"
"$root/scripts/check-test-reports.sh" "$root"
