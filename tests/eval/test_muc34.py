from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import EvalError
from claimledger.eval import DATASETS, get_dataset, run_eval
from claimledger.eval.muc34 import (
    Muc34Dataset,
    choose_splits,
    load_muc34,
    publication_dates,
    read_jsonl,
    resolve_files,
    score_corpus,
)
from claimledger.eval.muc34_gold import DateRange, GoldIncident, GoldLocation
from claimledger.eval.muc34_score import (
    PredictedIncident,
    muc_type,
    names_overlap,
    place_key,
    predictions_from_ledger,
    score_document,
)
from claimledger.types import (
    AcledCode,
    Actor,
    Article,
    ArticleLedger,
    Event,
    Place,
    Span,
    TimeExpr,
    Trigger,
)

from .fake_extractor import FakeExtractor

D = dt.date
COUNTRIES = {"EL SALVADOR": "SV", "COLOMBIA": "CO", "GUATEMALA": "GT"}

# Made-up wire reports in the MUC layout (no MUC text).
TEXT_A = (
    "SAN SALVADOR, 3 JAN 90 -- [TEXT] REBELS OF THE NORTH FRONT [NF] KIDNAPPED 12 FARMERS IN LOS ROBLES ON\n"
    "30 DECEMBER. A BOMB EXPLODED TODAY IN VILLA NUEVA. TWO SOLDIERS WERE KILLED IN A CLASH. POLICE DID NOT\n"
    "ATTACK. THE REBELS SEIZED A TRUCK.\n"
)
TEXT_B = "GUATEMALA CITY, 7 FEB -- [TEXT] A POLICEMAN WAS SHOT DEAD IN ZONA UNO, OFFICIALS SAID.\n"
TEXT_DEV = "BOGOTA, 2 MAR 90 -- [TEXT] GUNMEN ATTACKED A BUS NEAR CALI.\n"

DOCS = [
    {"doc_id": "DEV-0001", "split": "dev", "text": TEXT_DEV, "dateline_date": "2 MAR 90"},
    {"doc_id": "TST1-0001", "split": "tst1", "text": TEXT_A, "dateline_date": "3 JAN 90"},
    {
        "doc_id": "TST1-0002",
        "split": "tst1",
        "text": TEXT_B,
        "text_mixed_case": "Guatemala City, 7 Feb -- A policeman was shot dead in Zona Uno, police said.\n",
        "dateline_date": "7 FEB",
    },
]


def template(doc_id: str, number: str, kind: str, **slots: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc_id": doc_id,
        "MESSAGE: TEMPLATE": number,
        "INCIDENT: TYPE": kind,
        "INCIDENT: DATE": "-",
        "INCIDENT: LOCATION": "-",
        "PERP: INDIVIDUAL ID": "-",
        "PERP: ORGANIZATION ID": "-",
        "HUM TGT: NAME": "-",
        "HUM TGT: DESCRIPTION": "-",
    }
    return base | {k.replace("_", " ").replace("  ", ": "): v for k, v in slots.items()}


TEMPLATES = [
    {
        **template("TST1-0001", "1", "KIDNAPPING"),
        "INCIDENT: DATE": "30 DEC 89",
        "INCIDENT: LOCATION": "EL SALVADOR: SAN MIGUEL (DEPARTMENT): LOS ROBLES (TOWN)",
        "PERP: INDIVIDUAL ID": '"REBELS"',
        "PERP: ORGANIZATION ID": '"NORTH FRONT" / "NF"',
        "HUM TGT: DESCRIPTION": '"FARMERS"',
    },
    {
        **template("TST1-0001", "2 (OPTIONAL)", "BOMBING"),
        "INCIDENT: DATE": "- 3 JAN 90",
        "INCIDENT: LOCATION": "EL SALVADOR: VILLA NUEVA (CITY)",
    },
    template("TST1-0001", "3", "ROBBERY"),
    template("TST1-0002", "*", "*"),
    {**template("DEV-0001", "1", "ATTACK"), "INCIDENT: LOCATION": "COLOMBIA: CALI (CITY)"},
]


