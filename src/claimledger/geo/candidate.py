"""A place name (or phrase) found in the text and what it resolved to: shared by the extraction steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.geo.gazetteer import GazMatch


@dataclass(slots=True)
class Candidate:
    start: int  # first token
    end: int  # one past the last token
    name: str  # the name to resolve (possessive removed)
    label: str  # NER label, "PATTERN", "REGION" (a compass part of a country) or "REFERENCE"
    kind_word: str | None = None  # the kind word of a pattern ("province")
    weak: bool = False  # kept only if it resolves (a pattern inside an ORG/NORP entity, a generic name)
    match: GazMatch | None = None
    context: set[str] = field(default_factory=set)  # countries the other names mention
