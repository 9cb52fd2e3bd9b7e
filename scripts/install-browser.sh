#!/usr/bin/env bash
# Installs Debian's headless Chromium for the browser tests (tests/test_e2e.py and
# tests/test_publish_while_browsing.py), if it is not there yet. The tests drive
# /usr/bin/chromium through playwright's executable_path; `playwright install`, which downloads
# a browser, is never used.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$CHROMIUM is missing and apt-get is not available: install Chromium at $CHROMIUM" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing Debian's chromium for the browser tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "chromium was installed but $CHROMIUM is not there: the browser tests need that path" >&2
  exit 1
fi
