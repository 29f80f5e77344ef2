"""The command line: every command runs on real inputs, bad input is reported, the README covers it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

from .conftest import FOUNDING, REPO

runner = CliRunner()


@pytest.fixture(scope="module")
def _warm(pipeline):  # type: ignore[no-untyped-def]
    """Make the CLI reuse the session's pipeline instead of loading the model per command."""
    import claimledger.cli as cli

    original = cli._pipeline
    cli._pipeline = lambda config: pipeline  # type: ignore[assignment]
    yield
    cli._pipeline = original  # type: ignore[assignment]


def test_extract_json_follows_schema(_warm) -> None:  # type: ignore[no-untyped-def]
    from claimledger.serialize import validate_ledger_dict

    res = runner.invoke(app, ["extract", str(FOUNDING), "--published", "2021-09-06", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert validate_ledger_dict(doc) == []
    assert doc["article"]["published"] == "2021-09-06"


def test_extract_jsonl_keeps_record_order_and_failures(_warm, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    recs = tmp_path / "in.jsonl"
    lines = [
        {
            "text": "Rebels attacked an army base near Homs on Sunday, the army said.",
            "url": "u1",
            "published": "2022-03-01",
        },
        {"url": "u2"},
        {"text": "Police arrested ten protesters in Minsk on Saturday.", "url": "u3"},
    ]
    recs.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(recs), "--format", "jsonl"])
    assert res.exit_code == 1  # one record failed
    out = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(out) == 3
    assert out[0]["article"]["url"] == "u1" and out[2]["article"]["url"] == "u3"
    assert out[1]["errors"] and out[1]["errors"][0]["stage"] == "ingest"
    assert out[0]["article"]["text"] == lines[0]["text"]


def test_ingest_is_idempotent_and_queries_work(_warm, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "l.db"
    examples = REPO / "examples"
    res = runner.invoke(app, ["ingest", str(examples), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert re.search(r"ledger: [1-9]\d* event\(s\), \d+ contradiction\(s\) from 3 article\(s\)", res.output)
    first = runner.invoke(app, ["events", "--per-article", "--db", str(db), "--json"]).stdout.splitlines()
    assert first
    ledger = runner.invoke(app, ["events", "--db", str(db), "--json"]).stdout.splitlines()
    assert ledger
    again = runner.invoke(app, ["ingest", str(examples), "--db", str(db)])
    assert again.exit_code == 0 and "already in the ledger" in again.output
    assert "0 new, 0 updated, 0 removed" in again.output  # the ledger's rows are untouched
    second = runner.invoke(app, ["events", "--per-article", "--db", str(db), "--json"]).stdout.splitlines()
    assert first == second
    assert runner.invoke(app, ["events", "--db", str(db), "--json"]).stdout.splitlines() == ledger
    merged = json.loads(ledger[0])
    assert {"reports", "sources", "corroboration", "contested", "claims", "contradictions"} <= set(merged)
    assert runner.invoke(app, ["show", merged["id"], "--db", str(db)]).exit_code == 0
    event_id = json.loads(first[0])["event_id"]
    shown = runner.invoke(app, ["show", event_id, "--db", str(db)])
    assert shown.exit_code == 0 and "evidence" in shown.stdout
    claims = runner.invoke(app, ["claims", "--db", str(db)])
    assert claims.exit_code == 0
    missing = runner.invoke(app, ["show", "nope:e1", "--db", str(db)])
    assert missing.exit_code == 1


@pytest.fixture
def ledger_db(tmp_path: Path) -> str:
    """A store holding one article (tests/store's hand-built ledger) and a hand-built ledger."""
    from claimledger.store import open_store
    from tests.store.conftest import build_ledger
    from tests.store.test_ledger_store import LEDGER

    db = str(tmp_path / "l.db")
    with open_store(db) as store:
        store.add_ledger(build_ledger())
        store.replace_ledger(LEDGER)
    return db


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ([], ["Laaa", "Lbbb", "Lccc", "L000"]),
        (["--contested"], ["Laaa"]),
        (["--actor", "state:SY"], ["Laaa", "Lbbb"]),
        (["--actor", "NF"], ["Laaa"]),
        (["--place", "basra"], ["Lccc"]),
        (["--since", "2021-09-09", "--until", "2021-09-30"], ["Lbbb", "Lccc"]),
        (["--type", "coerce"], ["Lbbb"]),
        (["--min-corroboration", "2"], ["Laaa"]),
        (["--limit", "1"], ["Laaa"]),
    ],
)
def test_events_lists_the_ledger(ledger_db: str, args: list[str], ids: list[str]) -> None:
    res = runner.invoke(app, ["events", "--db", ledger_db, "--json", *args])
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ids


def test_events_json_and_table_show_corroboration_and_reports(ledger_db: str) -> None:
    line = runner.invoke(app, ["events", "--db", ledger_db, "--json", "--contested"]).stdout
    event = json.loads(line)
    assert [r["article_id"] for r in event["reports"]] == ["art-1", "art-2"]
    assert (event["sources"], event["corroboration"], event["contested"]) == (
        ["group:front", "outlet:wire"],
        2,
        True,
    )
    assert [k["field"] for k in event["contradictions"]] == ["occurrence"]
    table = runner.invoke(app, ["events", "--db", ledger_db]).stdout
    assert "ledger events (4)" in table and "2 contested" in table
    per_article = runner.invoke(app, ["events", "--per-article", "--db", ledger_db, "--json"]).stdout
    assert [json.loads(x)["event_id"] for x in per_article.splitlines()] == ["art-1:e1", "art-1:e2"]


def test_show_takes_a_ledger_event_id(ledger_db: str) -> None:
    shown = runner.invoke(app, ["show", "Laaa", "--db", ledger_db])
    assert shown.exit_code == 0, shown.output
    assert "corroboration: 2" in shown.stdout and "CONTESTED" in shown.stdout
    assert "report art-2:e4" in shown.stdout and "contradiction on occurrence: assert vs deny" in shown.stdout
    as_json = json.loads(runner.invoke(app, ["show", "Laaa", "--db", ledger_db, "--json"]).stdout)
    assert as_json["id"] == "Laaa" and len(as_json["claims"]) == 3
    assert runner.invoke(app, ["show", "art-1:e1", "--db", ledger_db]).exit_code == 0
    missing = runner.invoke(app, ["show", "Lzzz", "--db", ledger_db])
    assert missing.exit_code == 1 and "nor a ledger event" in missing.output


def test_actor_summarises_an_actor(ledger_db: str) -> None:
    res = runner.invoke(app, ["actor", "army", "--db", ledger_db, "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["keys"] == ["state:SY"]
    assert (summary["events"], summary["claims"], summary["denies"], summary["contradicted"]) == (2, 1, 1, 1)
    table = runner.invoke(app, ["actor", "army", "--db", ledger_db]).stdout
    assert "state:SY" in table and re.search(r"events it took part in\s*│\s*2", table)


@pytest.mark.parametrize(
    ("args", "rows"),
    [
        ([], [("2021-09-06", 1), ("2021-09-08", 1), ("2021-09-14", 1)]),
        (["--by", "week"], [("2021-09-06", 2), ("2021-09-13", 1)]),
        (["--by", "week", "--place", "dara"], [("2021-09-06", 2)]),
    ],
)
def test_timeline_counts_ledger_events(ledger_db: str, args: list[str], rows: list[tuple[str, int]]) -> None:
    res = runner.invoke(app, ["timeline", "--db", ledger_db, "--json", *args])
    assert res.exit_code == 0, res.output
    got = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(b["start"], b["events"]) for b in got] == rows
    assert "ledger events per day" in runner.invoke(app, ["timeline", "--db", ledger_db]).stdout


def test_bad_inputs_are_reported_and_others_stored(_warm, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_empty.txt").write_text("", encoding="utf-8")
    (d / "b_binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (d / "c_bad_utf8.txt").write_bytes(b"Rebels attacked \xff\xfe the town.")
    (d / "d_empty_body.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (d / "e_good.txt").write_text("Gunmen killed three police officers in Kano on Friday, police said.")
    (d / "f_huge.txt").write_text("Rebels attacked the town. " * 800_000)  # about 20 MB
    db = tmp_path / "l.db"
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert res.exit_code == 1
    for name in ("a_empty.txt", "b_binary.txt", "c_bad_utf8.txt", "d_empty_body.html", "f_huge.txt"):
        assert name in res.output
    assert "stored 1 article(s)" in res.output
    # running again stores nothing new and loses nothing
    again = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert "stored 0 article(s), 1 already in the ledger" in again.output


def test_eval_seed_json(_warm) -> None:  # type: ignore[no-untyped-def]
    res = runner.invoke(app, ["eval", "seed", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["dataset"] == "seed" and out["docs"] == 1
    assert set(out["metrics"]) >= {"actors_recall", "events_recall", "claims_recall", "precision"}


def test_eval_unknown_dataset(_warm) -> None:  # type: ignore[no-untyped-def]
    res = runner.invoke(app, ["eval", "nonexistent"])
    assert res.exit_code == 2
    assert "nonexistent" in res.output


def test_readme_documents_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert names >= {"extract", "ingest", "events", "claims", "show", "eval", "actor", "timeline"}
    for name in names:
        assert re.search(rf"claimledger {re.escape(name)}\b", readme), f"README does not document `{name}`"


def test_ingest_summarises_failures_by_reason(_warm, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("", encoding="utf-8")
    (d / "b.txt").write_text("   \n", encoding="utf-8")
    (d / "c.txt").write_bytes(b"Rebels attacked \xff the town.")
    (d / "d.txt").write_text("Gunmen killed three police officers in Kano on Friday, police said.")
    res = runner.invoke(app, ["ingest", str(d), "--db", str(tmp_path / "l.db"), "--batch-size", "2"])
    assert res.exit_code == 1
    assert "stored 1 article(s), 0 already in the ledger, 3 failed" in res.output
    table = res.output[res.output.index("by reason") :]
    assert re.search(r"empty\s*│\s*2", table) and re.search(r"not UTF-8\s*│\s*1", table)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--processes", "0"], "n_process must be at least 1"),
        (["--engine", "dask", "--workers", "0"], "workers must be at least 1"),
        (["--engine", "spark"], "spark"),
    ],
)
def test_ingest_rejects_bad_engine_options(tmp_path: Path, args: list[str], message: str) -> None:
    res = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "l.db"), *args])
    assert res.exit_code == 2
    assert message in res.output
    assert not (tmp_path / "l.db").exists()


def test_ingest_with_the_dask_engine(pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import logging

    from distributed import Client, LocalCluster

    import claimledger.pipeline
    from claimledger.engine.dask_engine import DaskEngine

    def start(config):  # type: ignore[no-untyped-def]
        cluster = LocalCluster(
            n_workers=config.workers,
            threads_per_worker=1,
            processes=False,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        )
        return DaskEngine(Client(cluster), config, cluster)

    monkeypatch.setattr(DaskEngine, "start", staticmethod(start))
    monkeypatch.setattr(claimledger.pipeline, "build_pipeline", lambda config: pipeline)
    db = tmp_path / "l.db"
    args = ["ingest", str(REPO / "examples"), "--db", str(db), "--engine", "dask", "--workers", "1"]
    res = runner.invoke(app, [*args, "--batch-size", "2"])
    assert res.exit_code == 0, res.output
    assert "stored 3 article(s)" in res.output
    again = runner.invoke(app, args)
    assert "stored 0 article(s), 3 already in the ledger" in again.output
