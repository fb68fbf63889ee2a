#!/usr/bin/env bash
# Build Procure's Linux installers from a checkout:
#   installer/dist/procure/                               the PyInstaller one-folder bundle
#   installer/dist/procure-VERSION-linux-ARCH.tar.gz      the bundle as a plain archive
#   installer/dist/procure_DEBVERSION_DEBARCH.deb         the Debian package (/opt/procure)
# The version comes from pyproject.toml. See installer/README.md.
#
# Usage: installer/build.sh [--python PY] [--clean] [--no-selftest]
#   --python PY     the Python to build with (default: .venv/bin/python if it exists,
#                   else a new virtual environment in installer/build/venv)
#   --clean         also empty PyInstaller's global cache first
#   --no-selftest   do not run the bundle's self-test after building it
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
BUILD="$HERE/build"
DIST="$HERE/dist"
PY=""
CLEAN=0
SELFTEST=1
while [ $# -gt 0 ]; do
  case "$1" in
    --python) PY="$2"; shift 2 ;;
    --clean) CLEAN=1; shift ;;
    --no-selftest) SELFTEST=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$REPO"
export PIP_DISABLE_PIP_VERSION_CHECK=1
START=$SECONDS
step() { echo "[build] $* ($((SECONDS - START)) s)"; }
need() { command -v "$1" >/dev/null || { echo "build.sh: '$1' is missing ($2)" >&2; exit 1; }; }
need dpkg-deb "apt-get install dpkg"
need objdump "apt-get install binutils (PyInstaller needs it too)"

# 1. The build environment: Procure, its dependencies and PyInstaller.
if [ -z "$PY" ]; then
  if [ -x "$REPO/.venv/bin/python" ]; then
    PY="$REPO/.venv/bin/python"
  else
    if [ ! -x "$BUILD/venv/bin/python" ]; then
      mkdir -p "$BUILD"
      python3 -m venv "$BUILD/venv"
    fi
    PY="$BUILD/venv/bin/python"
  fi
fi
if ! "$PY" -c 'import importlib.metadata as m, PyInstaller, PySide6.QtCharts; m.version("procure")' \
    2>/dev/null; then
  step "installing Procure and PyInstaller into $("$PY" -c 'import sys; print(sys.prefix)')"
  "$PY" -m pip install -q -e "$REPO[installer]"