def write_copy(
    folder: Path, docs: list[dict[str, Any]] = DOCS, templates: list[dict[str, Any]] = TEMPLATES
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "muc34_docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (folder / "muc34_templates.jsonl").write_text(
        "".join(json.dumps(t) + "\n" for t in templates), encoding="utf-8"
    )
    return folder


def at(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def event(
    eid: str,
    trigger: str,
    plover: str = "ASSAULT",
    mode: str | None = None,
    acled: tuple[str, str] | None = None,
    text: str = TEXT_A,
    **fields: Any,
) -> Event:
    span = at(text, trigger)
    return Event(
        id=eid,
        type=plover,
        trigger=Trigger(trigger, span),
        sentence=span,
        mode=mode,
        acled=AcledCode(*acled) if acled else None,
        **fields,
    )


def ledger_a(article: Article) -> ArticleLedger:
    """Kidnapping (all slots right), bombing (optional template; wrong country), a clash, a negated attack,
    a seizure."""
    text = article.text
    actors = (
        Actor("a1", "rebels", "armed_group", (at(text, "REBELS"),), affiliation="a2"),
        Actor("a2", "North Front", "armed_group", (at(text, "NORTH FRONT"),), aliases=("NF",)),
        Actor("a3", "farmers", "civilians", (at(text, "FARMERS"),)),
        Actor("a4", "soldiers", "state_agency", (at(text, "SOLDIERS"),)),
    )
    places = (
        Place("p1", "Los Robles", "village", (at(text, "LOS ROBLES"),), country="SV", admin1="San Miguel"),
        Place("p2", "Villa Nueva", "city", (at(text, "VILLA NUEVA"),), country="GT"),
    )
    times = (
        TimeExpr("t1", "30 DECEMBER", at(text, "30 DECEMBER"), D(1989, 12, 30), D(1989, 12, 30), "day"),
        TimeExpr("t2", "TODAY", at(text, "TODAY"), D(1990, 1, 3), D(1990, 1, 3), "day"),
        TimeExpr("t3", "DECEMBER", at(text, "30 DECEMBER"), D(1989, 12, 1), D(1989, 12, 31), "month"),
    )
    events = (
        event("e1", "KIDNAPPED", mode="abduct", actor1="a1", victims=("a3",), place="p1", time="t1"),
        event("e2", "BOMB", mode="explosives", place="p2", time="t2"),
        event("e3", "KILLED", actor2="a4", place="p2", time="t3"),
        event("e4", "ATTACK", negated=True, place="p1", time="t1"),
        event("e5", "SEIZED", plover="COERCE", mode="seize", actor1="a1", place="p1", time="t1"),
    )
    return ArticleLedger(article, actors=actors, places=places, times=times, events=events)


def ledger_b(article: Article) -> ArticleLedger:
    text = article.text
    return ArticleLedger(article, events=(event("b1", "shot", mode="firearms", text=text),))


def build(article: Article) -> ArticleLedger:
    if article.origin == "TST1-0001":
        return ledger_a(article)
    if article.origin == "TST1-0002":
        return ledger_b(article)
    return ArticleLedger(article)


# --------------------------------------------------------------------------- type map and names


@pytest.mark.parametrize(
    ("plover", "mode", "acled", "trigger", "negated", "expected"),
    [
        ("ASSAULT", "abduct", None, "KIDNAPPED", False, "KIDNAPPING"),
        (
            "ASSAULT",
            None,
            ("Violence against civilians", "Abduction/forced disappearance"),
            "SEIZED",
            False,
            "KIDNAPPING",
        ),
        ("ASSAULT", "explosives", None, "BOMB", False, "BOMBING"),
        ("ASSAULT", "firearms", ("Explosions/Remote violence", "Grenade"), "ATTACK", False, "BOMBING"),
        ("ASSAULT", "destruction", None, "DESTROYED", False, "ATTACK"),
        ("ASSAULT", None, ("Battles", "Armed clash"), "BOMB", False, "BOMBING"),
        ("ASSAULT", None, ("Battles", "Armed clash"), "KIDNAPPED", False, "KIDNAPPING"),
        (
            "ASSAULT",
            "destruction",
            ("Strategic developments", "Looting/property destruction"),
            "BURNED",
            False,
            "ARSON",
        ),
        ("ASSAULT", None, ("Battles", "Armed clash"), "KILLED", False, "ATTACK"),
        ("ASSAULT", None, ("Strategic developments", "Disrupted weapons use"), "ATTACK", False, None),
        ("ASSAULT", "abduct", None, "KIDNAPPED", True, None),
        ("COERCE", "seize", None, "SEIZED", False, None),
        ("COERCE", "arrest", None, "SEIZED", False, None),
        ("ACCUSE", None, None, "ATTACK", False, None),
    ],
)
def test_muc_type(
    plover: str,
    mode: str | None,
    acled: tuple[str, str] | None,
    trigger: str,
    negated: bool,
    expected: str | None,
) -> None:
    text = TEXT_A + " THEY BURNED A HOUSE AND DESTROYED A CAR."
    assert muc_type(event("x", trigger, plover, mode, acled, text=text, negated=negated)) == expected


@pytest.mark.parametrize(
    ("gold", "ours", "expected"),
    [
        (["FMLN"], ["FMLN"], True),
        (
            ["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"],
            ["Farabundo Martí National Liberation Front"],
            True,
        ),
        (["URBAN COMMANDOS OF THE FMLN"], ["FMLN"], True),  # ours inside gold, whole words
        (["TERRORISTS"], ["the terrorists"], True),
        (["GUERRILLAS"], ["guerrilla column"], False),  # no shared word (plural differs)
        (["GROUP OF ARMED MEN"], ["group of students"], False),  # only generic words shared
        (["ARMY"], ["armed forces"], False),
        (["NATIONAL POLICE"], ["police"], True),
        (["-"], ["police"], False),
        ([], ["police"], False),
    ],
)
def test_names_overlap(gold: list[str], ours: list[str], expected: bool) -> None:
    assert names_overlap(gold, ours) is expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("San Miguel Department", "san miguel"),
        ("Departamento de Cabañas", "cabanas"),
        ("SAN SALVADOR", "san salvador"),
        ("Bogotá", "bogota"),
        ("Municipio de La Paz", "la paz"),
    ],
)
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


