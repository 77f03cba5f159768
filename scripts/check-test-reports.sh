#!/usr/bin/env bash
# Fails when the test reports of the last build show a skipped test, or when a module whose
# sources hold tests ran none: a skip or an empty run must not pass as green.
# Usage: scripts/check-test-reports.sh [ROOT]   (ROOT defaults to the repository)
set -euo pipefail

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
problems=0

# Sums one attribute of the <testsuite> elements of the reports in a folder.
sum_attribute() {
  local folder=$1 attribute=$2
  local files=("$folder"/TEST-*.xml)
  [ -e "${files[0]}" ] || { echo 0; return; }
  # The attribute of each file's <testsuite ...> element; grep finds none in an empty report.
  { grep -ho "<testsuite [^>]*" "${files[@]}" || true; } \
    | { grep -o " $attribute=\"[0-9]*\"" || true; } | tr -dc '0-9\n' \
    | awk '{s += $1} END {print s + 0}'
}

check() {
  local module=$1 kind=$2 pattern=$3
  local sources="$root/$module/src/test/java" reports="$root/$module/target/$kind-reports"
  [ -d "$sources" ] || return 0
  if [ -z "$(find "$sources" -name "$pattern" -not -path '*/support/*' -print -quit)" ]; then
    return 0
  fi
  local tests skipped
  tests=$(sum_attribute "$reports" tests)
  skipped=$(sum_attribute "$reports" skipped)
  if [ "$tests" -eq 0 ]; then
    echo "FAIL: $module has $pattern test sources but $kind ran no tests (no reports in $reports)"
    problems=$((problems + 1))
  fi
  if [ "$skipped" -gt 0 ]; then
    echo "FAIL: $module: $kind skipped $skipped tests; no test may skip:"
    grep -l "<skipped" "$reports"/TEST-*.xml | sed 's/^/  /'
    problems=$((problems + 1))
  fi
  if [ "$tests" -gt 0 ] && [ "$skipped" -eq 0 ]; then
    echo "ok: $module: $kind ran $tests tests, none skipped"
  fi
}

for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$root/pom.xml"); do
  check "$module" surefire '*Test.java'
  check "$module" failsafe '*IT.java'
done

if [ "$problems" -gt 0 ]; then
  echo "test reports: $problems problems"
  exit 1
fi
