"""The trigger lexicons: curated verb and noun triggers (``data/triggers.tsv``) and CAMEO verb senses and
verb patterns mapped to PLOVER (``data/plover_verbs.tsv``, built by ``tools/build_plover_lexicon.py``).

``triggers.tsv`` is the project's own: a lemma → PLOVER type, mode and ACLED types. ``plover_verbs.tsv``
comes from PETRARCH2's CAMEO verb dictionary through OEDA's CAMEO2PLOVER table: each member verb of a CAMEO
verb block has the block's default sense (or none), and the block's patterns (a particle, an object noun, a
prepositional phrase: "lift + curfew", "call + off", "appeal + (for aid)") give more specific senses. A
pattern whose CAMEO code has no PLOVER type (a statement, an appeal) is kept as a *blocker*: its ``sense``
is ``None``. How a verb token is matched against these is ``claimledger.coding.verb_patterns``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimledger.errors import DataFileError
from claimledger.types import PLOVER_TYPES

CURATED = "triggers"  # TriggerSense.origin of a triggers.tsv sense
CAMEO_DEFAULT = "cameo"  # the default sense of a CAMEO verb block's member
CAMEO_PATTERN = "cameo-pattern"  # a sense from a CAMEO verb pattern
READING = "reading"  # a sense made for a verb that is no trigger ("X must cooperate": REQUEST)


@dataclass(frozen=True, slots=True)
class TriggerSense:
    lemma: str
    pos: str  # verb | noun
    plover: str
    mode: str | None
    acled_event_type: str
    acled_sub_event_type: str
    origin: str = CURATED
    cameo: str = ""  # the CAMEO code a CAMEO sense comes from


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """What must surround the verb: a particle, an object noun phrase, a prepositional phrase (each optional;
    noun phrases are lower-case words, modifiers first, head last)."""

    prt: str | None = None
    obj: tuple[str, ...] = ()
    prep: str | None = None
    prep_obj: tuple[str, ...] = ()
    sense: TriggerSense | None = None  # None: a blocker (the CAMEO code has no PLOVER type)
    block: str = ""  # the CAMEO verb block the pattern belongs to

    @property
    def size(self) -> int:
        """How specific the pattern is: the number of words it requires."""
        return (self.prt is not None) + len(self.obj) + (self.prep is not None) + len(self.prep_obj)


@dataclass(frozen=True, slots=True)
class CameoVerbs:
    """CAMEO verb senses: lemma → default sense, lemma → its blocks, block or lemma → patterns."""

    defaults: dict[str, TriggerSense] = field(default_factory=dict)
    blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    block_patterns: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict)
    lemma_patterns: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict)

    def default(self, lemma: str) -> TriggerSense | None:
        return self.defaults.get(lemma.lower())

    def patterns(self, lemma: str, *, own_only: bool = False) -> list[VerbPattern]:
        """The patterns that apply to verb ``lemma``: its own (phrasal members) and its blocks'; with
        ``own_only``, only those of the block named after it ("refuse" in REFUSE, not "reject")."""
        key = lemma.lower()
        out = list(self.lemma_patterns.get(key, ()))
        for block in self.blocks.get(key, ()):
            if not own_only or block_head(block) == key:
                out.extend(self.block_patterns.get(block, ()))
        return out


def block_head(block: str) -> str:
    """The verb a CAMEO block is named after (``REVOKE_`` → ``revoke``; ``GO_SOMEWHERE`` → ``go``)."""
    return block.lower().strip("_").split("_")[0]


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    verbs: dict[str, TriggerSense]
    nouns: dict[str, TriggerSense]
    cameo: CameoVerbs = field(default_factory=CameoVerbs)

    def get(self, lemma: str, pos: str) -> TriggerSense | None:
        table = self.verbs if pos in ("VERB", "AUX", "verb") else self.nouns
        return table.get(lemma.lower())


def _read(path: Path | None, packaged: str, what: str) -> tuple[str, str]:
    if path is None:
        text = resources.files("claimledger.data").joinpath(packaged).read_text(encoding="utf-8")
        return text, f"claimledger/data/{packaged}"
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read {what}: {exc}") from exc


def _rows(text: str) -> list[tuple[int, list[str]]]:
    rows = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(n, row) for n, row in enumerate(rows, start=1) if row and not row[0].startswith("#")]


def load_triggers(
    path: Path | None = None, cameo_path: Path | None = None, *, cameo: bool = True
) -> TriggerLexicon:
    """The curated triggers (``path``, default the packaged ``triggers.tsv``) and, unless ``cameo`` is
    false, the CAMEO verb senses (``cameo_path``, default the packaged ``plover_verbs.tsv``)."""
    text, name = _read(path, "triggers.tsv", "trigger lexicon")
    verbs: dict[str, TriggerSense] = {}
    nouns: dict[str, TriggerSense] = {}
    for lineno, row in _rows(text):
        if len(row) != 6 or row[1] not in ("verb", "noun") or row[2] not in PLOVER_TYPES:
            raise DataFileError(
                f"{name}:{lineno}: expected lemma, verb|noun, a PLOVER type, mode, ACLED type, ACLED sub-type"
            )
        sense = TriggerSense(row[0], row[1], row[2], row[3] or None, row[4], row[5])
        (verbs if row[1] == "verb" else nouns)[row[0]] = sense
    return TriggerLexicon(verbs, nouns, load_cameo_verbs(cameo_path) if cameo else CameoVerbs())


def load_cameo_verbs(path: Path | None = None) -> CameoVerbs:
    """CAMEO verb senses and patterns (default: the packaged ``plover_verbs.tsv``)."""
    text, name = _read(path, "plover_verbs.tsv", "CAMEO verb lexicon")
    defaults: dict[str, TriggerSense] = {}
    blocks: dict[str, list[str]] = {}
    block_patterns: dict[str, list[VerbPattern]] = {}
    lemma_patterns: dict[str, list[VerbPattern]] = {}
    for lineno, row in _rows(text):
        if len(row) != 6 or (row[3] and row[3] not in PLOVER_TYPES) or not (row[0] or row[1]):
            raise DataFileError(
                f"{name}:{lineno}: expected lemma, pattern, CAMEO code, PLOVER type or empty, mode, block "
                "(a lemma or a pattern at least)"
            )
        lemma, pattern, code, plover, mode, block = row
        sense = (
            TriggerSense(
                lemma or block.lower(),
                "verb",
                plover,
                mode or None,
                *acled_of(plover, code),
                CAMEO_PATTERN if pattern else CAMEO_DEFAULT,
                code,
            )
            if plover
            else None
        )
        if not pattern:
            blocks.setdefault(lemma, [])
            if block not in blocks[lemma]:
                blocks[lemma].append(block)
            if sense is not None:
                defaults.setdefault(lemma, sense)  # a verb in several blocks: the first block's sense
            continue
        parsed = parse_pattern(pattern, sense, f"{name}:{lineno}", block)
        if lemma:
            lemma_patterns.setdefault(lemma, []).append(parsed)
        else:
            block_patterns.setdefault(block, []).append(parsed)
    return CameoVerbs(
        defaults,
        {k: tuple(v) for k, v in blocks.items()},
        {k: tuple(v) for k, v in block_patterns.items()},
        {k: tuple(v) for k, v in lemma_patterns.items()},
    )


def parse_pattern(
    text: str, sense: TriggerSense | None, where: str = "pattern", block: str = ""
) -> VerbPattern:
    """``prt=off obj=humanitarian_aid prep=for:help`` → a ``VerbPattern``; ``DataFileError`` if malformed."""
    prt: str | None = None
    obj: tuple[str, ...] = ()
    prep: str | None = None
    prep_obj: tuple[str, ...] = ()
    for part in text.split():
        key, _, value = part.partition("=")
        if not value:
            raise DataFileError(f"{where}: pattern element {part!r} is not key=value")
        if key == "prt":
            prt = value
        elif key == "obj":
            obj = tuple(value.split("_"))
        elif key == "prep":
            word, _, noun = value.partition(":")
            prep, prep_obj = word, tuple(noun.split("_")) if noun else ()
        else:
            raise DataFileError(f"{where}: unknown pattern element {key!r} (prt, obj or prep)")
    return VerbPattern(prt, obj, prep, prep_obj, sense, block)


# CAMEO code prefix → ACLED event type and sub-event type (ACLED Codebook 2023 definitions), for violence
ASSAULT_ACLED: tuple[tuple[str, tuple[str, str]], ...] = (
    ("175", ("Protests", "Excessive force against protesters")),
    ("181", ("Violence against civilians", "Abduction/forced disappearance")),
    ("1821", ("Violence against civilians", "Sexual violence")),
    ("1831", ("Explosions/Remote violence", "Suicide bomb")),
    ("183", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("194", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("195", ("Explosions/Remote violence", "Air/drone strike")),
    ("204", ("Explosions/Remote violence", "Chemical weapon")),
    ("1712", ("Strategic developments", "Looting/property destruction")),
    ("18", ("Violence against civilians", "Attack")),
    ("20", ("Violence against civilians", "Attack")),
)


def acled_of(plover: str, code: str) -> tuple[str, str]:
    """The ACLED event type and sub-event type of a CAMEO-coded event of PLOVER type ``plover``: agreements
    and ceasefires, retreats, protests and riots, arrests, seizures of property or territory and the kinds of
    violence have their own; other verbal and strategic moves are "Strategic developments / Other"."""
    if plover == "AGREE" or code.startswith("0871"):
        return "Strategic developments", "Agreement"
    if code.startswith("0874"):
        return "Strategic developments", "Non-violent transfer of territory"
    if plover == "PROTEST":
        return (
            ("Riots", "Violent demonstration") if code.startswith("145") else ("Protests", "Peaceful protest")
        )
    if code.startswith("173"):
        return "Strategic developments", "Arrests"
    if code.startswith("192"):
        return "Battles", "Non-state actor overtakes territory"
    if plover == "ASSAULT":
        return next(
            (acled for prefix, acled in ASSAULT_ACLED if code.startswith(prefix)), ("Battles", "Armed clash")
        )
    if code.startswith("171"):
        return "Strategic developments", "Looting/property destruction"
    return "Strategic developments", "Other"
