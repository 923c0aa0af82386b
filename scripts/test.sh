#!/usr/bin/env bash
# Installs everything and runs the whole test suite: ruff, mypy, the import boundary, then pytest
# with the services the tests need (a PulseAudio null-sink microphone, a D-Bus session with an
# unlocked gnome-keyring, and Xvfb for the screenshot tests). Every step that can hang is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"; timeout 300 ruff check .
echo "== mypy"; timeout 600 mypy
echo "== import boundary"; timeout 300 lint-imports

# Services live in a private runtime folder that is removed at the end.
runtime=$(mktemp -d /tmp/artreview-test.XXXXXX)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
export PULSE_RUNTIME_PATH="$runtime/pulse"
export QT_QPA_PLATFORM=offscreen
cleanup() {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  timeout 10 pulseaudio --kill 2>/dev/null || true
  rm -rf "$runtime"
}
trap cleanup EXIT

echo "== PulseAudio null sink (the test microphone)"
timeout 30 pulseaudio -D --exit-idle-time=-1 --disallow-exit --log-target=stderr --log-level=error \
  --load="module-null-sink sink_name=vsink rate=48000" 2>/dev/null || true
for _ in $(seq 50); do timeout 5 pactl info >/dev/null 2>&1 && break; sleep 0.1; done
timeout 10 pactl set-default-sink vsink
timeout 10 pactl set-default-source vsink.monitor
export ARTREVIEW_TEST_AUDIO=1

echo "== Xvfb (for screenshot tests)"
display=":$(( 200 + RANDOM % 300 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export ARTREVIEW_TEST_DISPLAY="$display"

echo "== pytest (in a D-Bus session with an unlocked keyring)"
# A fresh keyring for every run (its own data folder), so no earlier password can lock it.
export XDG_DATA_HOME="$runtime/data"
mkdir -p "$HOME/.cache" "$XDG_DATA_HOME/keyrings"
set +e
timeout 3000 dbus-run-session -- sh -c '
  printf "artreview-test" | timeout 20 gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export ARTREVIEW_TEST_KEYRING=1
  exec python -m pytest "$@"
' sh "$@"
status=$?
set -e
exit $status