fi
read -r VERSION < <("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
# Debian orders 1.0~rc1 before 1.0; PEP 440 writes 1.0rc1.
DEB_VERSION=$(echo "$VERSION" | sed -E 's/^([0-9]+(\.[0-9]+)*)\.?(a|b|rc|dev)/\1~\3/')
DEB_ARCH=$(dpkg --print-architecture)
ARCH=$(uname -m)
step "Procure $VERSION (deb $DEB_VERSION, $DEB_ARCH) with $PY"

# 2. Icons from resources/icons/procure.svg, then the PyInstaller bundle.
"$PY" "$HERE/make_icons.py" "$BUILD/icons" >/dev/null
# Always a fresh work folder: PyInstaller 6 reuses a stale PYZ when only a module's source
# changed. --clean also empties PyInstaller's global cache of binary dependencies.
CLEAN_ARG=
[ "$CLEAN" -eq 1 ] && CLEAN_ARG=--clean
rm -rf "$BUILD/pyinstaller" "$DIST"
step "PyInstaller"
T0=$SECONDS
"$PY" -m PyInstaller --noconfirm $CLEAN_ARG --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller" "$HERE/procure.spec" \
  2> >(grep -v -E "^[0-9]+ INFO: |Hidden import .* not found|libgdk-3|libgtk-3" >&2)
BUNDLE="$DIST/procure"
PYI_SECONDS=$((SECONDS - T0))
BUNDLE_MB=$(du -sm "$BUNDLE" | cut -f1)
step "bundle: $BUNDLE ($BUNDLE_MB MB, PyInstaller took $PYI_SECONDS s)"

if [ "$SELFTEST" -eq 1 ]; then
  "$BUNDLE/procure-planner" --selftest
  "$BUNDLE/procure" --version
fi

# The newest glibc symbol any bundled file uses: the oldest glibc the bundle runs on.
GLIBC=$(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
  | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' \
  | sort -uV | tail -1)
step "the bundle needs glibc >= $GLIBC"

# Shared files of both packages: the desktop entry, icons, MIME type, documentation.
SHARE="$BUILD/share"
rm -rf "$SHARE"
install -D -m 644 "$HERE/linux/procure-planner.desktop" "$SHARE/applications/procure-planner.desktop"
install -D -m 644 "$HERE/linux/procure-mime.xml" "$SHARE/mime/packages/procure.xml"
for size in 16 32 48 64 128 256 512; do
  install -D -m 644 "$BUILD/icons/procure-$size.png" \
    "$SHARE/icons/hicolor/${size}x${size}/apps/procure.png"
done
install -D -m 644 "$REPO/resources/icons/procure.svg" "$SHARE/icons/hicolor/scalable/apps/procure.svg"
install -D -m 644 "$HERE/linux/copyright" "$SHARE/doc/procure/copyright"

# Package files are root's, readable by all, written by none else. (Set before the copies:
# changing a hard-linked file's mode while tar reads it makes tar fail.)
chmod -R u+rwX,go+rX,go-w "$BUNDLE" "$SHARE"

# Copies of the bundle are hard links where the file system allows: no extra space or time.
copy_bundle() { cp -al "$BUNDLE" "$1" 2>/dev/null || cp -a "$BUNDLE" "$1"; }

# 3. The tarball: procure-VERSION/ holding the bundle, plus share/ and a README.
TARBALL="$DIST/procure-$VERSION-linux-$ARCH.tar.gz"
TAR_ROOT="$BUILD/tar/procure-$VERSION"
step "staging"
rm -rf "$BUILD/tar"
mkdir -p "$BUILD/tar"
copy_bundle "$TAR_ROOT"
cp -a "$SHARE" "$TAR_ROOT/share"
sed -e "s/@VERSION@/$VERSION/g" -e "s/@GLIBC@/$GLIBC/g" "$HERE/linux/README-tarball.txt" \
  > "$TAR_ROOT/README.txt"
build_tarball() {
  tar -C "$BUILD/tar" --owner=0 --group=0 --numeric-owner -cf - "procure-$VERSION" \
    | gzip -6 > "$TARBALL"
}

# 4. The Debian package: /opt/procure, /usr/bin links, desktop entry, icons, MIME type.
DEB="$DIST/procure_${DEB_VERSION}_${DEB_ARCH}.deb"
DEB_ROOT="$BUILD/deb/procure_${DEB_VERSION}_${DEB_ARCH}"
rm -rf "$BUILD/deb"
mkdir -p "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" "$DEB_ROOT/DEBIAN"
copy_bundle "$DEB_ROOT/opt/procure"
cp -a "$SHARE" "$DEB_ROOT/usr/share"
ln -s /opt/procure/procure "$DEB_ROOT/usr/bin/procure"
ln -s /opt/procure/procure-planner "$DEB_ROOT/usr/bin/procure-planner"
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$DEB_ROOT" | cut -f1)
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@GLIBC@/$GLIBC/" \
    -e "s/@INSTALLED_KB@/$INSTALLED_KB/" "$HERE/linux/control" > "$DEB_ROOT/DEBIAN/control"
install -m 755 "$HERE/linux/prerm" "$DEB_ROOT/DEBIAN/prerm"
find "$DEB_ROOT" -path "$DEB_ROOT/opt/procure" -prune -o -type d -exec chmod 755 {} +
build_deb() {
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$DEB_ROOT" "$DEB" >/dev/null
}

# Both compress ~370 MB with one core each: build them side by side. (All hard links are
# made by now: making one changes the file's ctime, and tar fails on files that change.)
step "compressing the tarball and the deb"
build_tarball & TAR_PID=$!
build_deb & DEB_PID=$!
wait "$TAR_PID" || { echo "build.sh: the tarball failed" >&2; exit 1; }
wait "$DEB_PID" || { echo "build.sh: the .deb failed" >&2; exit 1; }

rm -rf "$BUILD/tar" "$BUILD/deb"
TOTAL=$((SECONDS - START))
{
  echo "version=$VERSION"
  echo "bundle_mb=$BUNDLE_MB"
  echo "pyinstaller_seconds=$PYI_SECONDS"
  echo "total_seconds=$TOTAL"
  echo "tarball=$(basename "$TARBALL") $(du -m "$TARBALL" | cut -f1) MB"
  echo "deb=$(basename "$DEB") $(du -m "$DEB" | cut -f1) MB"
} > "$DIST/build-info.txt"
step "done"
sed 's/^/  /' "$DIST/build-info.txt"
