"""Files that file-sync tools and operating systems keep in a folder they look after.

`sync setup` accepts a folder holding only these as empty: Syncthing makes `.stfolder`
the moment a folder is shared, before the journal is set up in it (the order its GUI
leads to); Dropbox, Nextcloud, macOS, Windows and USB sticks leave their own. Any other
name means the folder holds the user's files, and setup refuses it.
"""

from __future__ import annotations

import re

NAMES = frozenset(
    {
        # Syncthing: folder marker, ignore patterns, versions
        ".stfolder",
        ".stignore",
        ".stversions",
        # Dropbox
        ".dropbox",
        ".dropbox.attr",
        ".dropbox.cache",
        # Nextcloud / ownCloud desktop clients
        ".owncloudsync.log",
        ".nextcloudsync.log",
        # macOS, Windows, KDE, and what they put on a USB stick
        ".DS_Store",
        ".fseventsd",
        ".Spotlight-V100",
        ".TemporaryItems",
        ".Trashes",
        "Icon\r",
        "desktop.ini",
        "Thumbs.db",
        "$RECYCLE.BIN",
        "System Volume Information",
        ".directory",
    }
)
PATTERN = re.compile(
    r"^(?:\.syncthing\..*\.tmp"  # Syncthing, a file being pulled
    r"|~syncthing~.*\.tmp"  # the same on Windows
    r"|\._?sync_[0-9a-f]*\.db(?:-wal|-shm)?"  # Nextcloud / ownCloud client database
    r"|\.Trash-[0-9]+"  # a Linux desktop's trash on a removable disk
    r"|\._.*)$"  # macOS's AppleDouble files on FAT/exFAT sticks
)


def is_tool_file(name: str) -> bool:
    """A name a sync tool or the system keeps in a folder, not the user's own file."""
    return name in NAMES or PATTERN.match(name) is not None
