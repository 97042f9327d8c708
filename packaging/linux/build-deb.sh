#!/usr/bin/env bash
# Build dist/journal-app_<version>_<arch>.deb from this checkout:
#   1. the build tools (apt-get, when root and something is missing),
#   2. a build virtualenv (build/venv-deb: the app's dependencies + PyInstaller),
#   3. the PyInstaller folder bundle (packaging/journal-app.spec) -> /usr/lib/journal-app,
#   4. the package tree: /usr/bin/journal-app, .desktop, AppStream metainfo, hicolor
#      icons, man page, copyright, changelog, lintian overrides,
#   5. Depends from dpkg-shlibdeps, then dpkg-deb (xz).
# Figures (seconds, bytes) go to build/deb/figures.json. Options via the environment:
#   PYTHON=...   the interpreter for the build virtualenv; default Debian's /usr/bin/python3
#                (a Debian package is built on Debian's Python: its libraries are linked
#                the Debian way, e.g. pyexpat against the system's expat)
#   JOURNAL_APP_SKIP_APT=1   never call apt-get
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

PKG=journal-app
APPSTREAM_ID=io.github.selfstudyjournal.JournalApp
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' journal_app/__init__.py)
PYTHON=${PYTHON:-/usr/bin/python3}
WORK=build/deb
VENV=build/venv-deb
SRC=$WORK/src            # dpkg-shlibdeps wants debian/control and debian/<package>/
STAGE=$SRC/debian/$PKG
say() { printf '[build-deb] %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$1" "$(now)"; }

[ -n "$VERSION" ] || { say "no __version__ in journal_app/__init__.py"; exit 1; }
if ! head -1 packaging/linux/changelog | grep -q "^$PKG ($VERSION) "; then
  say "packaging/linux/changelog does not start with an entry for $VERSION: add one"
  exit 1
fi

# --------------------------------------------------------------------------- 1. tools
# Build tools, and the system libraries the bundle links against (PyInstaller and
# dpkg-shlibdeps must find them to compute the package's dependencies).
BUILD_DEBS=(
  dpkg-dev binutils patchelf xz-utils python3 python3-venv
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libpng16-16 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0
  libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libwayland-client0 libwayland-cursor0
  libwayland-egl1
)
ensure_debs() {
  local missing=() deb
  for deb in "$@"; do
    dpkg-query -W -f='${Status}\n' "$deb" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$deb")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "${JOURNAL_APP_SKIP_APT:-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  else
    say "missing Debian packages (install them, as root): ${missing[*]}"
    exit 1
  fi
}
t0=$(now)
ensure_debs "${BUILD_DEBS[@]}"
# PyInstaller bundles the interpreter's shared library: Debian ships it apart.
if [[ "$("$PYTHON" -c 'import sys; print(sys.prefix)')" == /usr ]]; then
  ensure_debs "libpython$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
fi
tools_s=$(elapsed "$t0")

# --------------------------------------------------------------------------- 2. venv
t0=$(now)
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV with $PYTHON"
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check \
  -e . -r packaging/requirements-build.txt
venv_s=$(elapsed "$t0")

# --------------------------------------------------------------------------- 3. bundle
t0=$(now)
say "PyInstaller bundle"
rm -rf "$WORK/bundle"
JOURNAL_APP_SYSTEM_LIBS=1 "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$WORK/bundle" --workpath "$WORK/pyinstaller" packaging/journal-app.spec
pyinstaller_s=$(elapsed "$t0")
bundle_bytes=$(du -sb "$WORK/bundle/$PKG" | cut -f1)

# --------------------------------------------------------------------------- 4. tree
t0=$(now)
rm -rf "$SRC"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/lib" "$STAGE/usr/bin"
cp -a "$WORK/bundle/$PKG" "$STAGE/usr/lib/$PKG"
APPDIR=$STAGE/usr/lib/$PKG

# Strip debugging symbols from every ELF object except the executable (PyInstaller
# appends its archive to it) and numpy's bundled OpenBLAS/gfortran (auditwheel-patched
# libraries that break when stripped): see packaging/README.md, "Lintian overrides".
is_elf() { [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; }
while IFS= read -r -d '' file; do
  case "$file" in
    "$APPDIR/$PKG" | */numpy.libs/*) continue ;;
  esac
  if is_elf "$file"; then
    strip --strip-unneeded --remove-section=.comment --remove-section=.note "$file"
  fi
done < <(find "$APPDIR" -type f -print0)

# A RUNPATH that points outside the bundle (an interpreter's build folder) would make the
# loader look there on users' machines; $ORIGIN-relative ones (PySide6's) stay.
while IFS= read -r -d '' file; do
  if is_elf "$file"; then
    runpath=$(patchelf --print-rpath "$file" 2>/dev/null || true)
    if [ -n "$runpath" ] && [[ "$runpath" != '$ORIGIN'* ]]; then
      patchelf --remove-rpath "$file"
    fi
  fi
done < <(find "$APPDIR" -type f -name '*.so*' -print0)

# Modes: directories 755, files 644 (shared libraries too), the executable 755.
find "$STAGE/usr" -type d -exec chmod 0755 {} +
find "$STAGE/usr" -type f -exec chmod 0644 {} +
chmod 0755 "$APPDIR/$PKG"
ln -s "../lib/$PKG/$PKG" "$STAGE/usr/bin/$PKG"

install -Dm644 resources/linux/$PKG.desktop "$STAGE/usr/share/applications/$PKG.desktop"
install -Dm644 "resources/linux/$APPSTREAM_ID.metainfo.xml" \
  "$STAGE/usr/share/metainfo/$APPSTREAM_ID.metainfo.xml"
for png in resources/icons/hicolor/*/$PKG.png; do
  size=$(basename "$(dirname "$png")")
  install -Dm644 "$png" "$STAGE/usr/share/icons/hicolor/$size/apps/$PKG.png"
done
install -Dm644 resources/icons/$PKG.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$PKG.svg"
install -Dm644 packaging/linux/copyright "$STAGE/usr/share/doc/$PKG/copyright"
install -d "$STAGE/usr/share/doc/$PKG" "$STAGE/usr/share/man/man1"
gzip -9n <packaging/linux/changelog >"$STAGE/usr/share/doc/$PKG/changelog.gz"
sed "s/journal-app [0-9][^\"]*\"/journal-app $VERSION\"/" packaging/linux/$PKG.1 \
  | gzip -9n >"$STAGE/usr/share/man/man1/$PKG.1.gz"
install -Dm644 packaging/linux/lintian-overrides "$STAGE/usr/share/lintian/overrides/$PKG"
chmod 0644 "$STAGE"/usr/share/doc/$PKG/* "$STAGE/usr/share/man/man1/$PKG.1.gz"

# --------------------------------------------------------------------------- 5. package
ARCH=$(dpkg --print-architecture)
cat >"$SRC/debian/control" <<EOF
Source: $PKG

Package: $PKG
Architecture: any
EOF
mapfile -d '' elves < <(find "$APPDIR" -type f \( -name '*.so*' -o -path "$APPDIR/$PKG" \) -print0)
mapfile -t libdirs < <(find "$APPDIR" -type f -name '*.so*' -printf '%h\n' | sort -u)
libdir_args=()
for dir in "${libdirs[@]}"; do libdir_args+=("-l$ROOT/$dir"); done
(cd "$SRC" && dpkg-shlibdeps -O --ignore-missing-info "${libdir_args[@]}" \
  -e"${elves[@]/#/$ROOT/}") >"$WORK/shlibs.txt" 2>"$WORK/shlibs.log" \
  || { cat "$WORK/shlibs.log" >&2; exit 1; }
depends=$(sed -n 's/^shlibs:Depends=//p' "$WORK/shlibs.txt")
# Spell check: pyenchant loads the system's Enchant library at run time (no ELF of ours
# links it, so dpkg-shlibdeps cannot see it) and needs a dictionary; any Hunspell one
# will do (hunspell-dictionary is the virtual package they all provide).
depends="$depends, libenchant-2-2, hunspell-en-us | hunspell-dictionary"
installed_kb=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<EOF
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: Self-Study Journal developers <journal-app@users.noreply.github.com>
Installed-Size: $installed_kb
Depends: $depends
Recommends: fonts-dejavu-core
Section: misc
Priority: optional
Homepage: https://github.com/self-study-journal/journal-app
Description: Markdown study log, sprint planner and deep-work dashboard
 Self-Study Journal is a desktop journal for people who teach themselves a hard
 field: a numbered study log in Markdown with a live preview, sprints tied to a
 career goal, and a dashboard of deep-work hours, sleep and output.
 .
 The journal is one SQLite file on your own machine; the app works offline and
 makes no network connections. A command line (journal-app new, search, log,
 timer, stats) reaches the same journal from a shell.
EOF
(cd "$STAGE" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$STAGE/DEBIAN/md5sums"
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"
chmod 0755 "$STAGE/DEBIAN"
tree_s=$(elapsed "$t0")

t0=$(now)
mkdir -p dist
DEB=dist/${PKG}_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
dpkg_deb_s=$(elapsed "$t0")
deb_bytes=$(stat -c %s "$DEB")
cat >"$WORK/figures.json" <<EOF
{"deb": "$DEB", "version": "$VERSION", "tools_s": $tools_s, "venv_s": $venv_s,
 "pyinstaller_s": $pyinstaller_s, "tree_s": $tree_s, "dpkg_deb_s": $dpkg_deb_s,
 "bundle_bytes": $bundle_bytes, "installed_kb": $installed_kb, "deb_bytes": $deb_bytes}
EOF
say "built $DEB ($((deb_bytes / 1024 / 1024)) MiB; installed $((installed_kb / 1024)) MiB)"
echo "$DEB"
