#!/usr/bin/env bash
# Builds the Linux packages with jpackage: target/installer/Huikuan (app-image) and
# target/installer/huikuan_<version>_amd64.deb. Needs JDK 17+ (jpackage), fakeroot and dpkg-deb
# (Debian: apt-get install fakeroot). Run from anywhere; uses target/huikuan.jar, building it if missing.
#
# Two launchers (installer/README.md): bin/Huikuan (the window, and the command line as before) and bin/huikuan-cli
# (the command line with C1 only and a class-data sharing archive, issue 25). The archive's class list is recorded
# here by training runs of the built app-image's huikuan-cli (a generated 200-receivable book: verify, version,
# help) and ships in both packages as lib/app/huikuan-cli.classlist; the archive itself is dumped where the app is
# (JDK 17 ties it to the jar's absolute path): into the app-image here, by the .deb's postinst on install.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/huikuan.jar ] || mvn -B -q package -DskipTests
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)
JPACKAGE=${JAVA_HOME:+$JAVA_HOME/bin/}jpackage
OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input" "$OUT/training"
cp target/huikuan.jar "$OUT/input/"
"$JPACKAGE" @installer/common.args @installer/linux/jpackage.args --type app-image --input "$OUT/input" --dest "$OUT" --app-version "$VERSION"
APP="$(pwd)/$OUT/Huikuan"
TRAINING="$(pwd)/$OUT/training"
CLI="$APP/bin/huikuan-cli"

# The class list: the classes each training run loaded, in first-loaded order, each name once (the ids DumpLoadedClassList
# gives differ between runs and are optional for the class path's classes).
"$CLI" bench generate --data "$TRAINING/book" --customers 50 --receivables 200 --payments 400 >/dev/null
train() { # name, arguments...
  local name=$1; shift
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$TRAINING/$name.classlist" "$CLI" "$@" >"$TRAINING/$name.log" 2>&1
}
train verify verify --book "$TRAINING/book"
train version version
train help --help
awk '/^#/ { next } /^@/ { if (!seen[$0]++) print; next }
     { line = $0; if (line !~ / source: /) sub(/ id: [0-9]+$/, "", line); if (!seen[line]++) print line }' \
  "$TRAINING"/verify.classlist "$TRAINING"/version.classlist "$TRAINING"/help.classlist > "$OUT/input/huikuan-cli.classlist"
cp "$OUT/input/huikuan-cli.classlist" "$APP/lib/app/"
echo "class list: $(wc -l < "$OUT/input/huikuan-cli.classlist") classes"

# The archive for this app-image (valid only in this folder: moved or copied elsewhere, the JVM runs without it).
installer/linux/dump-cds.sh "$APP"

"$JPACKAGE" @installer/common.args @installer/linux/jpackage.args --type deb @installer/linux/deb.args --input "$OUT/input" --dest "$OUT" --app-version "$VERSION"
ls -l "$OUT"/*.deb
