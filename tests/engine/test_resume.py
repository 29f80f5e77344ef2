"""A real ``claimledger ingest`` killed with SIGKILL midway, then run again: every article stored once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.config import Config
from claimledger.ingest.text import read_text_file
from claimledger.store import open_store

ARTICLES = 40
BATCH = 4
PLACES = ("Homs", "Kano", "Mosul", "Aleppo", "Gao", "Kabul", "Sanaa", "Mogadishu")
TEXT = (
    "Rebels attacked an army post near {place} on Sunday, killing {n} soldiers, the army said. "
    "A spokesman for the rebels said the group had captured {m} vehicles and denied killing civilians. "
    "Residents said fighting continued overnight and that {n} families had fled toward the border. "
    "The governor of the province told reporters that reinforcements would arrive on Monday."
)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy migrating
        return 0


@pytest.mark.model
@pytest.mark.slow
def test_killed_run_resumes_and_stores_every_article_once(pipeline, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(ARTICLES):
        text = TEXT.format(place=PLACES[n % len(PLACES)], n=n + 2, m=n + 3)
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "ledger.db"
    cmd = [sys.executable, "-m", "claimledger.cli", "ingest", str(folder), "--db", str(db)]
    proc = subprocess.Popen(
        [*cmd, "--batch-size", str(BATCH), "--published", "2022-03-06"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while _count(db) < BATCH and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    at_kill = _count(db)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert BATCH <= at_kill < ARTICLES, f"{at_kill} stored when killed: not midway"

    import claimledger.cli as cli

    monkeypatch.setattr(cli, "_pipeline", lambda config: pipeline)
    res = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", str(db), "--batch-size", str(BATCH), "--published", "2022-03-06"]
    )
    assert res.exit_code == 0, res.output
    assert f"stored {ARTICLES - at_kill} article(s), {at_kill} already in the ledger, 0 failed" in res.output

    expected = sorted(read_text_file(p, origin=str(p), config=Config()).id for p in sorted(folder.iterdir()))
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, COUNT(*) FROM articles GROUP BY id ORDER BY id").fetchall()
    assert [r[0] for r in rows] == expected
    assert all(r[1] == 1 for r in rows)
    with open_store(db) as store:
        for article_id in expected:  # every article complete: its ledger reads back whole
            assert store.get_ledger(article_id).article.id == article_id
