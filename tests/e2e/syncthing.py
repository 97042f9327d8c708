"""Real Syncthing daemons for the sync end-to-end test, on loopback only.

Each daemon has its own --home under the test's tmp_path and a config written before it
starts: no global or local discovery, no relays, no NAT traversal or STUN, no usage
reporting, no upgrades, no crash reports; the GUI/REST API on 127.0.0.1 with an API key
set here; one TCP listen address on 127.0.0.1. Waiting is on the REST API: the events
long poll (`/rest/events?timeout=`) returns as soon as the daemon has news, so no loop
sleeps a fixed time; a deadline only catches hangs.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

HANG_S = 120.0  # only a hang takes this long; nothing asserts speed
FOLDER_ID = "journal"
TOOL_FILES = (".stfolder",)  # Syncthing's own, at the root of every shared folder


def syncthing_binary() -> str | None:
    return shutil.which("syncthing")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Daemon:
    """One Syncthing: generate its key and config, then `start()`; `stop()` always."""

    def __init__(self, home: Path, name: str, folder: Path) -> None:
        self.home, self.name, self.folder = home, name, folder
        self.api_key = secrets.token_hex(16)
        self.gui_port, self.listen_port = free_port(), free_port()
        self.log_path = home.parent / f"{name}-syncthing.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._last_event = 0
        out = subprocess.run(
            [_binary(), "generate", f"--home={home}", "--no-default-folder"],
            capture_output=True,
            text=True,
            env=self._env(),
            timeout=HANG_S,
            check=True,
        )
        self.device_id = _device_id(out.stdout + out.stderr)

    def _env(self) -> dict[str, str]:
        return dict(
            os.environ,
            STNOUPGRADE="1",
            STNORESTART="1",
            STNODEFAULTFOLDER="1",
            HOME=str(self.home),
            all_proxy="",
            http_proxy="",
            https_proxy="",
        )

    # ------------------------------------------------------------------ config

    def configure(self, peer: Daemon) -> None:
        """Loopback only, knows ``peer`` by id and static address, shares one folder."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        options = _one(root, "options")
        for tag, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "stunKeepaliveStartS": "0",  # 0 turns STUN off
            "urAccepted": "-1",  # usage reporting declined
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "startBrowser": "false",
            # Not 1 s: the second daemon dials the first as it starts; two daemons dialing
            # each other at the same moment can each wait out a 20 s Hello timeout.
            "reconnectionIntervalS": "60",
            "announceLANAddresses": "false",
        }.items():
            _one(options, tag).text = value
        _one(options, "minHomeDiskFree").text = "0"  # a full shared disk is not our test
        gui = _one(root, "gui")
        _one(gui, "address").text = f"127.0.0.1:{self.gui_port}"
        _one(gui, "apikey").text = self.api_key
        defaults = _one(root, "defaults")
        device = _copy(_one(defaults, "device"))
        device.set("id", peer.device_id)
        device.set("name", peer.name)
        _one(device, "address").text = f"tcp://127.0.0.1:{peer.listen_port}"
        root.insert(1, device)
        folder = _copy(_one(defaults, "folder"))
        folder.attrib.update(
            id=FOLDER_ID,
            label="Journal",
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="5",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
        )
        _one(folder, "minDiskFree").text = "0"
        _one(folder, "pullerPauseS").text = "1"  # retry a failed pull soon, not in a minute
        for shared in folder.findall("device"):
            folder.remove(shared)
        for member in (self, peer):
            shared = ET.SubElement(folder, "device", id=member.device_id, introducedBy="")
            ET.SubElement(shared, "encryptionPassword").text = ""
        root.insert(0, folder)
        tree.write(path, encoding="utf-8", xml_declaration=False)

    # ------------------------------------------------------------------ process

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    _binary(),
                    "serve",
                    f"--home={self.home}",
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                    "--logflags=3",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self._env(),
            )
        self._wait_for_api()

    def _wait_for_api(self) -> None:
        """Until the REST API answers; waiting on the process, so an exit ends it."""
        deadline = _deadline()
        while True:
            try:
                if self.get("/rest/system/ping").get("ping") == "pong":
                    return
            except (OSError, urllib.error.URLError):
                pass
            assert self.proc is not None
            try:
                self.proc.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                pass
            else:
                raise AssertionError(f"{self.name}: syncthing exited\n{self.log_tail()}")
            if _now() > deadline:
                raise AssertionError(f"{self.name}: no REST API\n{self.log_tail()}")

    def stop(self) -> None:
        """Shut down through the API; killed if that does not end it."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self.post("/rest/system/shutdown")
            self.proc.wait(timeout=HANG_S / 4)
        except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(timeout=HANG_S / 4)

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    # ------------------------------------------------------------------ REST

    def _request(
        self, method: str, path: str, params: dict[str, Any], timeout: float, body: Any = None
    ) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}{query}",
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
            data=None if body is None else json.dumps(body).encode(),
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None

    def get(self, path: str, **params: Any) -> Any:
        return self._request("GET", path, params, HANG_S)

    def post(self, path: str, **params: Any) -> Any:
        return self._request("POST", path, params, HANG_S)

    def wait_for_news(self) -> None:
        """Return when the daemon reports an event, or after a second at most."""
        events = self._request(
            "GET", "/rest/events", {"since": self._last_event, "timeout": 1}, HANG_S
        )
        if events:
            self._last_event = max(event["id"] for event in events)

    def scan(self) -> None:
        """Index the folder now (the watcher would, a moment later); returns when done."""
        self.post("/rest/db/scan", folder=FOLDER_ID)

    def connected(self, peer: Daemon) -> bool:
        connection = self.get("/rest/system/connections")["connections"].get(peer.device_id)
        return bool(connection and connection.get("connected"))

    def pause_folder(self) -> None:
        """Offline, for the shared folder: nothing is sent or taken until `resume_folder`.
        (Pausing the peer device instead would drop the connection, and two daemons that
        then dial each other at the same moment can each wait out a 20 s Hello timeout.)"""
        self._set_folder_paused(True)

    def resume_folder(self) -> None:
        self._set_folder_paused(False)

    def _set_folder_paused(self, paused: bool) -> None:
        self._request("PATCH", f"/rest/config/folders/{FOLDER_ID}", {}, HANG_S, {"paused": paused})

    def folder_paused(self) -> bool:
        """Paused in the config and stopped (1.19 reports a paused folder's state as "")."""
        paused = self.get(f"/rest/config/folders/{FOLDER_ID}").get("paused")
        state = self.get("/rest/db/status", folder=FOLDER_ID).get("state")
        return paused is True and state in ("", "paused")

    def idle_and_complete(self, peer: Daemon) -> bool:
        """This daemon has nothing to pull and, as far as it knows, ``peer`` has
        everything this one has (completion is computed from the peer's index)."""
        status = self.get("/rest/db/status", folder=FOLDER_ID)
        if status.get("state") != "idle" or status.get("needTotalItems", 1) != 0:
            return False
        completion = self.get("/rest/db/completion", folder=FOLDER_ID, device=peer.device_id)
        return (
            completion.get("completion") == 100
            and completion.get("needItems", 1) == 0
            and completion.get("needDeletes", 1) == 0
        )


def wait_until(condition: Callable[[], bool], what: str, daemons: list[Daemon]) -> None:
    """Until ``condition()`` holds, waiting on the daemons' event streams in turn; an
    AssertionError naming ``what`` (with the daemons' logs) if it hangs."""
    deadline = _deadline()
    turn = 0
    while not condition():
        if _now() > deadline:
            logs = "\n".join(f"--- {d.name}\n{d.log_tail()}" for d in daemons)
            raise AssertionError(f"after {HANG_S:.0f} s still not: {what}\n{logs}")
        daemons[turn % len(daemons)].wait_for_news()
        turn += 1


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file of a synced folder by relative path, but Syncthing's own and its
    temporary files (those are per machine)."""
    found: dict[str, bytes] = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if relative.parts[0] in TOOL_FILES or path.name.startswith(".syncthing."):
            continue
        if path.is_file():
            found[relative.as_posix()] = path.read_bytes()
    return found


def in_step(a: Daemon, b: Daemon) -> bool:
    """Both daemons idle, each sure the other has everything, and the two folders hold
    the same files with the same bytes."""
    return (
        a.connected(b)
        and b.connected(a)
        and a.idle_and_complete(b)
        and b.idle_and_complete(a)
        and folder_files(a.folder) == folder_files(b.folder)
    )


def _binary() -> str:
    found = syncthing_binary()
    assert found is not None
    return found


def _device_id(output: str) -> str:
    for line in output.splitlines():
        if "Device ID:" in line:
            return line.split("Device ID:", 1)[1].strip()
    raise AssertionError(f"syncthing generate printed no device id: {output}")


def _one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.find(tag)
    assert found is not None, f"no <{tag}> in Syncthing's generated config"
    return found


def _copy(element: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(element))


def _now() -> float:
    return time.monotonic()


def _deadline() -> float:
    return _now() + HANG_S
