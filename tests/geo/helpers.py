"""Hand-made gazetteer entries and parses for the geo tests."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.geo.gazetteer import GazEntry, Gazetteer
from claimledger.nlp.convert import doc_to_parse
from claimledger.syntax import ParseView

_NO_SPACE_BEFORE = {",", ".", "'s", "’s", ":", ";"}


def entry(
    name: str,
    kind: str,
    country: str,
    *,
    admin1: str | None = None,
    admin2: str | None = None,
    population: int = 0,
    alternates: tuple[str, ...] = (),
    feature: str = "",
    lat: float = 0.0,
    lon: float = 0.0,
    geonames_id: int | None = None,
) -> GazEntry:
    if kind == "admin1" and admin1 is None:
        admin1 = name
    return GazEntry(
        geonames_id=geonames_id,
        name=name,
        ascii_name=name,
        alternates=alternates,
        kind=kind,
        country=country,
        admin1=admin1,
        admin2=admin2,
        lat=lat,
        lon=lon,
        population=population,
        feature=feature,
    )


SMALL_ENTRIES: tuple[GazEntry, ...] = (
    entry("Afghanistan", "country", "AF", population=37_000_000, lat=33.0, lon=65.0, geonames_id=1149361),
    entry("Pakistan", "country", "PK", population=212_000_000, lat=30.0, lon=70.0),
    entry("France", "country", "FR", population=67_000_000),
    entry("United States", "country", "US", population=327_000_000, alternates=("U.S.", "US", "USA")),
    entry("Georgia", "country", "GE", population=3_700_000),
    entry("Lebanon", "country", "LB", population=6_800_000),
    entry("Georgia", "admin1", "US", population=5_000_000),
    entry("Texas", "admin1", "US", population=20_000_000),
    entry("Panjshir", "admin1", "AF", population=65_000, lat=35.31, lon=69.52, geonames_id=6957555),
    entry("Kabul", "admin1", "AF", population=4_400_000, lat=34.55, lon=69.21),
    entry("Balkh", "admin1", "AF", population=700_000),
    entry("Kiev", "admin1", "UA", population=1_700_000),
    entry("Kabul", "admin2", "AF", admin1="Kabul", population=4_400_000),
    entry(
        "Kabul",
        "city",
        "AF",
        admin1="Kabul",
        admin2="Kabul",
        population=4_434_550,
        feature="PPLC",
        alternates=("Cabul",),
        lat=34.53,
        lon=69.17,
        geonames_id=1138958,
    ),
    entry("Balkh", "city", "AF", admin1="Balkh", population=114_000, feature="PPL"),
    entry("Paris", "city", "FR", admin1="Île-de-France", population=2_138_551, feature="PPLC"),
    entry("Paris", "city", "US", admin1="Texas", population=24_782, feature="PPLA2"),
    entry("Lebanon", "city", "US", admin1="Tennessee", population=30_000, feature="PPLA2"),
    entry(
        "Kyiv", "city", "UA", admin1="Kyiv City", population=2_797_553, feature="PPLC", alternates=("Kiev",)
    ),
    entry(
        "Isparta", "city", "TR", admin1="Isparta", population=190_000, feature="PPLA", alternates=("Hameed",)
    ),
    entry("Haqqani", "city", "PK", admin1="Punjab", population=20_000, feature="PPL"),
)


def small_gazetteer() -> Gazetteer:
    return Gazetteer(SMALL_ENTRIES)


def build_view(
    words: Sequence[str],
    ents: Sequence[tuple[int, int, str]] = (),
    arcs: dict[int, tuple[int, str]] | None = None,
    pos_of: dict[int, str] | None = None,
) -> ParseView:
    """A hand-built parse of ``words``: capitalised words are proper nouns, entities are
    (start, end, label) token ranges; every token hangs off the first unless ``arcs`` gives it a
    (head, dependency label); ``pos_of`` overrides a token's part of speech."""
    spaces = [i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE for i in range(len(words))]
    pos, tags = [], []
    for w in words:
        if w in {",", ".", ":", ";"}:
            pos.append("PUNCT")
            tags.append(w)
        elif w in {"'s", "’s"}:
            pos.append("PART")
            tags.append("POS")
        elif w[:1].isupper():
            pos.append("PROPN")
            tags.append("NNP")
        else:
            pos.append("NOUN")
            tags.append("NN")
    for i, p in (pos_of or {}).items():
        pos[i] = p
        tags[i] = {"ADJ": "JJ", "NOUN": "NN", "PROPN": "NNP", "DET": "DT", "ADP": "IN"}.get(p, p)
    heads = [0] * len(words)
    deps = ["ROOT"] + ["dep"] * (len(words) - 1)
    for i, (head, dep) in (arcs or {}).items():
        heads[i], deps[i] = head, dep
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        for i in range(start + 1, end):
            iob[i] = f"I-{label}"
    doc = Doc(
        Vocab(),
        words=list(words),
        spaces=spaces,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        ents=iob,
    )
    return ParseView(doc_to_parse(doc))
