#!/usr/bin/env bash
# Builds target/installer/Huikuan-<version>.dmg with jpackage (macOS only; not run in CI).
# Needs JDK 17+ (jpackage) and the Xcode command-line tools (sips, iconutil). Unsigned: Gatekeeper asks
# users to open it with right-click → Open the first time (see docs/install.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/huikuan.jar ] || mvn -B -q package -DskipTests
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)
OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input" "$OUT/huikuan.iconset"
cp target/huikuan.jar "$OUT/input/"
for s in 16 32 64 128 256 512; do
  sips -z $s $s installer/macos/huikuan-512.png --out "$OUT/huikuan.iconset/icon_${s}x${s}.png" >/dev/null
done
cp installer/macos/huikuan-512.png "$OUT/huikuan.iconset/icon_256x256@2x.png"
iconutil -c icns "$OUT/huikuan.iconset" -o "$OUT/huikuan.icns"
jpackage @installer/common.args @installer/macos/jpackage.args --type dmg --license-file LICENSE \
  --input "$OUT/input" --dest "$OUT" --app-version "$VERSION"
ls -l "$OUT"/*.dmg
