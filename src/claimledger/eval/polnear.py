"""The ``polnear`` dataset: attribution (source, cue, content) in political news, PolNeAR v1.0.0 brat files.

Layout (``--path`` may name any copy in it): ``DIR/data/<split>/text/<article>.txt`` and
``DIR/data/<split>/attributions/<article>_<annotator>.ann``. Every split folder under ``data/`` that holds
``text/`` and ``attributions/`` is scored, except ``train`` (kept for building lexicons, never scored); the
shared copy holds ``dev`` only. ``DIR`` may also be the ``data`` folder itself, or one split folder.

Gold for an article is the ``.ann`` file of its lowest annotator id (ids of equal length compare as text,
a shorter id is lower). Offsets index the raw ``.txt`` text (UTF-8, line ends untouched), which is given to
the extractor as it is. A brat ``T`` line is ``Tn<TAB>Type start end[;start end...]<TAB>text`` (a text
holding line breaks runs on over the next lines); an ``E`` line is ``En<TAB>Trigger:Tn Role:Tn ...`` with
roles ``Source``, ``Cue``, ``Content`` (``Content2`` and the like add fragments to their role). An event
without a ``Cue`` takes its trigger's span as the cue; an event without a ``Content`` is not an attribution
and is skipped (counted in the notes). Other annotation lines (``A``, ``R``, ``#`` notes...) are ignored.
How predictions are scored: ``claimledger.eval.polnear_score``.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.polnear_score import (
    ROLES,
    AttributionScore,
    GoldAttribution,
    PredictedAttribution,
    content_coverage,
    overlaps,
    predictions_from_ledger,
    score_attributions,
    source_agrees,
    word_spans,
)
from claimledger.ingest.text import article_from_text
from claimledger.types import Article, ArticleLedger, Span

log = logging.getLogger(__name__)

DATA_DIR = "data"
TEXT_DIR = "text"
ANN_DIR = "attributions"
TRAIN_SPLIT = "train"

_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[^_]+)\.ann$")
_LINE_ID = re.compile(r"^[A-Z#]\d*\t")
_T_LINE = re.compile(r"^(?P<id>T\d+)\t(?P<type>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t(?P<text>.*)$")
_E_ARG = re.compile(r"^(?P<role>[^:\s]+):(?P<ref>T\d+)$")
_ROLE_NUMBER = re.compile(r"\d+$")


@dataclass(frozen=True, slots=True)
class PolnearDocument:
    """One article with its gold attributions (from one annotator's ``.ann`` file)."""

    name: str
    split: str
    text_path: Path
    ann_path: Path
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    skipped_events: int = 0  # events without a content


@dataclass(frozen=True, slots=True)
class PolnearCorpus:
    """The documents of every scored split, with what the reader skipped."""

    documents: tuple[PolnearDocument, ...]
    splits: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _TextBound:
    type: str
    spans: tuple[Span, ...]


# --------------------------------------------------------------------------- brat reader


def parse_ann(ann: str, text: str, origin: str) -> tuple[tuple[GoldAttribution, ...], int]:
    """The attributions of one brat ``.ann`` text over ``text``, and how many events were skipped.

    Raises ``EvalError`` naming ``origin`` and the line for a malformed line, a span outside the text or
    an event that refers to a missing text-bound annotation.
    """
    bounds: dict[str, _TextBound] = {}
    events: list[tuple[str, list[tuple[str, str]], int]] = []
    missing = 0  # characters of the last T line's text still to come on the next lines
    for number, raw in enumerate(ann.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if missing > 0 and not _LINE_ID.match(line):
            missing -= len(line) + 1  # the line break, then the line
            continue
        missing = 0
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        if line.startswith("T"):
            tid, bound, missing = _parse_t(line, text, where)
            bounds[tid] = bound
        elif line.startswith("E"):
            events.append(_parse_e(line, where, number))
        elif not _LINE_ID.match(line):
            raise EvalError(f"{where}: not a brat annotation line: {line[:60]!r}")
    attributions: list[GoldAttribution] = []
    skipped = 0
    for event_id, args, number in events:
        gold = _attribution(event_id, args, bounds, text, f"{origin}:{number}", number)
        if gold is None:
            skipped += 1
        else:
            attributions.append(gold)
    return tuple(attributions), skipped


def _parse_t(line: str, text: str, where: str) -> tuple[str, _TextBound, int]:
    """A text-bound annotation's id and record, and how many characters of its text come on later lines."""
    match = _T_LINE.match(line)
    if match is None:
        raise EvalError(
            f"{where}: malformed text-bound line (expected 'Tn<TAB>Type start end[;start end]<TAB>text'): "
            f"{line[:60]!r}"
        )
    spans: list[Span] = []
    for fragment in match["offsets"].split(";"):
        start, end = (int(x) for x in fragment.split())
        if end < start or end > len(text):
            raise EvalError(
                f"{where}: span {start}-{end} of {match['id']} lies outside the article "
                f"({len(text)} characters)"
            )
        spans.append(Span(start, end))
    expected = sum(len(s) for s in spans) + len(spans) - 1  # fragments are joined with one space
    return match["id"], _TextBound(match["type"], tuple(spans)), expected - len(match["text"])


def _parse_e(line: str, where: str, number: int) -> tuple[str, list[tuple[str, str]], int]:
    event_id, _, rest = line.partition("\t")
    args: list[tuple[str, str]] = []
    for item in rest.split():
        match = _E_ARG.match(item)
        if match is None:
            raise EvalError(f"{where}: malformed event argument {item!r} (expected Role:Tn) in {line[:60]!r}")
        args.append((match["role"], match["ref"]))
    if not args:
        raise EvalError(f"{where}: event {event_id} has no trigger (expected 'En<TAB>Type:Tn Role:Tn ...')")
    return event_id, args, number


def _attribution(
    event_id: str,
    args: list[tuple[str, str]],
    bounds: dict[str, _TextBound],
    text: str,
    where: str,
    number: int,
) -> GoldAttribution | None:
    spans: dict[str, list[Span]] = {"Cue": [], "Source": [], "Content": [], "trigger": []}
    for k, (role, ref) in enumerate(args):
        bound = bounds.get(ref)
        if bound is None:
            raise EvalError(f"{where}: event {event_id} refers to {ref}, which no T line defines")
        key = "trigger" if k == 0 else _ROLE_NUMBER.sub("", role)
        if key in spans:
            spans[key].extend(bound.spans)
        else:
            log.debug("%s: event %s: role %s ignored", where, event_id, role)
    if not spans["Content"]:
        return None
    content = tuple(sorted(spans["Content"]))
    return GoldAttribution(
        id=event_id,
        cue=tuple(sorted(spans["Cue"] or spans["trigger"])),
        content=content,
        source=tuple(sorted(spans["Source"])),
        content_tokens=word_spans(text, content),
        line=number,
    )


# --------------------------------------------------------------------------- layout


def split_folders(path: Path) -> tuple[list[Path], list[str]]:
    """The split folders to score under ``path`` (see the module docstring), and notes on those skipped."""
    if not path.is_dir():
        raise EvalError(f"{path}: not a PolNeAR folder (expected {DATA_DIR}/<split>/{TEXT_DIR}, {ANN_DIR})")
    if _is_split(path):
        if path.name == TRAIN_SPLIT:
            raise EvalError(f"{path}: the {TRAIN_SPLIT!r} split is for building lexicons and is never scored")
        return [path], []
    data = path / DATA_DIR if (path / DATA_DIR).is_dir() else path
    folders: list[Path] = []
    notes: list[str] = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        if folder.name == TRAIN_SPLIT:
            continue
        if _is_split(folder):
            folders.append(folder)
        else:
            notes.append(f"skipped {folder}: no {TEXT_DIR}/ and {ANN_DIR}/ folders")
    if not folders:
        raise EvalError(
            f"{path}: no split folder to score (expected {data}/<split>/{TEXT_DIR} and {ANN_DIR}, "
            f"split other than {TRAIN_SPLIT!r})"
        )
    return folders, notes


def _is_split(folder: Path) -> bool:
    return (folder / TEXT_DIR).is_dir() and (folder / ANN_DIR).is_dir()


def gold_files(split: Path) -> list[tuple[str, str, Path]]:
    """``(article, annotator, ann path)`` per article of ``split``: the lowest annotator id's file."""
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted((split / ANN_DIR).glob("*.ann")):
        match = _ANN_NAME.match(ann.name)
        if match is None:
            raise EvalError(
                f"{ann}: annotation file name lacks the annotator id ('<article>_<annotator>.ann')"
            )
        article, annotator = match["article"], match["annotator"]
        best = chosen.get(article)
        if best is None or _annotator_key(annotator) < _annotator_key(best[0]):
            chosen[article] = (annotator, ann)
    return [(article, annotator, ann) for article, (annotator, ann) in sorted(chosen.items())]


def _annotator_key(annotator: str) -> tuple[int, str]:
    return len(annotator), annotator


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def load_document(split: Path, article: str, annotator: str, ann_path: Path) -> PolnearDocument:
    text_path = split / TEXT_DIR / f"{article}.txt"
    if not text_path.is_file():
        raise EvalError(f"{ann_path}: its article text {text_path} does not exist")
    text = _read(text_path)
    attributions, skipped = parse_ann(_read(ann_path).removeprefix("\ufeff"), text, str(ann_path))
    return PolnearDocument(article, split.name, text_path, ann_path, annotator, text, attributions, skipped)


def load_polnear(path: Path) -> PolnearCorpus:
    """Every document of every scored split under ``path``; ``EvalError`` for a missing or malformed file."""
    folders, notes = split_folders(path)
    documents: list[PolnearDocument] = []
    for split in folders:
        files = gold_files(split)
        annotated = {article for article, _, _ in files}
        for text_path in sorted((split / TEXT_DIR).glob("*.txt")):
            if text_path.stem not in annotated:
                raise EvalError(
                    f"{text_path}: no annotation file {split / ANN_DIR}/{text_path.stem}_<id>.ann"
                )
        documents.extend(load_document(split, *entry) for entry in files)
    return PolnearCorpus(tuple(documents), tuple(p.name for p in folders), tuple(notes))


# --------------------------------------------------------------------------- dataset


@runtime_checkable
class BatchExtractor(Protocol):
    """An extractor that can also stream many articles (``Pipeline.extract_many``)."""

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleLedger]: ...


def polnear_article(document: PolnearDocument, config: Config | None = None) -> Article:
    """The article of ``document``: its exact text (not normalised), so gold offsets index it."""
    return article_from_text(
        document.text, origin=str(document.text_path), config=config or Config(), normalize=False
    )


def extract_all(extractor: Extractor, articles: Sequence[Article]) -> list[ArticleLedger]:
    """Ledgers of ``articles`` in order, in batches where the extractor can."""
    if isinstance(extractor, BatchExtractor):
        return list(extractor.extract_many(articles))
    return [extractor.extract(article) for article in articles]


@dataclass(frozen=True, slots=True)
class PolnearDataset:
    """``claimledger eval polnear``: cue, source, content and whole-attribution F1 over PolNeAR."""

    name: str = "polnear"

    def default_path(self, shared: Path) -> Path:
        return shared / "eval" / "polnear"

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        started = time.perf_counter()
        corpus = load_polnear(path)
        notes = [
            f"scored split(s): {', '.join(corpus.splits)} ({len(corpus.documents)} articles); "
            f"'{TRAIN_SPLIT}' is for building lexicons only and is never scored",
            "gold: each article's .ann file of the lowest annotator id",
            *corpus.notes,
        ]
        articles: dict[int, Article] = {}
        for k, document in enumerate(corpus.documents):
            try:
                articles[k] = polnear_article(document)
            except InputError as exc:  # scored as an article with no predictions
                notes.append(f"not extracted (every gold attribution missed): {exc.message}")
        ledgers = dict(zip(articles, extract_all(extractor, list(articles.values())), strict=True))
        total = AttributionScore({})
        details: list[Detail] = []
        for k, document in enumerate(corpus.documents):
            predicted: list[PredictedAttribution] = []
            ledger = ledgers.get(k)
            if ledger is not None:
                if ledger.article.text != document.text:
                    notes.append(f"warning: {document.name}: the ledger's text differs from the input")
                notes.extend(f"stage error: {document.name}: {e.stage}: {e.message}" for e in ledger.errors)
                predicted = predictions_from_ledger(ledger)
            score = score_attributions(document.attributions, predicted)
            total = total + score
            details.extend(document_details(document, predicted, score))
        skipped = sum(d.skipped_events for d in corpus.documents)
        if skipped:
            notes.append(f"skipped {skipped} gold event(s) without a content")
        notes.extend(_count_notes(total))
        return EvalResult(
            dataset=self.name,
            docs=len(corpus.documents),
            metrics=total.metrics(),
            config=extractor.config_dict(),
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )


def _count_notes(score: AttributionScore) -> list[str]:
    out = []
    for role in ROLES:
        counts = score.counts[role]
        precision, recall, _ = counts.prf()
        out.append(
            f"{role}: precision {precision:.3f} recall {recall:.3f} "
            f"(tp {counts.tp}, predicted {counts.predicted}, gold {counts.gold})"
        )
    return out


def document_details(
    document: PolnearDocument, predicted: Sequence[PredictedAttribution], score: AttributionScore
) -> list[Detail]:
    """One ``attribution`` detail per gold attribution, one ``prediction`` detail per unmatched prediction."""
    text = document.text
    out: list[Detail] = []
    for gold, hit in zip(document.attributions, score.gold_matched, strict=True):
        item = f"{document.name} {gold.id} cue {_quote(text, gold.cue)}"
        out.append(Detail("attribution", item, hit, "" if hit else _why_missed(gold, predicted)))
    for pred, hit in zip(predicted, score.predicted_matched, strict=True):
        if not hit:
            item = f"{document.name} {pred.label} cue {_quote(text, pred.cue)}"
            out.append(Detail("prediction", item, False, "no gold attribution agrees"))
    return out


def _why_missed(gold: GoldAttribution, predicted: Sequence[PredictedAttribution]) -> str:
    near = [p for p in predicted if overlaps(gold.cue, p.cue)]
    if not near:
        return "no predicted cue overlaps"
    best = max(near, key=lambda p: content_coverage(gold, p))
    source = "source ok" if source_agrees(gold, best) else "source missed"
    return f"closest {best.label}: content covers {content_coverage(gold, best):.0%} of the tokens, {source}"


def _quote(text: str, spans: Sequence[Span]) -> str:
    return repr(" ".join(span.text(text) for span in spans)[:60])
