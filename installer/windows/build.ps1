# Builds target\installer\Huikuan-<version>.msi with jpackage (Windows only). The release workflow
# (.github/workflows/release.yml) runs it on a GitHub Windows runner, then installer\windows\smoke-test.ps1.
# Needs JDK 17+ and WiX Toolset 3.x: JDK 17's jpackage calls WiX 3's candle.exe and light.exe (WiX 4 and
# later have neither; a later JDK's jpackage learned them, JDK-8319457). It finds WiX 3 on the PATH or in
# "C:\Program Files (x86)\WiX Toolset v3.*\bin". Uses %JAVA_HOME%\bin\jpackage.exe when JAVA_HOME is set.
# Usage (PowerShell, from anywhere):  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Type exe]
param([ValidateSet("msi", "exe")][string]$Type = "msi")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path target\huikuan.jar)) {
  mvn -B -q package -DskipTests
  if ($LASTEXITCODE -ne 0) { throw "mvn package failed" }
}
# pom.xml is UTF-8 (its <name> has Chinese in it); Windows PowerShell 5.1 would read it as ANSI.
$pom = [xml](Get-Content -Raw -Encoding UTF8 pom.xml)
$version = $pom.project.version -replace '-SNAPSHOT$', ''
$jpackage = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME "bin\jpackage.exe" } else { "jpackage" }
$out = "target\installer"
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item target\huikuan.jar "$out\input\"
# The @ arguments stay quoted: unquoted, PowerShell would read @name as splatting.
& $jpackage "@installer/common.args" "@installer/windows/jpackage.args" --type $Type --license-file LICENSE `
  --input "$out\input" --dest $out --app-version $version
if ($LASTEXITCODE -ne 0) { throw "jpackage failed (exit code $LASTEXITCODE)" }
$built = Get-ChildItem $out -Filter "Huikuan-$version.$Type"
if (-not $built) { throw "jpackage made no $out\Huikuan-$version.$Type" }
$built
