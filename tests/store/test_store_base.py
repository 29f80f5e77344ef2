"""claimledger.store.base: open_store URLs, query validation, store-wide ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.store import ClaimQuery, EventQuery, LedgerStore, global_id, open_store
from claimledger.store.sqlite import SQLiteStore


@pytest.mark.parametrize("form", ["plain", "path", "sqlite_abs"])
def test_open_store_opens_sqlite(tmp_path: Path, form: str) -> None:
    path = tmp_path / "l.sqlite"
    urls: dict[str, str | Path] = {"plain": str(path), "path": path, "sqlite_abs": f"sqlite:///{path}"}
    url = urls[form]
    with open_store(url) as store:
        assert isinstance(store, SQLiteStore)
        assert isinstance(store, LedgerStore)
        assert store.counts()["articles"] == 0
    assert path.exists()


def test_open_store_relative_sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///rel.sqlite").close()
    assert (tmp_path / "rel.sqlite").exists()


def test_open_store_in_memory() -> None:
    with open_store("sqlite:///:memory:") as store:
        assert store.counts()["events"] == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://host/db", "unsupported store scheme 'mysql'"),
        ("postgresql+asyncpg://host/db", "unsupported store scheme 'postgresql\\+asyncpg'"),
        ("sqlite://", "expected sqlite:///PATH"),
        ("sqlite:///", "expected sqlite:///PATH"),
        ("", "no store given"),
    ],
)
def test_open_store_refuses(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_open_store_names_a_path_it_cannot_open(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no-such-dir"):
        open_store(tmp_path / "no-such-dir" / "x.sqlite")


@pytest.mark.parametrize("cls", [EventQuery, ClaimQuery])
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": -1}, "limit must be >= 0"),
        ({"offset": -5}, "offset must be >= 0"),
        ({"since": dt.date(2021, 2, 1), "until": dt.date(2021, 1, 1)}, "since 2021-02-01 is after until"),
    ],
)
def test_queries_refuse_bad_pages_and_ranges(
    cls: type[EventQuery] | type[ClaimQuery], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(StoreError, match=f"{cls.__name__}: {message}"):
        cls(**kwargs)


def test_queries_are_frozen_and_default_to_no_filter() -> None:
    query = EventQuery()
    assert (query.type, query.actor, query.limit, query.offset) == (None, None, None, 0)
    assert query.contested is False
    with pytest.raises(AttributeError):
        query.type = "ASSAULT"


def test_global_id_joins_article_and_local_id() -> None:
    assert global_id("art-1", "e3") == "art-1:e3"


def test_open_store_names_postgresql_in_its_refusal() -> None:
    with pytest.raises(StoreError, match=r"postgresql://\.\.\.") as info:
        open_store("redis://u:pw@host/0")
    assert "pw" not in str(info.value)
