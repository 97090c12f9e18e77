# Builds target\installer\Huikuan-<version>.msi with jpackage (Windows only; not run in CI).
# Needs JDK 17+ and WiX Toolset 3.x (candle.exe, light.exe on the PATH): https://wixtoolset.org
# Usage (PowerShell, from anywhere):  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Type exe]
param([string]$Type = "msi")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path target\huikuan.jar)) { mvn -B -q package -DskipTests }
$version = ([xml](Get-Content pom.xml)).project.version -replace '-SNAPSHOT', ''
$out = "target\installer"
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item target\huikuan.jar "$out\input\"
jpackage "@installer/common.args" "@installer/windows/jpackage.args" --type $Type --license-file LICENSE `
  --input "$out\input" --dest $out --app-version $version
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem $out -Filter "Huikuan-*.$Type"
