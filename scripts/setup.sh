#!/usr/bin/env bash
# Installs everything ArtReview Desktop needs into this checkout: the system packages, a virtual
# environment in .venv with the app (and, with --test, the test tools), and the compiled
# translations. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test,build]"  # build: PyInstaller, for the bundle test

bash scripts/system-packages.sh

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))'; then
  echo "ArtReview Desktop needs Python 3.11 or newer; $("$PYTHON" --version 2>&1) was found." >&2
  echo "Install a newer Python and run again with PYTHON=/path/to/python3.11." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
timeout 900 .venv/bin/pip install -q --upgrade pip
timeout 1800 .venv/bin/pip install -q -e ".${extras}"
timeout 120 .venv/bin/python -m artreview_desktop.tools.translations build
