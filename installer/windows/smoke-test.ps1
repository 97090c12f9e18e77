# Proves the .msi works (Windows only): installs target\installer\Huikuan-<version>.msi for the current user
# without its dialogs (msiexec /qn), checks the Start-menu entry and the desktop shortcut, runs the installed
# launcher's command line, starts the window with the sample case, lets it show the main window for a few
# seconds and checks it shuts down cleanly (exit code 0, the two lines the app prints for this check, backup
# on exit written), starts it again on those books, then uninstalls it (msiexec /x). Needs a desktop session
# (GitHub's Windows runners have one). The release workflow (.github/workflows/release.yml) runs it after
# installer\windows\build.ps1. Logs (msiexec's, the app's output) go to target\installer\logs.
# Usage (PowerShell):  powershell -ExecutionPolicy Bypass -File installer\windows\smoke-test.ps1 [-KeepInstalled]
param([switch]$KeepInstalled, [int]$TimeoutSeconds = 180)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$msi = Get-ChildItem target\installer -Filter "Huikuan-*.msi" | Select-Object -First 1
if (-not $msi) { throw "no target\installer\Huikuan-*.msi: run installer\windows\build.ps1 first" }
$logs = (New-Item -ItemType Directory -Force target\installer\logs).FullName
$data = Join-Path ([IO.Path]::GetTempPath()) ("huikuan-smoke-" + [Guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory -Force $data | Out-Null

function Invoke-Msiexec([string]$action, [string]$log) {
  $arguments = "$action `"$($msi.FullName)`" /qn /norestart /l*v `"$log`""
  Write-Host "msiexec $arguments"
  $p = Start-Process msiexec.exe -ArgumentList $arguments -Wait -PassThru
  # 3010: done, a restart would be needed for some file in use; the app is not running, so none is.
  if ($p.ExitCode -ne 0 -and $p.ExitCode -ne 3010) {
    if (Test-Path $log) { Get-Content $log -Tail 80 | Write-Host }
    throw "msiexec $action exited with $($p.ExitCode) (log: $log)"
  }
}

# jpackage's per-user .msi installs into %LOCALAPPDATA%\Huikuan unless the user picks another folder.
function Find-Launcher {
  foreach ($dir in @((Join-Path $env:LOCALAPPDATA "Huikuan"), (Join-Path $env:LOCALAPPDATA "Programs\Huikuan"),
                     (Join-Path $env:ProgramFiles "Huikuan"))) {
    $exe = Join-Path $dir "Huikuan.exe"
    if (Test-Path $exe) { return $exe }
  }
  $found = Get-ChildItem $env:LOCALAPPDATA -Filter Huikuan.exe -Recurse -Depth 3 -ErrorAction SilentlyContinue |
    Select-Object -First 1
  if ($found) { return $found.FullName }
  return $null
}

# Starts the launcher with extra environment variables, its output sent to files (a GUI launcher has no
# console), and waits for it at most $TimeoutSeconds. Returns the exit code and what it printed.
function Start-Huikuan([string]$exe, [string]$name, [hashtable]$environment, [string[]]$arguments = @()) {
  $out = Join-Path $logs "$name.out.txt"
  $err = Join-Path $logs "$name.err.txt"
  $saved = @{}
  foreach ($key in $environment.Keys) {
    $saved[$key] = [Environment]::GetEnvironmentVariable($key)
    [Environment]::SetEnvironmentVariable($key, $environment[$key])
  }
  try {
    $params = @{ FilePath = $exe; RedirectStandardOutput = $out; RedirectStandardError = $err; PassThru = $true; NoNewWindow = $true }
    if ($arguments.Count -gt 0) { $params.ArgumentList = $arguments }
    $p = Start-Process @params
    $null = $p.Handle   # keeps the exit code readable once the process has ended
    if (-not $p.WaitForExit($TimeoutSeconds * 1000)) {
      Stop-Process -Id $p.Id -Force
      throw "${name}: still running after $TimeoutSeconds s"
    }
    $p.WaitForExit()
  } finally {
    foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
  }
  $text = "" + (Get-Content -Raw -Encoding UTF8 $out)
  Write-Host "--- $name (exit code $($p.ExitCode)):"
  Write-Host $text
  $errText = "" + (Get-Content -Raw -Encoding UTF8 $err)
  if ($errText.Trim()) { Write-Host "--- $name, standard error:"; Write-Host $errText }
  return [pscustomobject]@{ ExitCode = $p.ExitCode; Text = $text }
}

function Assert-Started($run, [string]$name) {
  if ($run.ExitCode -ne 0) { throw "${name}: exit code $($run.ExitCode)" }
  foreach ($line in @("main window shown", "shutting down")) {
    if (-not $run.Text.Contains($line)) { throw "${name}: the app did not print 'huikuan smoke test: $line'" }
  }
}

Invoke-Msiexec "/i" (Join-Path $logs "msi-install.log")
$exe = Find-Launcher
if (-not $exe) { throw "Huikuan.exe not found after installing $($msi.Name)" }
$root = Split-Path $exe
Write-Host "installed: $exe"
foreach ($part in @("app\huikuan.jar", "runtime\bin\server\jvm.dll")) {
  if (-not (Test-Path (Join-Path $root $part))) { throw "installed app has no $part" }
}
$menu = @([Environment]::GetFolderPath("Programs"), [Environment]::GetFolderPath("CommonPrograms")) |
  Where-Object { $_ -and (Test-Path $_) } |
  ForEach-Object { Get-ChildItem $_ -Recurse -Filter "Huikuan*.lnk" -ErrorAction SilentlyContinue }
if (-not $menu) { throw "no Start-menu shortcut Huikuan*.lnk (--win-menu)" }
$desktop = @([Environment]::GetFolderPath("Desktop"), [Environment]::GetFolderPath("CommonDesktopDirectory")) |
  Where-Object { $_ -and (Test-Path $_) } |
  ForEach-Object { Get-ChildItem $_ -Filter "Huikuan*.lnk" -ErrorAction SilentlyContinue }
if (-not $desktop) { throw "no desktop shortcut Huikuan*.lnk (--win-shortcut)" }
Write-Host "shortcuts: $((@($menu) + @($desktop) | ForEach-Object FullName) -join ', ')"

# The first runs put the app folder on PATH. JDK 17's Windows launcher may otherwise start itself again as a
# child process with that PATH (later JDKs do), and whether the child's output reaches our files is up to
# Windows; with it the JVM runs in the launcher's own process and its output is ours to check.
$withPath = @{ PATH = (Join-Path $root "app") + ";" + $env:PATH }
$version = Start-Huikuan $exe "version" $withPath @("version")
if ($version.ExitCode -ne 0 -or -not $version.Text.Contains("Huikuan")) { throw "Huikuan.exe version failed" }

# The command-line launcher (issue 25): a console program, so its output reaches us without the PATH trick above.
$cli = Join-Path $root "huikuan-cli.exe"
if (-not (Test-Path $cli)) { throw "installed app has no huikuan-cli.exe" }
$cliVersion = Start-Huikuan $cli "cli-version" @{} @("version")
if ($cliVersion.ExitCode -ne 0 -or -not $cliVersion.Text.Contains("Huikuan")) { throw "huikuan-cli.exe version failed" }

$run1 = Start-Huikuan $exe "start-sample" ($withPath + @{ HUIKUAN_DATA = $data; HUIKUAN_SMOKE_TEST = "4"; JAVA_TOOL_OPTIONS = "-Dhuikuan.sample=true" })
Assert-Started $run1 "first start (sample case)"
if (-not (Get-ChildItem (Join-Path $data "backups") -Filter *.zip -ErrorAction SilentlyContinue)) {
  throw "no backup written on exit in $data\backups"
}

# Second start on the same books, exactly as the Start menu starts it (no PATH change): the usual start,
# which opens the books while JavaFX starts (issue 7). Its exit code must be 0; its two lines are checked
# when its output reached us (see above).
$run2 = Start-Huikuan $exe "start-again" @{ HUIKUAN_DATA = $data; HUIKUAN_SMOKE_TEST = "2" }
if ($run2.Text.Trim()) {
  Assert-Started $run2 "second start"
} elseif ($run2.ExitCode -ne 0) {
  throw "second start: exit code $($run2.ExitCode)"
} else {
  Write-Host "second start: exit code 0; its output did not reach us (the launcher ran it in a child process)"
}

if (-not $KeepInstalled) {
  Invoke-Msiexec "/x" (Join-Path $logs "msi-uninstall.log")
  if (Test-Path $exe) { throw "uninstall left $exe behind" }
}
Remove-Item -Recurse -Force $data
Write-Host "smoke test passed: $($msi.Name) installed in $root$(if ($KeepInstalled) { ' (kept)' } else { ', uninstalled' })"
