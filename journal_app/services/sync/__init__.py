"""Sync through a folder that Syncthing, Nextcloud, Dropbox or a USB stick replicates
(issue 15; the design is in docs/SYNC.md). Qt-free."""