# --------------------------------------------------------------------------- matching


def gold(
    kind: str = "ATTACK",
    town: str = "LOS ROBLES",
    dates: tuple[DateRange, ...] = (),
    perps: tuple[str, ...] = (),
    optional: bool = False,
    template: str = "1",
) -> GoldIncident:
    return GoldIncident(
        doc_id="D",
        template=template,
        types=frozenset({kind}),
        optional=optional,
        dates=dates,
        locations=(GoldLocation("EL SALVADOR", (town,)),),
        perps=perps,
        targets=(),
    )


def pred(
    eid: str,
    kind: str = "ATTACK",
    place: str = "Los Robles",
    days: tuple[dt.date, dt.date] | None = None,
    perps: tuple[str, ...] = (),
    country: str = "SV",
) -> PredictedIncident:
    return PredictedIncident(eid, kind, eid, days, (place,), country, perps, ())


def test_one_to_one_matching_pairs_each_gold_with_its_agreeing_prediction() -> None:
    golds = [gold(town="LOS ROBLES", template="1"), gold(town="EL ALTO", template="2")]
    preds = [pred("p1", place="El Alto"), pred("p2", place="Los Robles"), pred("p3", place="Los Robles")]
    counts, details = score_document(golds, preds, COUNTRIES.get)
    assert (counts.true_positives, counts.predicted, counts.gold) == (2, 3, 2)
    matched = {d.item.split()[0]: d.info for d in details if d.section == "incident"}
    assert matched["D#1"].startswith("by p2")
    assert matched["D#2"].startswith("by p1")
    assert [d.item for d in details if d.section == "prediction"] == ["p3"]  # the second event is an FP


