#!/usr/bin/env bash
# Proves the .dmg works (macOS only): installs Huikuan.app from target/installer/Huikuan-<version>.dmg as a
# user does (mount, copy the app into an Applications folder, unmount), checks its bundle identifier, runs
# the installed launcher's command line, then starts the window with the sample case, lets it show the main
# window for a few seconds and checks it shuts down cleanly (exit code 0, backup on exit written), then
# starts it again on those books, as installer/linux/smoke-test.sh does under Xvfb. Needs a desktop session
# (GitHub's macOS runners have one).
# Usage: bash installer/macos/smoke-test.sh [APPLICATIONS_FOLDER]
#   Without a folder the app is copied into a scratch folder and removed afterwards; the release workflow
#   passes /Applications (an existing /Applications/Huikuan.app is replaced).
set -euo pipefail
cd "$(dirname "$0")/../.."
DMG=$(find target/installer -maxdepth 1 -name 'Huikuan-*.dmg' | head -n 1)
[ -n "$DMG" ] || { echo "no target/installer/Huikuan-*.dmg: run installer/macos/build-dmg.sh first" >&2; exit 1; }
WORK=$(mktemp -d)
MNT="$WORK/mnt"
DATA="$WORK/data"
mkdir -p "$MNT" "$DATA"
DEST=${1:-$WORK/Applications}
mkdir -p "$DEST"
APP="$DEST/Huikuan.app"
cleanup() {
  hdiutil detach -quiet "$MNT" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# within SECONDS COMMAND...: COMMAND is ended (SIGALRM) if it still runs after SECONDS. macOS has no timeout(1).
within() {
  perl -e 'my $s = shift @ARGV; alarm $s; exec @ARGV or die "exec $ARGV[0]: $!\n"' "$@"
}

# Mount as Finder would, without opening a window; hdiutil is sometimes busy on CI machines, so try thrice.
for try in 1 2 3; do
  if hdiutil attach -nobrowse -readonly -noautoopen -mountpoint "$MNT" "$DMG"; then break; fi
  [ "$try" -lt 3 ] || { echo "hdiutil attach failed" >&2; exit 1; }
  sleep 5
done
test -d "$MNT/Huikuan.app"
rm -rf "$APP"
ditto "$MNT/Huikuan.app" "$APP"
hdiutil detach "$MNT"

PLIST="$APP/Contents/Info.plist"
test "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleIdentifier' "$PLIST")" = cn.huikuan.app
echo "bundle version: $(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$PLIST")"
test -f "$APP/Contents/app/LICENSE"
# Apple silicon runs only signed code; jpackage signs the bundle ad hoc. Shown for the log.
codesign -dv "$APP" 2>&1 | sed 's/^/  codesign: /' || true
LAUNCHER="$APP/Contents/MacOS/Huikuan"
test -x "$LAUNCHER"

within 120 "$LAUNCHER" version | tee "$WORK/version.log"
grep -q "Huikuan" "$WORK/version.log"
# The command-line launcher (issue 25): C1 only, same jar.
test -x "$APP/Contents/MacOS/huikuan-cli"
within 120 "$APP/Contents/MacOS/huikuan-cli" version | tee "$WORK/cli-version.log"
grep -q "Huikuan" "$WORK/cli-version.log"
HUIKUAN_DATA="$DATA" HUIKUAN_SMOKE_TEST=4 JAVA_TOOL_OPTIONS="-Dhuikuan.sample=true" \
  within 180 "$LAUNCHER" | tee "$WORK/run1.log"
grep -q "main window shown" "$WORK/run1.log"
grep -q "shutting down" "$WORK/run1.log"
ls "$DATA"/backups/*.zip >/dev/null
# Second start on the same books: the usual start, which opens the books while JavaFX starts (issue 7).
HUIKUAN_DATA="$DATA" HUIKUAN_SMOKE_TEST=2 within 180 "$LAUNCHER" | tee "$WORK/run2.log"
grep -q "main window shown" "$WORK/run2.log"
grep -q "shutting down" "$WORK/run2.log"
echo "smoke test passed: $APP (from $DMG)"
