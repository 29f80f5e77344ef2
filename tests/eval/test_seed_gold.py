from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimledger.errors import EvalError
from claimledger.eval.seed_gold import GoldClaim, load_seed_gold, parse_seed_gold

from .seed_helpers import SEED_YAML, write_seed_layout

SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "spec" / "seed-ledger.yaml"


def test_tiny_yaml_is_read(tmp_path: Path) -> None:
    gold = load_seed_gold(write_seed_layout(tmp_path))
    assert gold.article_file == "corpus/tiny.txt"
    assert gold.published == dt.date(2024, 5, 6)
    assert [a.names for a in gold.actors] == [("Alpha Front", "AF fighters"), ("Beta Army", "BA")]
    assert gold.places[0].near == (34.5, 69.2)
    assert gold.places[0].within_km == 25.0
    attack, shelling = gold.events
    assert attack.types == frozenset({"ASSAULT", "COERCE"})
    assert attack.dates == (dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert attack.claimed_by[1] == GoldClaim(source="Beta Army", stance="deny", cue="denied")
    assert shelling.actor1 == ("Beta Army", "Gamma Group")
    assert shelling.actor2 == ()
    assert shelling.dates == (dt.date(2024, 5, 1), dt.date(2024, 5, 3))
    assert gold.contradictions[0].between == ("Alpha Front", "Beta Army")
    # The quoted text of a not_events entry, though the YAML entry spans two lines.
    assert gold.not_events == ("*Alpha Front is banned in several countries.",)


def test_unknown_gold_names_stand_for_themselves(tmp_path: Path) -> None:
    gold = load_seed_gold(write_seed_layout(tmp_path))
    assert gold.actor("Gamma Group").names == ("Gamma Group",)
    assert gold.place("Nowhere").near is None


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="shared/spec/seed-ledger.yaml not present")
def test_shared_seed_ledger_is_valid() -> None:
    gold = load_seed_gold(SHARED_SEED)
    assert gold.published == dt.date(2021, 9, 6)
    assert len(gold.events) == len({e.id for e in gold.events}) > 0
    assert all(e.types for e in gold.events)
    assert gold.not_events and all(n.startswith("*") for n in gold.not_events)


def _tiny() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SEED_YAML)
    return data


def _set(path: str, value: Any) -> dict[str, Any]:
    data = _tiny()
    node: Any = data
    *parents, last = path.split(".")
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["not", "a", "mapping"], "the document must be a mapping"),
        (_set("article", None), "article must be a mapping"),
        (_set("article.file", ""), "article.file must name"),
        (_set("article.published", "6 May"), "article.published must be an ISO date"),
        (_set("actors", {"name": "x"}), "actors must be a list"),
        (_set("actors.0.name", ["A", "B"]), "actors[0].name must be one name"),
        (_set("places.0.near", [1.0]), "places[0].near must be [lat, lon]"),
        (_set("places.0.within_km", -1), "within_km must be a non-negative number"),
        (_set("events.0.type", ["ASSAULT", "FIGHT"]), "unknown PLOVER types ['FIGHT']"),
        (_set("events.0.type", []), "needs a type"),
        (_set("events.0.date", ["2024-05-03", "2024-05-01"]), "ends before it starts"),
        (_set("events.0.date", ["2024-05-01"]), "must be a date or a [first, last] range"),
        (_set("events.0.actor1", 3), "actor1 must be a name or a list of names"),
        (_set("events.0.claimed_by.0.stance", "maybe"), "stance must be 'assert' or 'deny'"),
        (_set("events.1.id", "attack"), "event ids are not unique: ['attack']"),
        (_set("contradictions.0.event", "nothing"), "names no gold event"),
        (_set("contradictions.0.between", ["Alpha Front"]), "at least two sources"),
        (_set("not_events.0", ""), "not_events[0] must be a text"),
    ],
)
def test_malformed_gold_is_refused(data: Any, message: str) -> None:
    with pytest.raises(EvalError, match="E040") as info:
        parse_seed_gold(data, origin="gold.yaml")
    assert info.value.message.startswith("gold.yaml: ")
    assert message in info.value.message


@pytest.mark.parametrize(
    ("content", "message"),
    [("article: [unclosed", "not valid YAML"), (None, "cannot read the seed ledger")],
)
def test_unreadable_gold_file(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "seed-ledger.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        load_seed_gold(path)
