#!/usr/bin/env bash
# Builds the Linux packages with jpackage: target/installer/Huikuan (app-image) and
# target/installer/huikuan_<version>_amd64.deb. Needs JDK 17+ (jpackage), fakeroot and dpkg-deb
# (Debian: apt-get install fakeroot). Run from anywhere; uses target/huikuan.jar, building it if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/huikuan.jar ] || mvn -B -q package -DskipTests
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)
JPACKAGE=${JAVA_HOME:+$JAVA_HOME/bin/}jpackage
OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input"
cp target/huikuan.jar "$OUT/input/"
"$JPACKAGE" @installer/common.args @installer/linux/jpackage.args --type app-image --input "$OUT/input" --dest "$OUT" --app-version "$VERSION"
"$JPACKAGE" @installer/common.args @installer/linux/jpackage.args --type deb @installer/linux/deb.args --input "$OUT/input" --dest "$OUT" --app-version "$VERSION"
ls -l "$OUT"/*.deb
