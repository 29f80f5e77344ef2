"""The trigger lexicon (``data/triggers.tsv``): verb and noun lemmas → PLOVER type, mode and ACLED types."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimledger.errors import DataFileError
from claimledger.types import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class TriggerSense:
    lemma: str
    pos: str  # verb | noun
    plover: str
    mode: str | None
    acled_event_type: str
    acled_sub_event_type: str


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    verbs: dict[str, TriggerSense]
    nouns: dict[str, TriggerSense]

    def get(self, lemma: str, pos: str) -> TriggerSense | None:
        table = self.verbs if pos in ("VERB", "AUX", "verb") else self.nouns
        return table.get(lemma.lower())


def load_triggers(path: Path | None = None) -> TriggerLexicon:
    if path is None:
        text = resources.files("claimledger.data").joinpath("triggers.tsv").read_text(encoding="utf-8")
        name = "claimledger/data/triggers.tsv"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read trigger lexicon: {exc}") from exc
        name = str(path)
    verbs: dict[str, TriggerSense] = {}
    nouns: dict[str, TriggerSense] = {}
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 6 or row[1] not in ("verb", "noun") or row[2] not in PLOVER_TYPES:
            raise DataFileError(
                f"{name}:{lineno}: expected lemma, verb|noun, a PLOVER type, mode, ACLED type, ACLED sub-type"
            )
        sense = TriggerSense(row[0], row[1], row[2], row[3] or None, row[4], row[5])
        (verbs if row[1] == "verb" else nouns)[row[0]] = sense
    return TriggerLexicon(verbs, nouns)
