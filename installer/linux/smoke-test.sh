#!/usr/bin/env bash
# Proves the .deb works: unpacks it (as dpkg would install it, into a scratch root, no root rights needed),
# runs the bundled launchers' command line (bin/Huikuan and bin/huikuan-cli, with and without its class-data sharing
# archive), then starts the window under Xvfb with the sample case, lets it
# show the main window for a few seconds and checks it shuts down cleanly (exit code 0, backup on exit
# written), then starts it again on those books (the usual start, books opened while JavaFX starts). Needs xvfb-run (apt-get install xvfb) and libgtk-3-0.
#
# With --installed it checks the package installed on this machine instead (sudo apt-get install
# ./target/installer/huikuan_*_amd64.deb first): dpkg's record of it, the menu entry in
# /usr/share/applications, and /opt/huikuan/bin/Huikuan started the same way. The release workflow
# (.github/workflows/release.yml) runs it so.
set -euo pipefail
cd "$(dirname "$0")/../.."
INSTALLED=false
case "${1:-}" in
  "") ;;
  --installed) INSTALLED=true ;;
  *) echo "usage: $0 [--installed]" >&2; exit 2 ;;
esac
DATA=$(mktemp -d)
if $INSTALLED; then
  ROOT=""
  trap 'rm -rf "$DATA" "$DATA.log" "$DATA.2.log"' EXIT
  dpkg-query -W -f='${Status}\n' huikuan | grep -q "install ok installed"
  DEPENDS=$(dpkg-query -W -f='${Depends}' huikuan)
  test -f /usr/share/applications/huikuan-Huikuan.desktop
  WHAT="installed package huikuan $(dpkg-query -W -f='${Version}' huikuan)"
else
  DEB=$(ls target/installer/huikuan_*_amd64.deb | head -n 1)
  ROOT=$(mktemp -d)
  trap 'rm -rf "$ROOT" "$DATA" "$DATA.log" "$DATA.2.log"' EXIT
  dpkg-deb -x "$DEB" "$ROOT"
  DEPENDS=$(dpkg-deb -f "$DEB" Depends)
  WHAT=$DEB
fi
LAUNCHER="$ROOT/opt/huikuan/bin/Huikuan"
test -x "$LAUNCHER"
test -f "$ROOT/opt/huikuan/lib/huikuan-Huikuan.desktop"
grep -q libgtk-3-0 <<<"$DEPENDS"
grep -q fonts-noto-cjk <<<"$DEPENDS"
"$LAUNCHER" version
# The command-line launcher (issue 25): C1 only and a class-data sharing archive that the .deb's postinst dumps where
# the app is installed (here, unpacked, the same script does it for the scratch root). With -Xshare:on the JVM refuses
# to start unless it maps the archive: proof that it is used. Without the archive, or with a broken one, the launcher
# must still work (the JVM runs without class-data sharing) and print nothing more.
CLI="$ROOT/opt/huikuan/bin/huikuan-cli"
ARCHIVE="$ROOT/opt/huikuan/lib/app/huikuan-cli.jsa"
test -x "$CLI"
test -f "$ROOT/opt/huikuan/lib/app/huikuan-cli.classlist"
grep -q "NoDisplay=true" "$ROOT/opt/huikuan/lib/huikuan-huikuan-cli.desktop"
$INSTALLED || installer/linux/dump-cds.sh "$ROOT/opt/huikuan"
test -s "$ARCHIVE"
JAVA_TOOL_OPTIONS=-Xshare:on "$CLI" version | grep -q "Huikuan"
EXPECTED=$("$LAUNCHER" version)
[ "$("$CLI" version)" = "$EXPECTED" ]
if ! $INSTALLED; then
  mv "$ARCHIVE" "$ARCHIVE.saved"
  [ "$("$CLI" version 2>&1)" = "$EXPECTED" ]
  head -c 4096 /dev/urandom > "$ARCHIVE"
  [ "$("$CLI" version 2>&1)" = "$EXPECTED" ]
  mv "$ARCHIVE.saved" "$ARCHIVE"
  # a jar that is not the one the archive was made for (its time changed): the JVM drops the archive
  touch -d "2000-01-01" "$ROOT/opt/huikuan/lib/app/huikuan.jar"
  [ "$("$CLI" version 2>&1)" = "$EXPECTED" ]
  if JAVA_TOOL_OPTIONS=-Xshare:on "$CLI" version >/dev/null 2>&1; then echo "the archive was used with another jar" >&2; exit 1; fi
  echo "huikuan-cli: archive used; runs without it, with a broken one and with one made for another jar"
fi
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
echo "smoke test passed: $WHAT"
