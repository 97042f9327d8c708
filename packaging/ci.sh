#!/usr/bin/env bash
# CI for the installer, on Debian as root (`bash packaging/ci.sh`, ~3-5 minutes):
#   build the bundle and the .deb (packaging/linux/build-deb.sh), run desktop-file-validate,
#   appstreamcli validate and lintian, run tests/packaging on the build, compile the NSIS
#   script with makensis, install the .deb with apt-get, run the installed
#   `journal-app --self-test` offscreen, start the menu entry's Exec line under Xvfb until
#   its window paints, measure start-up of the bundled app against `python -m journal_app`,
#   then print the figures as JSON (also written to build/packaging-ci.json).
# Exit 0 when every step passed. JOURNAL_APP_CI_KEEP=1 leaves the package installed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive
PKG=journal-app
APPSTREAM_ID=io.github.selfstudyjournal.JournalApp
step() { printf '\n----- packaging: %s -----\n' "$*"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$1" "$(now)"; }
T_ALL=$(now)

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "packaging/ci.sh needs root and apt-get (it installs the checkers and the package)"
  exit 1
fi

step "checkers"
t0=$(now)
CHECK_DEBS=(lintian desktop-file-utils appstream xvfb xauth nsis fonts-dejavu-core)
missing=()
for deb in "${CHECK_DEBS[@]}"; do
  dpkg-query -W -f='${Status}\n' "$deb" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
checkers_s=$(elapsed "$t0")

step "build (packaging/linux/build-deb.sh)"
t0=$(now)
DEB=$(bash packaging/linux/build-deb.sh | tail -1)
build_s=$(elapsed "$t0")
ls -l "$DEB"

step "desktop-file-validate"
desktop-file-validate resources/linux/$PKG.desktop
step "appstreamcli validate"
appstreamcli validate --no-net "resources/linux/$APPSTREAM_ID.metainfo.xml"
step "lintian"
t0=$(now)
lintian --fail-on error,warning --info "$DEB"
lintian_s=$(elapsed "$t0")

step "bundle and package tests (tests/packaging, on this build)"
PYTEST_PYTHON=${PYTEST_PYTHON:-.venv/bin/python}
if "$PYTEST_PYTHON" -c "import pytest, pytestqt" 2>/dev/null; then
  JOURNAL_APP_PACKAGING_TESTS=1 JOURNAL_APP_PACKAGING_BUILT=1 QT_QPA_PLATFORM=offscreen \
    "$PYTEST_PYTHON" -m pytest -q -p no:cacheprovider tests/packaging
else
  echo "skipped: no $PYTEST_PYTHON with pytest (.ci/run makes .venv; or set PYTEST_PYTHON)"
fi

step "NSIS installer compiles (Debian's makensis, placeholder bundle)"
NSIS_DIR=$(mktemp -d)
mkdir -p "$NSIS_DIR/journal-app/_internal"
printf 'MZ placeholder' >"$NSIS_DIR/journal-app/journal-app.exe"
printf 'placeholder' >"$NSIS_DIR/journal-app/_internal/base_library.zip"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' journal_app/__init__.py)
makensis -V2 -WX "-DVERSION=$VERSION" "-DBUNDLE_DIR=$NSIS_DIR/journal-app" \
  "-DOUT_FILE=$NSIS_DIR/journal-app-$VERSION-setup.exe" packaging/windows/journal-app.nsi
ls -l "$NSIS_DIR/journal-app-$VERSION-setup.exe"
rm -rf "$NSIS_DIR"

step "install $DEB"
t0=$(now)
apt-get install -y -qq --reinstall --no-install-recommends "./$DEB" </dev/null >/dev/null
install_s=$(elapsed "$t0")
dpkg -s $PKG | sed -n 's/^\(Version\|Installed-Size\):/\1:/p'
# The installed copies of the metadata must validate too.
desktop-file-validate /usr/share/applications/$PKG.desktop
appstreamcli validate --no-net "/usr/share/metainfo/$APPSTREAM_ID.metainfo.xml" >/dev/null

HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
step "installed journal-app --self-test (offscreen)"
(cd "$HOME_DIR" && env -u DISPLAY -u WAYLAND_DISPLAY HOME="$HOME_DIR" \
  QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/$PKG --self-test)

step "the menu entry's Exec line starts the app (Xvfb, xcb)"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/$PKG.desktop | head -1)
exec_cmd=$(printf '%s' "$exec_line" | sed 's/ *%[fFuUdDnNickvm]//g')
echo "Exec=$exec_line -> $exec_cmd"
# A desktop session's PATH, so that no virtualenv's journal-app answers instead.
probe=$(cd "$HOME_DIR" && env -u QT_QPA_PLATFORM -u DISPLAY HOME="$HOME_DIR" \
  PATH=/usr/local/bin:/usr/bin:/bin \
  JOURNAL_APP_DATA_DIR="$HOME_DIR/journal" JOURNAL_APP_STARTUP_PROBE=1 \
  timeout 120 xvfb-run -a sh -c "$exec_cmd" 2>"$HOME_DIR/exec.err" || true)
if ! printf '%s\n' "$probe" | grep -qx "first-paint"; then
  echo "the Exec line did not open a window; stdout: $probe"
  cat "$HOME_DIR/exec.err"
  exit 1
fi
echo "window painted"

step "start-up: bundled app vs python -m journal_app (same run, same journal)"
STARTUP=$(build/venv-deb/bin/python packaging/measure_startup.py --app /usr/bin/$PKG)

if [ "${JOURNAL_APP_CI_KEEP:-}" != 1 ]; then
  apt-get remove -y -qq $PKG </dev/null >/dev/null
fi

step "figures"
total_s=$(elapsed "$T_ALL")
python3 - "$ROOT/build/deb/figures.json" "$STARTUP" <<EOF | tee build/packaging-ci.json
import json, sys
figures = json.load(open(sys.argv[1]))
figures.update(json.loads(sys.argv[2]))
figures.update(checkers_s=$checkers_s, build_s=$build_s, lintian_s=$lintian_s,
               install_s=$install_s, total_s=$total_s,
               bundle_mib=round(figures["bundle_bytes"] / 2**20, 1),
               deb_mib=round(figures["deb_bytes"] / 2**20, 1),
               installed_mib=round(figures["installed_kb"] / 1024, 1))
print(json.dumps(figures, indent=2))
EOF
echo "packaging: OK"
