"""A throwaway PostgreSQL server for the store tests: initdb into a temporary folder, start, stop.

Finds ``initdb``/``pg_ctl`` on PATH or in ``/usr/lib/postgresql/*/bin`` (Debian's postgresql package).
initdb refuses to run as root: as root, the server's folder belongs to, and every server command runs
as, the ``postgres`` user (``nobody`` where there is none) through ``runuser``. The server listens on
a free port of 127.0.0.1 and a unix socket in its folder, trusts local connections, and skips fsync.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
_START_TRIES = 5


class PgServerError(Exception):
    pass


def find_bin_dir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: PATH first, else the newest Debian version."""
    on_path = shutil.which("initdb")
    if on_path:
        folder = Path(on_path).resolve().parent
        if (folder / "pg_ctl").exists():
            return folder

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.parent.name))

    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=version, reverse=True)
    for initdb in found:
        if (initdb.parent / "pg_ctl").exists():
            return initdb.parent
    raise PgServerError(
        "initdb/pg_ctl not found on PATH nor in /usr/lib/postgresql/*/bin "
        "(install Debian's postgresql: apt-get install -y postgresql)"
    )


def _run_as() -> str | None:
    """The user that runs the server when we are root, else None (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise PgServerError("running as root and neither a 'postgres' nor a 'nobody' user exists for initdb")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class PgServer:
    bin_dir: Path
    root: Path  # data folder, socket and log live here
    user: str | None  # the OS user the server runs as (None: ourselves)
    port: int = 0

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self._cmd(*args), cwd=self.root, capture_output=True, text=True, timeout=timeout, check=False
        )

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def url(self, dbname: str, schema: str | None = None) -> str:
        options = f"?options=-csearch_path%3D{schema}" if schema else ""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}{options}"

    def start(self) -> None:
        initdb = self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        if initdb.returncode != 0:
            raise PgServerError(f"initdb failed ({initdb.returncode}): {initdb.stderr.strip()[-2000:]}")
        for _ in range(_START_TRIES):
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root}"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
            )
            started = self._run(
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            )
            if started.returncode == 0:
                return
            if "already in use" not in self.log_tail(40):
                break
        raise PgServerError(
            f"pg_ctl start failed: {started.stderr.strip()[-1000:]}\nserver log:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "-w",
                "stop",
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PgServer:
    """initdb and start a server in a new temporary folder; PgServerError (with the log) on failure."""
    bin_dir = find_bin_dir()
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server = PgServer(bin_dir, root, user)
    try:
        server.start()
    except (PgServerError, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        raise PgServerError(str(exc)) from exc
    return server
