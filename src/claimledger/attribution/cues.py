"""The cue lexicon: curated reporting cues (``data/cues.tsv``) plus verbs mined from PolNeAR train."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimledger.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    pos: str  # verb | noun | adv | passive
    stance: str  # assert | deny
    strength: str  # plain | strong | weak | hedge


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    adverbs: dict[str, Cue]
    passives: dict[str, Cue]


def load_cues(
    path: Path | None = None,
    mined: Path | None = None,
    min_mined_precision: float = 0.4,
    min_mined_count: int = 5,
) -> CueLexicon:
    """Read the curated cue lexicon (``data/cues.tsv`` or ``path``) and add the verbs mined from PolNeAR
    train (``data/cues_mined.tsv`` or ``mined``; see ``tools/mine_cues.py``) that are reliable enough: mined
    verbs are plain assertions (``strength`` "mined") unless the curated list says otherwise."""
    if path is None:
        text = resources.files("claimledger.data").joinpath("cues.tsv").read_text(encoding="utf-8")
        name = "claimledger/data/cues.tsv"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read cue lexicon: {exc}") from exc
        name = str(path)
    tables: dict[str, dict[str, Cue]] = {"verb": {}, "noun": {}, "adv": {}, "passive": {}}
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 4 or row[1] not in tables or row[2] not in ("assert", "deny"):
            raise DataFileError(
                f"{name}:{lineno}: expected 'cue<TAB>verb|noun|adv|passive<TAB>assert|deny<TAB>strength'"
            )
        tables[row[1]][row[0]] = Cue(row[0], row[1], row[2], row[3])
    for lemma, pos, count, precision in _mined_rows(mined):
        if pos == "verb" and precision >= min_mined_precision and count >= min_mined_count:
            tables["verb"].setdefault(lemma, Cue(lemma, "verb", "assert", "mined"))
    return CueLexicon(tables["verb"], tables["noun"], tables["adv"], tables["passive"])


def _mined_rows(path: Path | None) -> list[tuple[str, str, int, float]]:
    if path is None:
        text = resources.files("claimledger.data").joinpath("cues_mined.tsv").read_text(encoding="utf-8")
        name = "claimledger/data/cues_mined.tsv"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read mined cues: {exc}") from exc
        name = str(path)
    rows: list[tuple[str, str, int, float]] = []
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        try:
            rows.append((row[0], row[1], int(row[2]), float(row[4])))
        except (IndexError, ValueError) as exc:
            raise DataFileError(
                f"{name}:{lineno}: expected lemma, pos, count, occurrences, precision"
            ) from exc
    return rows
