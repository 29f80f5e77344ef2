"""Places: which places an article mentions, resolved against the gazetteer, one record per place.

Candidates are NER entities (GPE, LOC, FAC; and ORG, PERSON or NORP entities whose whole text is the
name of a country, first-level division or city: spaCy's small model tags some provinces as ORG),
plus "X province" / "X district" / "province of X" phrases. Names are resolved in two passes: the
first finds the article's focus country (the country most mentioned, directly or as the country of
a mentioned place; with no place named, the country its demonyms name), the second resolves every
name with that focus and the countries mentioned (ASCII-folded keys, romanisation variants, then close
spellings within those countries). In the second pass a generic division name ("Eastern Region") or a
small town or district abroad is not read abroad. A country's name modifying a noun ("U.S. troops") is
no place. Then ``context`` adds compass parts of countries ("southern Afghanistan", "the Afghan
south": precision 3) and references ("the valley", "this capital"), which join the places they stand
for. Mentions of one gazetteer entry merge into one ``Place``; precision follows ACLED (1 a town,
2 a district, 3 a province, region or country).
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from dataclasses import dataclass, field, replace

from claimledger.geo.candidate import Candidate
from claimledger.geo.context import (
    DemonymLookup,
    add_references,
    add_regions,
    is_attributive_country,
    is_generic,
    one_country,
    strip_direction,
)
from claimledger.geo.gazetteer import GazEntry, Gazetteer, GazMatch
from claimledger.geo.normalize import name_key
from claimledger.geo.regions import direction_of
from claimledger.syntax import ParseView
from claimledger.types import Place, Span

log = logging.getLogger(__name__)

COMPONENT = "geo"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose entities become places only when their whole text names a place of these kinds.
STRICT_LABELS = frozenset({"ORG", "PERSON", "NORP"})
STRICT_KINDS = frozenset({"country", "admin1", "city"})
# Words that make a name (or the name they follow) an organisation: "Panjshir" is a place,
# "Haqqani Network" and "Pakistan Army" are not.
_ORG_WORDS_TEXT = """
    front network party army forces force agency intelligence council ministry group movement brigade
    brigades battalion militia committee commission police guard guards corps command directorate
    alliance coalition union federation organisation organization government administration authority
    authorities league emirate mujahideen
