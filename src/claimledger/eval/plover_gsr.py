"""The ``plover_gsr`` dataset: PLOVER event type and actor roles on single sentences (PLOVER gold standard).

Layout (``--path`` may name any copy in it): ``DIR/gold_standard_records/*.txt`` (or ``*.json``), each a
JSON array of records; ``DIR`` may also be the ``gold_standard_records`` folder or one file. A record has
``id``, ``event``, ``text``, ``source`` and ``target`` (lists of ``{actorText, code, sector}``); records
without a text (the ``DOCUMENT`` header) are skipped. A record whose ``target`` is no actor list (absent,
``""`` or a stray string) but whose ``textInfo.markup`` marks ``SRC/TAR`` is reciprocal: its targets are
its sources; otherwise it names no target.

Each record's text is an ``Article`` (no date, no language check); its event is ``sentence_event``: the
first rule-coded event that occurred, by trigger position, else the main event as for ``case2021``. Metrics:

- ``type_acc``: the main event's PLOVER type equals the record's class through ``GSR_TO_PLOVER`` (the GSR
  uses the 2016 class names; the table follows OEDA's CAMEO2PLOVER-2021 conversion: DEMAND → REQUEST,
  DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT); a record with no event counts wrong;
- ``source_acc`` over the records that name a source, ``target_acc`` over those that name a target: one
  of our role's actors (source: actor1; target: actor2 or a victim) agrees with one gold actor of the
  role. An actor agrees when its country (or, lacking one, its affiliation's) is the gold code's country
  (ISO 3166 alpha-3 → alpha-2 through ``iso2_of``), or, for any code, when one of its mentions overlaps
  the gold ``actorText`` in the sentence or the ``actorText`` contains one of its names. Codes that name
  no country (IGO, NGO, IMG, ...) can only agree by text. No predicted event: both roles count wrong.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from claimledger.coding.refine import MODEL_COMPONENT
from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.case2021 import main_event
from claimledger.eval.ledger_view import LedgerView
from claimledger.eval.matching import contains_name, safe_ratio
from claimledger.eval.polnear import extract_all
from claimledger.ingest.text import article_from_text
from claimledger.types import PLOVER_TYPES, Article, ArticleLedger, Event, Span

log = logging.getLogger(__name__)

RECORDS_DIR = "gold_standard_records"
SKIPPED_EVENTS = frozenset({"DOCUMENT"})
RECIPROCAL_MARK = "SRC/TAR"

# The GSR's (2016) class names → our (2021) PLOVER types; the 2021 names map to themselves.
GSR_TO_PLOVER: dict[str, str] = {
    **{t: t for t in PLOVER_TYPES},
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# ISO 3166-1 alpha-3 + alpha-2, from the iso-codes tables (249 entries).
_ISO3_ISO2 = (
    "ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT "
    "AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO "
    "BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG "
    "COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO "
    "DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA GBRGB "
    "GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU GUYGY "
    "HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ITAIT "
    "JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR LBYLY "
    "LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX MHLMH "
    "MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT NAMNA "
    "NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN PERPE "
    "PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW SAUSA "
    "SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS STPST SURSR "
    "SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM TLSTL TONTO "
    "TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC VENVE VGBVG "
    "VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE ZAFZA ZMBZM ZWEZW"
)
# Country codes outside ISO 3166 that event data uses: Kosovo, and CAMEO-era spellings found in the GSR.
EXTRA_COUNTRY_CODES: dict[str, str] = {"XKX": "XK", "JAP": "JP", "ITL": "IT", "VTN": "VN"}


@cache
def _iso_table() -> dict[str, str]:
    table = {pair[:3]: pair[3:] for pair in _ISO3_ISO2.split()}
    table.update(EXTRA_COUNTRY_CODES)
    return table


def iso2_of(code: str) -> str | None:
    """The ISO alpha-2 code of an alpha-3 country code (``"HUN"`` → ``"HU"``); ``None`` for IGO etc."""
    return _iso_table().get(code.strip().upper())


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str
    sector: str = ""


@dataclass(frozen=True, slots=True)
class GsrRecord:
    id: str
    event: str  # the record's class, as written
    text: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    origin: str


# --------------------------------------------------------------------------- reader


def record_files(path: Path) -> list[Path]:
    """The JSON files to score under ``path`` (see the module docstring)."""
    if path.is_file():
        return [path]
    for folder in (path / RECORDS_DIR, path):
        if folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".json") and p.is_file())
            if files:
                return files
    raise EvalError(
        f"{path}: no PLOVER gold-standard file (expected {RECORDS_DIR}/*.txt holding a JSON array)"
    )


def parse_records(data: Any, origin: str) -> list[GsrRecord]:
    """The scored records of one parsed JSON array; ``EvalError`` naming ``origin`` for a malformed one."""
    if not isinstance(data, list):
        raise EvalError(f"{origin}: expected a JSON array of records, found {type(data).__name__}")
    records: list[GsrRecord] = []
    for k, item in enumerate(data):
        where = f"{origin}[{k}]"
        if not isinstance(item, dict):
            raise EvalError(f"{where}: a record must be a JSON object")
        event = item.get("event")
        if event in SKIPPED_EVENTS or "text" not in item:
            continue
        rid = str(item.get("id", where))
        if not isinstance(event, str) or event.strip().upper() not in GSR_TO_PLOVER:
            raise EvalError(
                f"{where} ({rid}): event class {event!r} is neither a PLOVER type nor a known GSR class"
            )
        text = item["text"]
        if not isinstance(text, str):
            raise EvalError(f"{where} ({rid}): 'text' must be a string")
        sources = _actors(item.get("source"), f"{where} ({rid}) source")
        raw_target = item.get("target")
        if isinstance(raw_target, list) and raw_target:
            targets = _actors(raw_target, f"{where} ({rid}) target")
        else:  # no target, or a stray string: the sources where the markup says SRC/TAR (reciprocal)
            targets = sources if RECIPROCAL_MARK in _markup(item.get("textInfo")) else ()
        records.append(GsrRecord(rid, event.strip().upper(), text, sources, targets, f"{where} ({rid})"))
    return records


def _markup(text_info: Any) -> str:
    if isinstance(text_info, dict):
        return str(text_info.get("markup") or "")
    return text_info if isinstance(text_info, str) else ""


def _actors(value: Any, where: str) -> tuple[GoldActor, ...]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ()
    if not isinstance(value, list):
        raise EvalError(f"{where}: expected a list of actors, found {type(value).__name__}")
    out: list[GoldActor] = []
    for actor in value:
        if not isinstance(actor, dict) or not isinstance(actor.get("actorText"), str):
            raise EvalError(f"{where}: an actor must be an object with an 'actorText' string")
        code, sector = str(actor.get("code") or ""), str(actor.get("sector") or "")
        out.append(GoldActor(actor["actorText"], code, sector))
    return tuple(out)


def load_plover_gsr(path: Path) -> list[GsrRecord]:
    """Every scored record of every file under ``path``."""
    records: list[GsrRecord] = []
    for file in record_files(path):
        try:
            data = json.loads(file.read_bytes().decode("utf-8-sig"))
        except OSError as exc:
            raise EvalError(f"{file}: cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise EvalError(f"{file}: not UTF-8 text (byte {exc.start})") from exc
        except json.JSONDecodeError as exc:
            raise EvalError(f"{file}:{exc.lineno}: not JSON: {exc.msg}") from exc
        records.extend(parse_records(data, str(file)))
    if not records:
        raise EvalError(f"{path}: the PLOVER gold-standard files hold no record with a text")
    return records


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class RecordScore:
    type_ok: bool
    source_ok: bool | None  # None: the record names no source
    target_ok: bool | None
    predicted: str  # our type, or "none"


def actor_agrees(view: LedgerView, actor_id: str, gold: GoldActor, text: str) -> bool:
    """Whether our actor ``actor_id`` is ``gold``: same country, or overlapping or contained text."""
    actor = view.actor(actor_id)
    if actor is None:
        return False
    country = actor.country
    if country is None:
        boss = view.actor(actor.affiliation)
        country = boss.country if boss is not None else None
    iso2 = iso2_of(gold.code)
    if iso2 is not None and country is not None and country.upper() == iso2:
        return True
    if any(m.overlaps(g) for m in actor.mentions for g in _occurrences(text, gold.text)):
        return True
    return contains_name(gold.text, view.actor_names(actor_id))


def _occurrences(text: str, needle: str) -> list[Span]:
    out: list[Span] = []
    if not needle.strip():
        return out
    start = text.find(needle)
    while start >= 0:
        out.append(Span(start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _role_ok(
    view: LedgerView, ours: Iterable[str | None], gold: Sequence[GoldActor], text: str
) -> bool | None:
    if not gold:
        return None
    return any(a is not None and actor_agrees(view, a, g, text) for a in ours for g in gold)


def sentence_event(ledger: ArticleLedger) -> Event | None:
    """The event a GSR sentence is about: the first rule-coded event that occurred, by trigger position (the
    main clause's verb comes first in most sentences; preferring violent types, as CASE snippets want, picks
    embedded clauses here: "after fierce fighting", "refugees fleeing"); else the snippet's main event."""
    coded = [e for e in ledger.events if e.occurred and e.component != MODEL_COMPONENT]
    if coded:
        return min(coded, key=lambda e: (e.trigger.span.start, e.trigger.span.end))
    return main_event(ledger)


