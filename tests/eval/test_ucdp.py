"""The ``ucdp`` dataset: reading UCDP GED GeoJSON, the sources field, and scoring ledgers against it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import EvalError
from claimledger.eval import DATASETS, get_dataset
from claimledger.eval.ucdp import (
    METRICS,
    UcdpDataset,
    UcdpEvent,
    _Tally,
    district_names,
    event_article,
    geojson_file,
    load_ucdp,
    parse_feature,
    score_event,
)
from claimledger.eval.ucdp_sources import parse_sources
from claimledger.types import Article, ArticleLedger, Event, Place, Span, TimeExpr, Trigger

from .fake_extractor import FakeExtractor

REAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "ucdp_ged_afghanistan_partial"
REAL_FILE = REAL / "clean_conflicts.geojson"


# --------------------------------------------------------------------------- the sources field


@pytest.mark.parametrize(
    ("field", "dates_field", "headlines", "earliest"),
    [
        # quoted source,date,headline triples; the last one cut short, an author line dropped
        (
            '"Xinhua News Agency,2015-05-25,Infighting kills 27 in W. Afghanistan: local media";'
            '"Associated Press Newswires,2015-05-24,Afghan official: 19 police dead\n\n \nAU   Amir Shah";'
            '"Pajhwok Afghan News,2015-05-26,28 kil',
            "2015-05-25;2015-05-24;2015-05-26",
            # "28 kil" is too little of a headline to read
            ("Infighting kills 27 in W. Afghanistan: local media", "Afghan official: 19 police dead"),
            dt.date(2015, 5, 24),
        ),
        # source, date, "headline" with commas; editorial prefixes removed
        (
            'AP, 2007-06-17, "35 killed in bomb attack on police bus in Kabul", '
            'Reuters, 2007-06-20, "UPDATE 2-Airstrikes kill scores of Afghan civilians"',
            None,
            ("35 killed in bomb attack on police bus in Kabul", "Airstrikes kill scores of Afghan civilians"),
            dt.date(2007, 6, 17),
        ),
        # slash-separated items; an outlet's place is no headline; dates read from the text
        (
            'Tolo TV, Kabul, in Dari 1000 gmt 6 Mar 10 /AP 7 March 2010 "Dozens killed in clashes" '
            '/AFP 11 Nov 2001 "Anti-Taliban opposition claim victories [Corrected 11/11/01',
            None,
            ("Dozens killed in clashes", "Anti-Taliban opposition claim victories"),
            dt.date(2001, 11, 11),
        ),
        # Reuters' compact date; a cut triple with no headline; a lost apostrophe restored
        (
            'R 180506 /(2)"Pajhwok News,2016-10-04,After Nawa, Helmand?s Khanshin district falls";'
            '"Agence France Presse,2018-',
            None,
            ("After Nawa, Helmand's Khanshin district falls",),
            dt.date(2006, 5, 18),
        ),
        (
            "Voice of the Islamic Republic of Iran, Mashhad, in Dari 1330 gmt 06 Sep 01.",
            None,
            (),
            dt.date(2001, 9, 6),
        ),
        ('"BBC,2014-01-01,Xy"', None, (), dt.date(2014, 1, 1)),  # too short to be a headline
        ("Reuters 24/10", None, (), None),  # no year: no date
    ],
)
def test_parse_sources(
    field: str, dates_field: str | None, headlines: tuple[str, ...], earliest: dt.date | None
) -> None:
    sources = parse_sources(field, dates_field)
    assert sources.headlines == headlines
    assert sources.earliest == earliest


@pytest.mark.parametrize(
    ("adm_2", "expected"),
    [
        ("Nad Ali district (Marja)", ("Nad Ali", "Marja")),
        ("Khaki Safed district", ("Khaki Safed",)),
        ("Qala-I- Naw district", ("Qala-I- Naw",)),
        (None, ()),
        ("", ()),
    ],
)
def test_district_names(adm_2: str | None, expected: tuple[str, ...]) -> None:
    assert district_names(adm_2) == expected


# --------------------------------------------------------------------------- reading


def _feature(
    eid: str = "1",
    source: str = '"AFP,2018-06-09,19 Afghan police killed in Taliban attack on base"',
    point: tuple[float, float] = (68.24, 36.99),
    adm_2: str | None = "Qalay-I-Zal district",
    start: str = "2018-06-08",
    end: str = "2018-06-09",
    deaths: tuple[Any, Any] = (24, "8"),
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {
            "id": eid,
            "source_art": source,
            "source_dat": None,
            "adm_2": adm_2,
            "date_start": start,
            "date_end": end,
            "deaths_a": deaths[0],
            "deaths_b": deaths[1],
        },
        "geometry": {"type": "Point", "coordinates": list(point)},
    }


def _write_copy(folder: Path, features: list[dict[str, Any]], name: str = "events.geojson") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_parse_feature_reads_point_dates_deaths_and_headlines() -> None:
    event = parse_feature(_feature(), "here")
    assert (event.event_id, event.lat, event.lon) == ("1", 36.99, 68.24)
    assert event.headlines == ("19 Afghan police killed in Taliban attack on base",)
    assert event.published == dt.date(2018, 6, 9)
    assert (event.date_start, event.date_end, event.deaths) == (dt.date(2018, 6, 8), dt.date(2018, 6, 9), 32)
    assert event.districts == ("Qalay-I-Zal",)


@pytest.mark.parametrize(
    "broken",
    [
        {"type": "Feature"},
        {**_feature(), "geometry": {"coordinates": []}},
        {**_feature(), "properties": {**_feature()["properties"], "date_start": "June"}},
    ],
)
def test_parse_feature_names_the_bad_feature(broken: dict[str, Any]) -> None:
    with pytest.raises(EvalError, match="here: not a UCDP event feature"):
        parse_feature(broken, "here")


def test_load_from_folder_or_file(tmp_path: Path) -> None:
    path = _write_copy(tmp_path / "copy", [_feature("1"), _feature("2", adm_2=None)])
    for where in (path.parent, path):
        events = load_ucdp(where)
        assert [e.event_id for e in events] == ["1", "2"]
        assert events[1].districts == ()


@pytest.mark.parametrize("files", [0, 2])
def test_a_copy_needs_exactly_one_geojson(tmp_path: Path, files: int) -> None:
    for n in range(files):
        _write_copy(tmp_path, [_feature()], name=f"f{n}.geojson")
    with pytest.raises(EvalError, match=f"found {files}"):
        geojson_file(tmp_path)


def test_not_a_feature_collection(tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(EvalError, match="not a GeoJSON FeatureCollection"):
        load_ucdp(path)


def test_event_article_is_the_headlines_published_on_the_earliest_source_date() -> None:
    event = parse_feature(
        _feature(source='"AFP,2018-06-10,Taliban attack kills 19";"AP,2018-06-09,Police post overrun!"'),
        "here",
    )
    article = event_article(event)
    assert article.text == "Taliban attack kills 19.\n\nPolice post overrun!"
    assert article.published == dt.date(2018, 6, 9)
    assert article.origin == "ucdp:1"


# --------------------------------------------------------------------------- scoring


GOLD = UcdpEvent(
    event_id="7",
    headlines=("x",),
    published=dt.date(2018, 6, 9),
    lat=36.99,
    lon=68.24,
    districts=("Qalay-I-Zal",),
    date_start=dt.date(2018, 6, 8),
    date_end=dt.date(2018, 6, 9),
    deaths=32,
)


def _ledger(
    place: Place | None, time: TimeExpr | None, fatalities: int | None, event_type: str = "ASSAULT"
) -> ArticleLedger:
    article = Article(id="a", text="Taliban attack kills 32.", content_hash="h")
    event = Event(
        id="e1",
        type=event_type,
        trigger=Trigger("attack", Span(8, 14)),
        sentence=Span(0, 24),
        place=place.id if place else None,
        time=time.id if time else None,
        fatalities=fatalities,
    )
    return ArticleLedger(
        article=article,
        places=(place,) if place else (),
        times=(time,) if time else (),
        events=(event,),
    )


def _place(lat: float, lon: float, kind: str = "admin2", name: str = "Qal'ah-ye Zal") -> Place:
    return Place(id="p1", name=name, kind=kind, mentions=(Span(0, 3),), country="AF", lat=lat, lon=lon)


def _time(start: dt.date, end: dt.date) -> TimeExpr:
    return TimeExpr(id="t1", text="Saturday", span=Span(0, 3), start=start, end=end, granularity="day")


def _score(ledger: ArticleLedger | None) -> dict[str, tuple[int, int]]:
    tally = _Tally()
    score_event(GOLD, ledger, tally)
    return {m: (tally.hits[m], tally.totals[m]) for m in METRICS}


def test_all_agree() -> None:
    ledger = _ledger(_place(36.95, 68.20), _time(dt.date(2018, 6, 9), dt.date(2018, 6, 9)), 32)
    assert _score(ledger) == {m: (1, 1) for m in METRICS}


@pytest.mark.parametrize(
    ("place", "time", "fatalities", "expected"),
    [
        # 50 km off: within 100, not 25; a city in the district by its admin2
        (
            Place(
                id="p1",
                name="Town",
                kind="city",
                mentions=(),
                country="AF",
                admin2="Qala-i-Zal",
                lat=36.6,
                lon=68.0,
            ),
            _time(dt.date(2018, 6, 2), dt.date(2018, 6, 8)),
            24,
            {"geo_within_25km": 0, "geo_within_100km": 1, "admin_match": 1, "date_acc": 1, "deaths_exact": 0},
        ),
        # a province far away; a time over 7 days long; another district
        (
            _place(31.6, 64.4, kind="admin1", name="Helmand"),
            _time(dt.date(2018, 6, 1), dt.date(2018, 6, 30)),
            None,
            {"geo_within_25km": 0, "geo_within_100km": 0, "admin_match": 0, "date_acc": 0, "deaths_exact": 0},
        ),
        # no place, no time
        (
            None,
            None,
            32,
            {"geo_within_25km": 0, "geo_within_100km": 0, "admin_match": 0, "date_acc": 0, "deaths_exact": 1},
        ),
    ],
)
def test_partial_agreement(
    place: Place | None, time: TimeExpr | None, fatalities: int | None, expected: dict[str, int]
) -> None:
    scores = _score(_ledger(place, time, fatalities))
    assert {m: hits for m, (hits, _) in scores.items()} == expected


def test_no_ledger_counts_as_missed_everywhere() -> None:
    assert _score(None) == {m: (0, 1) for m in METRICS}


def test_no_district_in_gold_leaves_admin_match_out() -> None:
    tally = _Tally()
    gold = UcdpEvent("8", ("x",), None, 33.0, 65.0, (), dt.date(2018, 1, 1), dt.date(2018, 1, 1), 0)
    empty = ArticleLedger(article=Article(id="a", text="Nothing happened.", content_hash="h"))
    detail = score_event(gold, empty, tally)
    assert tally.totals["admin_match"] == 0
    assert tally.hits["deaths_exact"] == 1  # no event: no figure, and gold says 0
    assert detail.info.startswith("no event")


def test_dataset_run_on_a_copy(tmp_path: Path) -> None:
    path = _write_copy(
        tmp_path / "copy",
        [_feature("1"), _feature("2", source="Voice of Jihad website, in Pashto 24 Nov 11", adm_2=None)],
    )

    def build(article: Article) -> ArticleLedger:
        return _ledger(_place(36.99, 68.24), _time(dt.date(2018, 6, 9), dt.date(2018, 6, 9)), 32)

    extractor = FakeExtractor(build)
    result = UcdpDataset().run(path.parent, extractor)
    assert result.dataset == "ucdp" and result.docs == 2
    assert len(extractor.seen) == 1  # the event without a headline is not extracted
    assert result.metrics == {
        "geo_within_25km": 0.5,
        "geo_within_100km": 0.5,
        "admin_match": 1.0,
        "date_acc": 0.5,
        "deaths_exact": 0.5,
    }
    assert result.notes[0].startswith("1/2 events have headlines")
    assert [d.matched for d in result.details] == [True, False]


def test_registered() -> None:
    assert "ucdp" in DATASETS
    assert isinstance(get_dataset("ucdp"), UcdpDataset)
    assert UcdpDataset().default_path(Path("/s")) == Path("/s/eval/ucdp_ged_afghanistan_partial")


@pytest.mark.skipif(not REAL_FILE.is_file(), reason="shared UCDP data not present")
def test_real_copy_loads() -> None:
    events = load_ucdp(REAL)
    assert len(events) == 310
    assert sum(bool(e.headlines) for e in events) >= 280
    assert sum(e.published is not None for e in events) >= 300
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 for e in events)