"""
ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
# Kind words that make "X <word>" / "<word> of X" a place name, and the kind an unresolved one has.
KIND_WORD_KINDS = {
    "province": "admin1",
    "governorate": "admin1",
    "oblast": "admin1",
    "prefecture": "admin1",
    "district": "admin2",
    "county": "admin2",
    "department": "admin1",
    "municipality": "admin2",
    # weaker: kept after a name only if the name resolves ("Kaduna state"; not "Islamic State")
    "state": "admin1",
    "region": "admin1",
    # only in "the town of X": a settlement, resolved or not
    "town": "city",
    "city": "city",
    "village": "village",
}
WEAK_SUFFIX_WORDS = frozenset({"state", "region"})
# Kind words that still make "X <Word>" a place name when capitalised ("Baghlan Province"); "State"
# and "Region" do not ("Islamic State").
TITLE_KIND_WORDS = frozenset({"province", "governorate", "district", "oblast", "prefecture"})
# lower-case parts of place names ("Maarat al-Numan", "San Luis de la Reina")
NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "de", "del", "la", "los", "las"}
)
OF_ONLY_WORDS = frozenset({"town", "city", "village"})
UNRESOLVED_KINDS = {"GPE": "unknown", "LOC": "region", "FAC": "landmark"}
ALTERNATE_MIN_POPULATION = 1_000_000
# A town abroad (outside the focus and co-mentioned countries) is read as such only if this big, or a
# capital or seat of a first-level division.
FOREIGN_CITY_MIN_POPULATION = 100_000
PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "country": 3}
_POSSESSIVE = ("'s", "’s", "'", "’")
_MAX_NAME_TOKENS = 4


@dataclass(slots=True)
class _Group:
    first: int  # token of the first mention, for numbering
    entry: GazEntry | None
    name: str
    kind: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def extract_places(
    view: ParseView,
    gaz: Gazetteer,
    id_prefix: str,
    focus_hint: str | None = None,
    demonyms: DemonymLookup | None = None,
) -> tuple[tuple[Place, ...], dict[int, str]]:
    """Places mentioned in the parsed article, numbered ``{id_prefix}p1, p2, ...`` by first mention,
    and a map from every token of every mention to its place id. ``focus_hint`` is a country the story is
    known to be about (its dateline's), counted as two mentions when choosing the focus country.
    ``demonyms`` (``Demonyms.lookup``) lets "the Afghan south" and "the Salvadoran capital" name
    places, and decides the focus country of a text that names none ("Afghan police killed")."""
    demonym = one_country(demonyms)
    candidates = [strip_direction(view, gaz, c) for c in _candidates(view)]
    # Pass 1: resolve without a focus; count countries of confident matches.
    for c in candidates:
        generic = is_generic(c.name)  # "Eastern Province": which country's is for pass 2 to say
        c.match = None if generic else _accept(c, gaz.resolve(c.name, variants=c.label not in STRICT_LABELS))
    # "U.S. troops": a country's name as a modifier says whose troops, not where they were
    candidates = [c for c in candidates if not is_attributive_country(view, c)]
    direct = {
        (name_key(c.name), c.match.entry.country)
        for c in candidates
        if c.match and c.match.entry.kind == "country"
    }
    votes = Counter(c.match.entry.country for c in candidates if c.match and c.match.how != "variant")
    if focus_hint:
        votes[focus_hint] += 2
    by_demonym: list[tuple[int, str]] = []
    if not votes:  # no place named: the demonyms say which country the text is about
        by_demonym = [(t.i, iso) for t in view.tokens if t.ent_type == "NORP" and (iso := demonym(t.text))]
        votes.update(iso for _, iso in by_demonym)
    focus = _focus(votes, candidates) or focus_hint or _top(votes)
    # Pass 2: resolve with the focus and the countries the other names mention (a name is not its
    # own context: "Georgia" read as the country must not make the country more likely).
    for c in candidates:
        key = name_key(c.name)
        c.context = {iso for k, iso in direct if k != key}
        m = gaz.resolve(c.name, focus, c.context, variants=c.label not in STRICT_LABELS)
        c.match = _accept(c, m, focus, c.context)
    _apply_containers(view, gaz, candidates, focus)
    # an unresolved demonym ("Honduran") is an actor's nationality, not a place
    candidates = [c for c in candidates if c.match is not None or demonym(c.name) is None]
    candidates = add_regions(view, gaz, candidates, focus, demonym)
    candidates = add_references(view, gaz, candidates, focus, demonym)
    log.debug("places: %d candidates, focus country %s, countries named %s", len(candidates), focus, direct)
    places, token_place = _records(view, candidates, id_prefix)
    places, token_place = _repeated_mentions(view, places, token_place)
    if not places and focus and by_demonym:
        places = _country_of_demonyms(view, gaz, focus, by_demonym, id_prefix)
    return places, token_place


def _country_of_demonyms(
    view: ParseView, gaz: Gazetteer, focus: str, by_demonym: list[tuple[int, str]], id_prefix: str
) -> tuple[Place, ...]:
    """ "Afghan police killed in clash": a text that names no place but whose demonyms name one country
    happened, as far as it says, in that country. The demonyms stay actors: the place has their
    mentions but takes none of their tokens (no event's clause names it; see ``geo.eventplace``)."""
    entry = gaz.country(focus)
    if entry is None:
        return ()
    mentions = tuple(view.char_span(i, i + 1) for i, iso in by_demonym if iso == focus)
    return (place_from_entry(f"{id_prefix}p1", entry, entry.name, mentions, f"{COMPONENT}.demonym"),)


def _repeated_mentions(
    view: ParseView, places: tuple[Place, ...], token_place: dict[int, str]
) -> tuple[tuple[Place, ...], dict[int, str]]:
    """One sense per article: a later bare mention of a place's name ("near the town of Humera" ...
    "captured Humera") is that place, even where the model tagged it as a person."""
    person_multi = {
        i
        for e in view.parse.entities
        if e.label == "PERSON" and e.end - e.start > 1
        for i in range(e.start, e.end)
    }
    by_first: dict[str, tuple[str, int]] = {}
    for p in places:
        words = p.name.split()
        if p.name[:1].isupper() and words:
            by_first.setdefault(words[0], (p.id, len(words)))
    if not by_first:
        return places, token_place
    extra: dict[str, list[Span]] = {}
    for t in view.tokens:
        hit = by_first.get(t.text)
        if hit is None or t.i in token_place or t.i in person_multi:
            continue
        pid, n = hit
        end = t.i + n
        if end > len(view) or any(k in token_place or k in person_multi for k in range(t.i, end)):
            continue
        name = next(p.name for p in places if p.id == pid)
        if view.span_text(t.i, end) != name:
            continue
        for k in range(t.i, end):
            token_place[k] = pid
        extra.setdefault(pid, []).append(view.char_span(t.i, end))
    if not extra:
        return places, token_place
    out = tuple(
        replace(p, mentions=tuple(sorted({*p.mentions, *extra[p.id]}))) if p.id in extra else p
        for p in places
    )
    return out, token_place


# --------------------------------------------------------------------------- candidates


def _candidates(view: ParseView) -> list[Candidate]:
    person_tokens: set[int] = set()
    person_parts: set[str] = set()  # name keys of the words of multi-token person names
    for e in view.parse.entities:
        if e.label == "PERSON":
            person_tokens.update(range(e.start, e.end))
            if e.end - e.start > 1:
                person_parts.update(name_key(view[i].text) for i in range(e.start, e.end))

    patterns = [
        p for p in _kind_word_candidates(view, person_tokens) if not _org_like(view, p.start, p.end, "")
    ]
    for p in patterns:
        labels = {ent.label for i in range(p.start, p.end) if (ent := view.entity_at(i)) is not None}
        p.weak = p.weak or bool(labels & {"ORG", "NORP"})
    taken = {i for p in patterns for i in range(p.start, p.end)}
    out = list(patterns)
    for e in view.parse.entities:
        if e.label not in PLACE_LABELS and e.label not in STRICT_LABELS:
            continue
        if any(i in taken for i in range(e.start, e.end)):
            continue
        end = e.end
        name = e.text
        if view[end - 1].text in _POSSESSIVE and end - 1 > e.start:
            end -= 1
            name = view.span_text(e.start, end)
        for suffix in _POSSESSIVE[:2]:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
        if _org_like(view, e.start, end, e.label):
            continue
        if e.label in STRICT_LABELS:
            if e.label == "PERSON" and end - e.start > 1:
                continue  # a person's full name is never a place
            if name_key(name) in person_parts:
                continue  # a surname or first name of a person named in full elsewhere
        out.append(Candidate(e.start, end, name, e.label))
    out.sort(key=lambda c: c.start)
    return out


def _kind_word_candidates(view: ParseView, person_tokens: set[int]) -> list[Candidate]:
    """ "Panjshir province", "Rukha district", "the province of Panjshir"."""
    out: list[Candidate] = []
    n = len(view)
    for t in view.tokens:
        word = t.lower
        if word not in KIND_WORD_KINDS or t.i in person_tokens:
            continue
        # X province
        s = t.i
        while s > 0 and t.i - s < _MAX_NAME_TOKENS and _name_token(view, s - 1, person_tokens):
            s -= 1
        if s < t.i and word not in OF_ONLY_WORDS and (t.text.islower() or word in TITLE_KIND_WORDS):
            cand = Candidate(s, t.i + 1, f"{view.span_text(s, t.i)} {word}", "PATTERN", word)
            cand.weak = word in WEAK_SUFFIX_WORDS
            out.append(cand)
            continue
        # province of X; the town of X (the name may be tagged as a person by the model)
        if t.i + 2 < n and view[t.i + 1].lower == "of":
            e = t.i + 2
            names = person_tokens if word not in OF_ONLY_WORDS else set()
            while (
                e < n
                and e - t.i - 2 < _MAX_NAME_TOKENS
                and (
                    _name_token(view, e, names)
                    or (
                        e > t.i + 2 and e + 1 < n and (view[e].text == "-" or view[e].lower in NAME_PARTICLES)
                    )
                )
            ):
                e += 1
            while e > t.i + 2 and (view[e - 1].text == "-" or view[e - 1].lower in NAME_PARTICLES):
                e -= 1
            if e > t.i + 2 and word in OF_ONLY_WORDS:
                out.append(Candidate(t.i + 2, e, view.span_text(t.i + 2, e), "PATTERN", word))
                continue
            if e > t.i + 2:
                out.append(Candidate(t.i, e, f"{view.span_text(t.i + 2, e)} {word}", "PATTERN", word))
    return out


def _name_token(view: ParseView, i: int, person_tokens: set[int]) -> bool:
    t = view[i]
    return (
        i not in person_tokens
        and t.text[:1].isupper()
        and (t.pos == "PROPN" or t.tag in ("NNP", "NNPS"))
        and t.lower not in KIND_WORD_KINDS
    )


def _org_like(view: ParseView, start: int, end: int, label: str) -> bool:
    """Whether the name is (part of) an organisation's name: it contains an organisation word, or
    is followed by one (any case after an ORG/PERSON/NORP entity, capitalised after a place)."""
    if label in STRICT_LABELS and any(view[i].lower in ORG_WORDS for i in range(start, end)):
        return True
    if end >= len(view):
        return False
    t = view[end]  # a possessive ("Pakistan's Inter-Services Intelligence") leaves the name alone
    if t.lower not in ORG_WORDS:
        return False
    return label in STRICT_LABELS or t.text[:1].isupper()


# --------------------------------------------------------------------------- resolving


def _accept(
    c: Candidate,
    m: GazMatch | None,
    focus: str | None = None,
    context: set[str] | frozenset[str] = frozenset(),
    paired: bool = False,
) -> GazMatch | None:
    """``m`` if it is good enough for this kind of candidate, else None. ``paired``: the name comes
    with the division or country holding it ("Paris, Texas"), which vouches for a small town abroad."""
    if m is None:
        return None
    if c.label in STRICT_LABELS and (m.how != "name" or m.entry.kind not in STRICT_KINDS):
        return None
    home = m.entry.country == focus or m.entry.country in context
    if focus is not None and not home:
        # "Eastern Region", "Capital District": a generic name means a division at home, never abroad
        if is_generic(c.name):
            c.weak = True
            return None
        # a small foreign town or district that shares a name with a place at home ("San Fernando")
        small = m.entry.kind == "admin2" or (
            m.entry.kind == "city"
            and m.entry.population < FOREIGN_CITY_MIN_POPULATION
            and m.entry.feature not in ("PPLC", "PPLA")
        )
        if small and not paired:
            return None
    if m.how == "fuzzy" and (c.label == "FAC" or not home):
        return None
    # A romanisation variant is trusted only inside the countries the article is about.
    if m.how == "variant" and m.entry.country != focus and m.entry.country not in context:
        return None
    # An alternate name of a foreign town ("Boni" for Bonn) only for big, well-known cities.
    if (
        m.how == "alternate"
        and m.entry.kind == "city"
        and m.entry.country != focus
        and m.entry.country not in context
        and m.entry.population < ALTERNATE_MIN_POPULATION
    ):
        return None
    return m


def _apply_containers(
    view: ParseView, gaz: Gazetteer, candidates: list[Candidate], focus: str | None
) -> None:
    """ "Paris, Texas" / "Atlanta, Georgia": a place, a comma and the division or country holding
    it. Where some reading of the pair has the second name contain the first, use it."""
    for a, b in itertools.pairwise(candidates):
        if b.start != a.end + 1 or view[a.end].text != "," or (a.match is None and b.match is None):
            continue
        if a.match and b.match and _contains(b.match.entry, a.match.entry):
            continue
        pairs = [
            (x, y)
            for x in _readings(gaz, a, focus)
            for y in _readings(gaz, b, focus)
            if _contains(y.entry, x.entry)
        ]
        if pairs:
            a.match, b.match = max(pairs, key=lambda p: (p[0].entry.population, p[1].entry.population))


def _readings(gaz: Gazetteer, c: Candidate, focus: str | None) -> list[GazMatch]:
    """Every acceptable reading of the candidate's name."""
    strict = c.label in STRICT_LABELS
    return [
        m
        for m in gaz.matches(c.name, variants=not strict)
        if _accept(c, m, focus, c.context, paired=True) is not None
    ]


def _contains(outer: GazEntry, inner: GazEntry) -> bool:
    if outer.country != inner.country or outer is inner:
        return False
    if outer.kind == "country":
        return inner.kind != "country"
    if outer.kind == "admin1":
        return inner.kind in ("admin2", "city") and inner.admin1 == outer.name
    if outer.kind == "admin2":
        return inner.kind == "city" and inner.admin2 == outer.name
    return False


def _top(votes: Counter[str]) -> str | None:
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _focus(votes: Counter[str], candidates: list[Candidate]) -> str | None:
    if not votes:
        return None
    top = max(votes.values())
    leaders = {iso for iso, n in votes.items() if n == top}
    for c in candidates:  # ties: the first mentioned
        if c.match and c.match.entry.country in leaders:
            return c.match.entry.country
    return None


def _records(
    view: ParseView, candidates: list[Candidate], id_prefix: str
) -> tuple[tuple[Place, ...], dict[int, str]]:
    groups: dict[object, _Group] = {}
    for c in candidates:
        if c.match is not None:
            entry = c.match.entry
            key: object = id(entry)
            group = groups.get(key) or _Group(c.start, entry, entry.ascii_name, entry.kind)
        elif c.label in STRICT_LABELS or c.weak or _junk(view, c):
            continue
        else:
            kind = KIND_WORD_KINDS[c.kind_word] if c.kind_word else UNRESOLVED_KINDS[c.label]
            key = ("unresolved", kind, name_key(c.name))
            group = groups.get(key) or _Group(c.start, None, _display_name(c.name), kind)
        groups[key] = group
        group.spans.append((c.start, c.end))

    places: list[Place] = []
    token_place: dict[int, str] = {}
    for n, g in enumerate(sorted(groups.values(), key=lambda g: g.first), 1):
        pid = f"{id_prefix}p{n}"
        mentions = tuple(sorted(view.char_span(s, e) for s, e in g.spans))
        for s, e in g.spans:
            for i in range(s, e):
                token_place[i] = pid
        places.append(_place(pid, g, mentions))
    return tuple(places), token_place


def _junk(view: ParseView, c: Candidate) -> bool:
    """An unresolved name that is no place name: lower-case ("la", "premises"), generic ("West",
    "Northern Region"), or a one-word facility ("Center", "Highway")."""
    name = _display_name(c.name)
    if not name[:1].isupper() or is_generic(name) or direction_of(name) is not None:
        return True
    return c.label == "FAC" and c.end - c.start == 1


def _display_name(text: str) -> str:
    """An unresolved name as written, without a leading "the" ("the Middle East" -> "Middle East")."""
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _place(pid: str, g: _Group, mentions: tuple[Span, ...]) -> Place:
    e = g.entry
    if e is None:
        return Place(
            id=pid,
            name=g.name,
            kind=g.kind,
            mentions=mentions,
            precision=PRECISION.get(g.kind, 3),
            component=COMPONENT,
        )
    return place_from_entry(pid, e, g.name, mentions)


def place_from_entry(
    pid: str, e: GazEntry, name: str, mentions: tuple[Span, ...], component: str = COMPONENT
) -> Place:
    """The Place record of a gazetteer entry, with ACLED's precision for its kind."""
    return Place(
        id=pid,
        name=name,
        kind=e.kind,
        mentions=mentions,
        country=e.country,
        admin1=e.admin1,
        admin2=e.admin2,
        lat=e.lat,
        lon=e.lon,
        geonames_id=e.geonames_id,
        precision=PRECISION.get(e.kind, 3),
        component=component,
    )
