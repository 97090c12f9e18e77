#!/usr/bin/env bash
# Builds target/installer/Huikuan-<version>.dmg with jpackage (macOS only). The release workflow
# (.github/workflows/release.yml) runs it on a GitHub macOS runner, then installer/macos/smoke-test.sh.
# Needs JDK 17+ (jpackage; uses $JAVA_HOME/bin/jpackage when JAVA_HOME is set) and the Xcode command-line
# tools (sips, iconutil). The .app is for the machine's own architecture (the JavaFX natives in
# target/huikuan.jar are the build machine's): Apple silicon on an arm64 Mac. Not signed with a Developer
# ID: Gatekeeper asks users to open it with right-click → Open the first time (see docs/install.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/huikuan.jar ] || mvn -B -q package -DskipTests
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)
# jpackage refuses a bundle version whose first number is 0 ("The first number in an app-version cannot be
# zero or negative"), so a 0.x release gets bundle version 1.0.0 (what Finder's Get Info shows); the .dmg
# keeps the real version in its name, and the app's own `version` command reports the real one.
case "$VERSION" in
  0.*) BUNDLE_VERSION=1.0.0 ;;
  *) BUNDLE_VERSION=$VERSION ;;
esac
JPACKAGE=${JAVA_HOME:+$JAVA_HOME/bin/}jpackage
OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input" "$OUT/huikuan.iconset"
cp target/huikuan.jar "$OUT/input/"
# The AGPL text travels inside the app (Huikuan.app/Contents/app/LICENSE). It is not passed as
# --license-file: on a .dmg that makes a click-through agreement (with hdiutil udifrez, deprecated since
# macOS 12), which the AGPL does not ask for and which would stop a scripted hdiutil attach.
cp LICENSE "$OUT/input/"
# iconutil accepts only these names: icon_<n>x<n>.png and icon_<n>x<n>@2x.png for n = 16, 32, 128, 256, 512.
for s in 16 32 128 256 512; do
  sips -z $s $s installer/macos/huikuan-512.png --out "$OUT/huikuan.iconset/icon_${s}x${s}.png" >/dev/null
  if [ $s -lt 512 ]; then
    sips -z $((s * 2)) $((s * 2)) installer/macos/huikuan-512.png --out "$OUT/huikuan.iconset/icon_${s}x${s}@2x.png" >/dev/null
  fi
done
iconutil -c icns "$OUT/huikuan.iconset" -o "$OUT/huikuan.icns"
"$JPACKAGE" @installer/common.args @installer/macos/jpackage.args --type dmg \
  --input "$OUT/input" --dest "$OUT" --app-version "$BUNDLE_VERSION"
if [ "$BUNDLE_VERSION" != "$VERSION" ]; then
  mv "$OUT/Huikuan-$BUNDLE_VERSION.dmg" "$OUT/Huikuan-$VERSION.dmg"
fi
ls -l "$OUT/Huikuan-$VERSION.dmg"
