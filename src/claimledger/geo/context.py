"""Place mentions that need the rest of the article: compass parts of countries, references back to a
place ("the valley", "this capital"), and names that only the context makes (or unmakes) places.

Each function takes the resolved candidates of ``extract`` and returns candidates to add or keep; the
regions and references resolve to the same gazetteer entries as the names they stand for, so their
mentions join those places.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimledger.geo.candidate import Candidate
from claimledger.geo.gazetteer import GazEntry, Gazetteer, GazMatch
from claimledger.geo.normalize import name_key
from claimledger.geo.phrases import REFERENCE_KINDS, find_references, find_regions
from claimledger.geo.regions import direction_of
from claimledger.syntax import ParseView

DemonymLookup = Callable[[str], tuple[str, ...]]  # a demonym → the ISO2 codes of the states it names

# Words that make up generic division names ("Eastern Region", "Capital District", "Central Province"):
# such a name means a division of the countries the article is about, never one abroad.
GENERIC_WORDS = frozenset(
    """
    north south east west northern southern eastern western central centre center middle upper lower
    north-east north-west south-east south-west northeast northwest southeast southwest northeastern
    northwestern southeastern southwestern far greater capital coast coastal interior
    region regions province provinces district state department area zone territory city town and of
    """.split()
)
# Nouns that a country's name may modify and still be a place: "the Iran border", "Kabul airport".
GEO_HEAD_NOUNS = frozenset(
    {"border", "borders", "frontier", "side", "territory", "soil", "coast", "airspace", "waters", "province"}
)
# How far back (in sentences) a reference looks for the place it stands for.
REFERENCE_SENTENCES = 4


def one_country(demonyms: DemonymLookup | None) -> Callable[[str], str | None]:
    """A demonym → the one country it names (None when none, or ambiguous: "Congolese")."""

    def lookup(word: str) -> str | None:
        if demonyms is None or not word[:1].isupper():
            return None
        codes = demonyms(word)
        return codes[0] if len(codes) == 1 else None

    return lookup


def is_generic(name: str) -> bool:
    words = name_key(name).split()
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def is_attributive_country(view: ParseView, c: Candidate) -> bool:
    """A country's name used as a modifier of a noun that is not a place: "U.S. troops", "a US soldier"."""
    if c.match is None or c.match.entry.kind != "country" or c.end - c.start > 3:
        return False
    last = view[c.end - 1]
    if last.dep not in ("compound", "amod", "nmod") or last.head < c.end or last.head == last.i:
        return False
    head = view[last.head]
    return head.pos in ("NOUN", "PROPN") and head.lower not in GEO_HEAD_NOUNS and head.ent_type != "GPE"


def strip_direction(view: ParseView, gaz: Gazetteer, c: Candidate) -> Candidate:
    """ "Northern Tegucigalpa", "North of San Salvador" (one entity) → "Tegucigalpa", "San Salvador"
    when the rest is a known place; a direction word before a country is left for ``regions`` (it makes
    "Eastern El Salvador" a part of the country)."""
    if c.end - c.start < 2 or c.label == "PATTERN" or direction_of(view[c.start].text) is None:
        return c
    start = c.start + 2 if view[c.start + 1].lower == "of" else c.start + 1
    if start >= c.end:
        return c
    rest = view.span_text(start, c.end)
    if not gaz.matches(rest, variants=False):
        return c
    return Candidate(start, c.end, rest, c.label, c.kind_word, c.weak)


def add_regions(
    view: ParseView,
    gaz: Gazetteer,
    candidates: list[Candidate],
    focus: str | None,
    demonym: Callable[[str], str | None],
) -> list[Candidate]:
    """The candidates with compass parts of countries added; a country name (or stray "S.") inside a
    region phrase is replaced by the region."""
    starts = {c.start: c for c in candidates}

    def country_at(i: int) -> tuple[int, str] | None:
        c = starts.get(i)
        if c is not None and c.match is not None and c.match.entry.kind == "country":
            return c.end, c.match.entry.country
        return None

    resolved = {i for c in candidates if c.match is not None for i in range(c.start, c.end)}
    added: list[Candidate] = []
    covered: set[int] = set()
    for r in find_regions(view, country_at, demonym, resolved):
        iso = r.country or focus
        entry = gaz.region(iso, r.direction) if iso else None
        if entry is None:
            continue
        name = view.span_text(r.start, r.end)
        added.append(Candidate(r.start, r.end, name, "REGION", match=GazMatch(entry, "name")))
        covered.update(range(r.start, r.end))
    if not added:
        return candidates
    kept = [c for c in candidates if not any(i in covered for i in range(c.start, c.end))]
    return sorted([*kept, *added], key=lambda c: c.start)


def add_references(
    view: ParseView,
    gaz: Gazetteer,
    candidates: list[Candidate],
    focus: str | None,
    demonym: Callable[[str], str | None],
) -> list[Candidate]:
    """The candidates with references back to places added ("the valley" → the latest place of a
    fitting kind in the last few sentences; "the Salvadoran capital", "this capital" → the capital of
    that country or of the focus country)."""
    taken = {i for c in candidates for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for ref in find_references(view, demonym, taken):
        target: Candidate | None
        if ref.noun == "capital":
            target = _capital(gaz, candidates, ref.country or focus)
        else:
            target = _antecedent(view, candidates, ref.start, REFERENCE_KINDS[ref.noun])
            if target is None and ref.noun in ("country", "nation") and focus:
                entry = gaz.country(focus)
                target = (
                    Candidate(0, 0, entry.name, "REFERENCE", match=GazMatch(entry, "name")) if entry else None
                )
        if target is None:
            continue
        name = view.span_text(ref.start, ref.end)
        added.append(
            Candidate(
                ref.start,
                ref.end,
                target.name if target.match is None else name,
                target.label,
                target.kind_word,
                target.weak,
                target.match,
            )
        )
    if not added:
        return candidates
    return sorted([*candidates, *added], key=lambda c: c.start)


def _kind(c: Candidate) -> str:
    if c.match is not None:
        return c.match.entry.kind
    return {"province": "admin1", "district": "admin2", "town": "city", "village": "village"}.get(
        c.kind_word or "", "region" if c.label == "LOC" else "unknown"
    )


def _antecedent(
    view: ParseView, candidates: Sequence[Candidate], before: int, kinds: frozenset[str]
) -> Candidate | None:
    """The latest place of one of ``kinds`` mentioned before token ``before``, within a few sentences."""
    sent = view[before].sent
    for c in sorted(candidates, key=lambda c: c.start, reverse=True):
        if c.end > before:
            continue
        if sent - view[c.start].sent > REFERENCE_SENTENCES:
            return None
        if _kind(c) in kinds and (c.match is not None or c.label in ("PATTERN", "GPE", "LOC")):
            return c
    return None


def _capital(gaz: Gazetteer, candidates: Sequence[Candidate], iso: str | None) -> Candidate | None:
    entry: GazEntry | None = gaz.capital(iso) if iso else None
    if entry is None:
        return None
    for c in candidates:  # the capital already mentioned by name: join its place
        if c.match is not None and c.match.entry is entry:
            return c
    return Candidate(0, 0, entry.ascii_name, "REFERENCE", match=GazMatch(entry, "name"))
