#!/usr/bin/env bash
# Dumps the command-line launcher's class-data sharing archive (issue 25) for the app in the folder given (the app-image
# target/installer/Huikuan, or /opt/huikuan), from its lib/app/huikuan-cli.classlist, by its own launcher, so that the
# JVM records the very jar path and runtime the launcher uses. The .deb's postinst does the same on install.
# Prints the archive's size; exits non-zero when no archive was written (the launcher then runs without one).
set -euo pipefail
APP=${1:?usage: dump-cds.sh APP_DIR}
LIB="$APP/lib/app"
rm -f "$LIB/huikuan-cli.jsa"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$LIB/huikuan-cli.classlist -XX:SharedArchiveFile=$LIB/huikuan-cli.jsa -Xlog:cds=off -Xlog:cds+heap=off -Xlog:gc+verify=off" \
  "$APP/bin/huikuan-cli" version >/dev/null 2>&1 || true
if [ ! -s "$LIB/huikuan-cli.jsa" ]; then
  rm -f "$LIB/huikuan-cli.jsa"
  echo "no class-data sharing archive written in $LIB" >&2
  exit 1
fi
echo "class-data sharing archive: $LIB/huikuan-cli.jsa ($(stat -c %s "$LIB/huikuan-cli.jsa") bytes)"
