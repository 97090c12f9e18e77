#!/usr/bin/env bash
# Proves the .deb works: unpacks it (as dpkg would install it, into a scratch root, no root rights needed),
# runs the bundled launcher's command line, then starts the window under Xvfb with the sample case, lets it
# show the main window for a few seconds and checks it shuts down cleanly (exit code 0, backup on exit
# written), then starts it again on those books (the usual start, books opened while JavaFX starts). Needs xvfb-run (apt-get install xvfb) and libgtk-3-0.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEB=$(ls target/installer/huikuan_*_amd64.deb | head -n 1)
ROOT=$(mktemp -d)
DATA=$(mktemp -d)
trap 'rm -rf "$ROOT" "$DATA"' EXIT
dpkg-deb -x "$DEB" "$ROOT"
LAUNCHER="$ROOT/opt/huikuan/bin/Huikuan"
test -x "$LAUNCHER"
test -f "$ROOT/opt/huikuan/lib/huikuan-Huikuan.desktop"
dpkg-deb -f "$DEB" Depends | grep -q libgtk-3-0
dpkg-deb -f "$DEB" Depends | grep -q fonts-noto-cjk
"$LAUNCHER" version
HUIKUAN_DATA="$DATA" HUIKUAN_SMOKE_TEST=4 JAVA_TOOL_OPTIONS="-Dhuikuan.sample=true" \
  timeout 180 xvfb-run -a -s "-screen 0 1280x800x24" "$LAUNCHER" | tee "$DATA.log"
grep -q "main window shown" "$DATA.log"
grep -q "shutting down" "$DATA.log"
ls "$DATA"/backups/*.zip >/dev/null
# Second start on the same books: the usual start, which opens the books while JavaFX starts (issue 7).
HUIKUAN_DATA="$DATA" HUIKUAN_SMOKE_TEST=2 \
  timeout 180 xvfb-run -a -s "-screen 0 1280x800x24" "$LAUNCHER" | tee "$DATA.2.log"
grep -q "main window shown" "$DATA.2.log"
grep -q "shutting down" "$DATA.2.log"
echo "smoke test passed: $DEB"
