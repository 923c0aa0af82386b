#!/usr/bin/env bash
# Installs what is needed and starts ArtReview Desktop in demo mode: the embedded reference exam
# platform and the local OSS-compatible store, so the whole flow works with no cloud account.
# With no display (a server, a container) it starts a virtual one (Xvfb) and tells you so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  display=":$(( 90 + RANDOM % 100 ))"
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
  export DISPLAY="$display"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  echo "No display found: the app runs on the virtual display $DISPLAY (Xvfb)."
  echo "To see every page as images: DISPLAY=$DISPLAY .venv/bin/python -m artreview_desktop.tools.screenshot shots/"
fi
.venv/bin/artreview-desktop --demo "$@"
