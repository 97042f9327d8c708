"""The Windows version resource of journal-app.exe (Explorer's Properties ▸ Details).

Used by packaging/journal-app.spec on Windows; importable anywhere PyInstaller is.
"""

from __future__ import annotations

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """ "1.2.3" -> (1, 2, 3, 0); a suffix such as "rc1" is ignored."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = "".join(ch for ch in part if ch.isdigit()) or "0"
        numbers.append(int(digits))
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_info(version: str) -> VSVersionInfo:
    numbers = version_tuple(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "040904B0",  # US English, Unicode
                        [
                            StringStruct("CompanyName", "Self-Study Journal developers"),
                            StringStruct("FileDescription", "Self-Study Journal"),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", "journal-app"),
                            StringStruct("LegalCopyright", "MIT licence"),
                            StringStruct("OriginalFilename", "journal-app.exe"),
                            StringStruct("ProductName", "Self-Study Journal"),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
