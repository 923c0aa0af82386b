#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages ArtReview Desktop needs to run and to be tested headless:
# Qt's runtime libraries (offscreen and xcb), CJK fonts, PortAudio + PulseAudio (the microphone),
# D-Bus + gnome-keyring (the OS keyring), Xvfb (screenshots), ffmpeg and curl (benchmarks).
# Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(
  # Qt runtime (offscreen + xcb), fonts
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libx11-6 libdbus-1-3
  libxrandr2 libxext6 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0
  libxcb-sync1 libxcb-xinerama0 libxcb-glx0 libxcb-shm0 libx11-xcb1 libxrender1 libxi6
  fonts-noto-cjk
  # audio: PortAudio for sounddevice, PulseAudio for a null-sink microphone
  libpulse0 libportaudio2 libasound2-plugins pulseaudio pulseaudio-utils alsa-utils
  # keyring: a D-Bus session with gnome-keyring's Secret Service
  dbus dbus-x11 gnome-keyring libsecret-tools
  # a real display for screenshots
  xvfb xauth x11-utils
  # benchmarks' references, Python venv
  ffmpeg curl python3 python3-venv
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
timeout 600 $SUDO apt-get update -qq
timeout 1200 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
