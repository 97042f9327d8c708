#!/usr/bin/env bash
# macOS: build "Self-Study Journal.app" (PyInstaller BUNDLE, packaging/journal-app.spec)
# and a drag-to-Applications disk image dist/journal-app-<version>.dmg.
# Runs on macOS only (hdiutil, codesign); needs python3 >= 3.11 from python.org or Homebrew.
#   bash packaging/macos/build-dmg.sh
# CODESIGN_IDENTITY="Developer ID Application: ..." signs with a real identity (then
# notarize: xcrun notarytool submit dist/*.dmg --keychain-profile ... --wait); without it
# the app is signed ad hoc, which runs on the machine that built it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
[ "$(uname -s)" = Darwin ] || { echo "build-dmg.sh runs on macOS"; exit 1; }
APP_NAME="Self-Study Journal"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' journal_app/__init__.py)
VENV=build/venv-macos

[ -x "$VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -e . -r packaging/requirements-build.txt
"$VENV/bin/pyinstaller" --noconfirm --distpath build/macos/dist --workpath build/macos/work \
  packaging/journal-app.spec
APP="build/macos/dist/$APP_NAME.app"

codesign --force --deep --options runtime --sign "${CODESIGN_IDENTITY:--}" "$APP"
codesign --verify --deep --strict "$APP"
# The bundle must start: the self-test opens the window offscreen and exits 0.
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/journal-app" --self-test

STAGE=build/macos/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE" dist
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/journal-app-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "$APP_NAME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
[ -z "${CODESIGN_IDENTITY:-}" ] || codesign --sign "$CODESIGN_IDENTITY" "$DMG"
echo "$DMG"
