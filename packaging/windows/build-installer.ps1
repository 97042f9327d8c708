# Windows: build the PyInstaller folder bundle and the NSIS installer
# dist\journal-app-<version>-setup.exe. Run from a PowerShell prompt in the checkout:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
# Needs Python >= 3.11 (python.org) and NSIS 3 (winget install NSIS.NSIS) on PATH.
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")
$version = (Select-String -Path journal_app\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$venv = "build\venv-windows"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install -q -e . -r packaging\requirements-build.txt
if ($LASTEXITCODE) { throw "pip failed" }
& "$venv\Scripts\pyinstaller.exe" --noconfirm --distpath dist --workpath build\pyinstaller packaging\journal-app.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
# journal-app.exe is a GUI program: its self-test prints nothing, but its exit code tells.
$env:QT_QPA_PLATFORM = "offscreen"
$check = Start-Process -FilePath dist\journal-app\journal-app.exe -ArgumentList "--self-test" -Wait -PassThru
Remove-Item Env:\QT_QPA_PLATFORM
if ($check.ExitCode -ne 0) { throw "the bundle's --self-test failed ($($check.ExitCode))" }
makensis /V2 /WX "/DVERSION=$version" /DBUNDLE_DIR=..\..\dist\journal-app packaging\windows\journal-app.nsi
if ($LASTEXITCODE) { throw "makensis failed" }
Write-Output "dist\journal-app-$version-setup.exe"