@pytest.mark.parametrize(
    ("prediction", "matches"),
    [
        (pred("p", place="Los Robles"), True),  # place
        (pred("p", place="Elsewhere", days=(D(1990, 1, 2), D(1990, 1, 2))), True),  # date in range
        (pred("p", place="Elsewhere", perps=("FMLN",)), True),  # perpetrator
        (pred("p", place="Elsewhere", days=(D(1990, 1, 1), D(1990, 1, 31))), False),  # a month is no date
        (pred("p", place="Elsewhere", days=(D(1990, 2, 1), D(1990, 2, 1))), False),
        (pred("p", kind="BOMBING", place="Los Robles"), False),  # type must map to the gold type
        (pred("p", place="El Salvador", country="SV"), False),  # gold names a town: the country is not enough
    ],
)
def test_a_pair_needs_the_type_and_one_agreeing_field(prediction: PredictedIncident, matches: bool) -> None:
    golds = [gold(dates=(DateRange(D(1990, 1, 1), D(1990, 1, 5)),), perps=("FMLN",))]
    counts, _ = score_document(golds, [prediction], COUNTRIES.get)
    assert counts.true_positives == int(matches)


def test_country_only_gold_location_agrees_on_the_country() -> None:
    country_only = GoldIncident(
        "D", "1", frozenset({"ATTACK"}), False, (), (GoldLocation("EL SALVADOR", ()),), (), ()
    )
    counts, _ = score_document([country_only], [pred("p", place="Somewhere", country="SV")], COUNTRIES.get)
    assert counts.true_positives == 1
    assert counts.slots["location_acc"] == [1, 1]
    assert counts.slots["location_country_acc"] == [1, 1]
    assert counts.slots["date_acc"] == [0, 0]  # gold has no date: not scored


def test_missed_optional_template_costs_nothing() -> None:
    golds = [gold(optional=True)]
    counts, details = score_document(golds, [], COUNTRIES.get)
    assert (counts.true_positives, counts.gold, counts.optional_missed) == (0, 0, 1)
    assert details == []


def test_predictions_from_ledger_reads_places_times_and_actors() -> None:
    article = Article("a", TEXT_A, "h", origin="TST1-0001")
    preds = {p.event_id: p for p in predictions_from_ledger(ledger_a(article))}
    assert set(preds) == {"e1", "e2", "e3"}  # negated e4 and COERCE e5 left out
    assert preds["e1"].type == "KIDNAPPING"
    assert preds["e1"].perp_names == ("rebels", "North Front", "NF")
    assert preds["e1"].target_names == ("farmers",)
    assert preds["e1"].place_names == ("Los Robles", "San Miguel")
    assert preds["e1"].days == (D(1989, 12, 30), D(1989, 12, 30))
    assert preds["e3"].days is None  # a month-long time is no date
    assert preds["e3"].target_names == ("soldiers",)


# --------------------------------------------------------------------------- reading and the whole run


def test_load_scores_every_split_but_dev(tmp_path: Path) -> None:
    corpus = load_muc34(write_copy(tmp_path / "copy"))
    assert corpus.splits == ("tst1",)
    assert [d.doc_id for d in corpus.documents] == ["TST1-0001", "TST1-0002"]
    first, second = corpus.documents
    assert [i.template for i in first.incidents] == ["1", "2 (OPTIONAL)"]  # ROBBERY is no incident
    assert second.incidents == ()  # a '*' template
    assert first.published == D(1990, 1, 3)
    assert second.published == D(1990, 2, 7)  # "7 FEB": the year of the earlier dated document
    assert second.mixed_case and second.text.startswith("Guatemala City")


