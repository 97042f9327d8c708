"""The Windows version resource of journal-app.exe (Explorer's Properties ▸ Details).

packaging/journal-app.spec writes `version_file_text(VERSION)` to a file and passes its
path as EXE(version=...), PyInstaller's `--version-file` format: a Python expression
of PyInstaller.utils.win32.versioninfo classes, read on Windows only. Plain text, so
it is built and checked on any system.
"""

from __future__ import annotations

COMPANY = "Self-Study Journal developers"
PRODUCT = "Self-Study Journal"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """ "1.2.3" -> (1, 2, 3, 0); a suffix such as "rc1" is ignored."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or "0"))
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_file_text(version: str) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": PRODUCT,
        "FileVersion": version,
        "InternalName": "journal-app",
        "LegalCopyright": "MIT licence",
        "OriginalFilename": "journal-app.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo(
      [
        StringTable(
          '040904B0',
          [
{table}
          ]
        )
      ]
    ),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
