#!/usr/bin/env bash
# Build the Linux one-folder bundle of ArtReview Desktop with PyInstaller.
#
#   bash packaging/build_linux.sh [--dist DIR] [--work DIR] [--tarball]
#
# Builds the translations, writes the third-party licence notice from the installed packages, runs
# PyInstaller (time-boxed), and prints the bundle's path and size. --tarball also writes
# artreview-desktop-<version>-linux-<arch>.tar.gz beside the bundle (the package the platform
# publishes for in-app updates) with its SHA-256. ARTREVIEW_RELEASE_BUILD=1 leaves the
# development update key out. Needs the `build` extra: pip install -e '.[build]'.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dist="$repo/dist"
work="$repo/build"
tarball=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --tarball) tarball=1; shift ;;
    *) echo "usage: $0 [--dist DIR] [--work DIR] [--tarball]" >&2; exit 2 ;;
  esac
done
python="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
budget="${ARTREVIEW_BUILD_TIMEOUT:-900}"
started=$(date +%s)
mkdir -p "$dist" "$work"
cd "$repo"

echo "== translations"
timeout 120 "$python" -m artreview_desktop.tools.translations build

echo "== third-party notices"
notices="$work/THIRD-PARTY-NOTICES.txt"
timeout 120 "$python" -m artreview_desktop.tools.notices --output "$notices" >/dev/null
export ARTREVIEW_NOTICES="$notices"

echo "== PyInstaller (at most ${budget} s)"
timeout "$budget" "$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/artreview-desktop.spec

bundle="$dist/artreview-desktop"
cp packaging/linux/artreview-desktop.desktop packaging/linux/install-desktop-entry.sh "$notices" "$bundle/"
cp packaging/icons/artreview-256.png "$bundle/artreview.png"
chmod 755 "$bundle/install-desktop-entry.sh"
"$bundle/artreview-desktop" --version >/dev/null  # the bundle starts (no display needed)

if [ "$tarball" = 1 ]; then
  version=$("$bundle/artreview-desktop" --version | awk '{print $2}')
  archive="$dist/artreview-desktop-$version-linux-$(uname -m).tar.gz"
  tar -C "$dist" -czf "$archive" artreview-desktop
  echo "tarball: $archive"
  echo "sha256: $(sha256sum "$archive" | cut -d' ' -f1)  size: $(stat -c %s "$archive")"
fi

echo "bundle: $bundle"
echo "size: $(du -sh "$bundle" | cut -f1)"
echo "build time: $(( $(date +%s) - started )) s"