def score_record(record: GsrRecord, ledger: ArticleLedger | None) -> tuple[RecordScore, Event | None]:
    """How our main event fares on ``record`` (``ledger`` ``None``: nothing was extracted)."""
    event = sentence_event(ledger) if ledger is not None else None
    if ledger is None or event is None:
        none = None if not record.sources else False
        return RecordScore(False, none, None if not record.targets else False, "none"), None
    view = LedgerView(ledger)
    text = ledger.article.text
    return (
        RecordScore(
            type_ok=event.type == GSR_TO_PLOVER[record.event],
            source_ok=_role_ok(view, (event.actor1,), record.sources, text),
            target_ok=_role_ok(view, (event.actor2, *event.victims), record.targets, text),
            predicted=event.type,
        ),
        event,
    )


# --------------------------------------------------------------------------- dataset


def record_article(record: GsrRecord) -> Article:
    return article_from_text(record.text, origin=record.origin, config=Config(languages=()))


@dataclass(frozen=True, slots=True)
class PloverGsrDataset:
    """``claimledger eval plover_gsr``: main event type, source and target against the PLOVER GSR."""

    name: str = "plover_gsr"

    def default_path(self, shared: Path) -> Path:
        return shared / "eval" / "plover_gsr"

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        started = time.perf_counter()
        records = load_plover_gsr(path)
        notes: list[str] = []
        articles: dict[int, Article] = {}
        for k, record in enumerate(records):
            try:
                articles[k] = record_article(record)
            except InputError as exc:
                notes.append(f"not extracted (counted wrong): {exc.message}")
        ledgers = dict(zip(articles, extract_all(extractor, list(articles.values())), strict=True))
        scores: list[RecordScore] = []
        details: list[Detail] = []
        for k, record in enumerate(records):
            ledger = ledgers.get(k)
            if ledger is not None:
                notes.extend(f"stage error: {record.id}: {e.stage}: {e.message}" for e in ledger.errors)
            score, event = score_record(record, ledger)
            scores.append(score)
            details.extend(_details(record, score, event))
        metrics = {
            "type_acc": safe_ratio(sum(s.type_ok for s in scores), len(scores)),
            "source_acc": _rate([s.source_ok for s in scores]),
            "target_acc": _rate([s.target_ok for s in scores]),
        }
        notes.extend(_notes(records, scores))
        return EvalResult(
            dataset=self.name,
            docs=len(records),
            metrics=metrics,
            config=extractor.config_dict(),
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )


def _rate(values: Sequence[bool | None]) -> float:
    scored = [v for v in values if v is not None]
    return safe_ratio(sum(scored), len(scored))


def _details(record: GsrRecord, score: RecordScore, event: Event | None) -> list[Detail]:
    found = "no event" if event is None else f"{event.type} {event.trigger.text!r}"
    gold = GSR_TO_PLOVER[record.event]
    out = [Detail("type", f"{record.id} {record.event} ({gold})", score.type_ok, found)]
    for section, ok, actors in (
        ("source", score.source_ok, record.sources),
        ("target", score.target_ok, record.targets),
    ):
        if ok is not None:
            names = "; ".join(f"{a.text} [{a.code}]" for a in actors)
            out.append(Detail(section, f"{record.id} {names}", ok, found))
    return out


def _notes(records: Sequence[GsrRecord], scores: Sequence[RecordScore]) -> list[str]:
    out = [
        "nothing fitted: the GSR class names map to PLOVER 2021 types by a fixed table (CAMEO2PLOVER-2021)",
        f"no event: {sum(s.predicted == 'none' for s in scores)} of {len(scores)} records (counted wrong)",
        f"records naming a source: {sum(s.source_ok is not None for s in scores)}, "
        f"a target: {sum(s.target_ok is not None for s in scores)}",
    ]
    by_class: dict[str, list[bool]] = {}
    for record, score in zip(records, scores, strict=True):
        by_class.setdefault(record.event, []).append(score.type_ok)
    for name, oks in sorted(by_class.items()):
        out.append(f"type {name} -> {GSR_TO_PLOVER[name]}: {sum(oks)}/{len(oks)}")
    confusions = Counter(
        (GSR_TO_PLOVER[r.event], s.predicted) for r, s in zip(records, scores, strict=True) if not s.type_ok
    )
    out.extend(f"confusion {g} -> {p}: {n}" for (g, p), n in confusions.most_common(15))
    return out
