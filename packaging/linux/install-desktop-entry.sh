#!/bin/sh
# Add ArtReview to this user's application menu (no root needed). Run it from the unpacked bundle:
#   ./install-desktop-entry.sh            (or --remove to take the entry away again)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/artreview-desktop.desktop" "$icons/artreview.png"
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/artreview.png" "$icons/artreview.png"
sed "s|^Exec=.*|Exec=\"$here/artreview-desktop\"|" "$here/artreview-desktop.desktop" > "$apps/artreview-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "ArtReview added to the application menu ($apps/artreview-desktop.desktop)"