@pytest.mark.parametrize(
    ("present", "wanted", "expected"),
    [
        (["dev", "tst1", "tst2"], None, ("tst1", "tst2")),
        (["dev"], None, ("dev",)),
        (["dev", "tst1"], ("dev",), ("dev",)),
        (["tst3", "tst4", "tst3"], None, ("tst3", "tst4")),
    ],
)
def test_choose_splits(present: list[str], wanted: tuple[str, ...] | None, expected: tuple[str, ...]) -> None:
    assert choose_splits(present, wanted) == expected


def test_choose_a_split_the_copy_lacks() -> None:
    with pytest.raises(EvalError, match=r"split\(s\) tst9 not in the copy \(it holds dev, tst1\)"):
        choose_splits(["dev", "tst1"], ("tst9",))


def test_publication_dates_borrow_the_year_of_the_previous_dated_document() -> None:
    records = [
        {"dateline_date": "30 DEC 89"},
        {"dateline_date": "2 JAN"},
        {"dateline_date": "NO DATE"},
        {"dateline_date": "JUNE 11 89"},
    ]
    days, borrowed = publication_dates(records)
    assert days == [D(1989, 12, 30), D(1990, 1, 2), None, D(1989, 6, 11)]
    assert borrowed == 1


def test_resolve_files_accepts_the_folder_or_the_docs_file(tmp_path: Path) -> None:
    folder = write_copy(tmp_path / "copy")
    expected = (folder / "muc34_docs.jsonl", folder / "muc34_templates.jsonl")
    assert resolve_files(folder) == expected
    assert resolve_files(folder / "muc34_docs.jsonl") == expected
    (folder / "muc34_templates.jsonl").unlink()
    with pytest.raises(EvalError, match=r"muc34_templates\.jsonl does not exist"):
        resolve_files(folder)


def test_malformed_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"doc_id": "A"}\n{oops\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"x\.jsonl:2: not JSON"):
        read_jsonl(path)


def test_score_corpus_end_to_end(tmp_path: Path) -> None:
    corpus = load_muc34(write_copy(tmp_path / "copy"))
    extractor = FakeExtractor(build)
    result = score_corpus(corpus, extractor, COUNTRIES.get)
    assert [a.origin for a in extractor.seen] == ["TST1-0001", "TST1-0002"]
    assert extractor.seen[0].published == D(1990, 1, 3)
    assert result.docs == 2
    # tp 2 (kidnapping; bombing on the optional template), predicted 4 (+ the clash, + the shooting in the
    # irrelevant document), gold 2 (1 required + 1 optional matched)
    assert result.metrics["incident_f1"] == pytest.approx(2 / 3)
    assert result.metrics["date_acc"] == 1.0
    assert result.metrics["location_acc"] == 1.0
    assert result.metrics["location_country_acc"] == 0.5  # Villa Nueva placed in GT
    assert result.metrics["perp_acc"] == 1.0  # only the kidnapping names a perpetrator
    assert result.metrics["target_acc"] == 1.0
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    missed = [d for d in result.details if not d.matched]
    assert sorted(d.item.split()[0] for d in missed) == ["TST1-0001", "TST1-0002"]


def test_registry_lists_muc34(tmp_path: Path) -> None:
    assert "muc34" in DATASETS
    dataset = get_dataset("muc34")
    assert isinstance(dataset, Muc34Dataset)
    assert dataset.default_path(Path("/x/shared")) == Path("/x/shared/eval/muc34")
    dev = get_dataset("muc34-dev")
    assert isinstance(dev, Muc34Dataset) and dev.splits == ("dev",)


@pytest.mark.parametrize(("name", "docs"), [("muc34", 2), ("muc34-dev", 1)])
def test_run_eval_on_a_copy(tmp_path: Path, name: str, docs: int) -> None:
    result = run_eval(name, FakeExtractor(build), path=write_copy(tmp_path / "copy"))
    assert result.dataset == name
    assert result.docs == docs
    assert set(result.metrics) == {
        "incident_f1",
        "date_acc",
        "location_acc",
        "location_country_acc",
        "perp_acc",
        "target_acc",
    }
