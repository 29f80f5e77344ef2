"""Small packaged lexicons: country demonyms and the channels through which a statement reaches the public.

Both live as TSV files under ``claimledger/data/`` and are read only by the explicit ``load_*`` functions;
the ``Demonyms`` and ``Channels`` constructors take already-parsed rows and do no I/O.

Matching is case-insensitive and ignores diacritics ("Burkinabe" finds "Burkinabé"), with one exception:
demonym forms written as upper-case acronyms ("US", "U.S.", "UK", "UAE", "DRC") only match input written
in upper case, so the pronoun "us" is never taken for the United States.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimledger.errors import DataFileError

log = logging.getLogger(__name__)

DEMONYMS_FILE = "demonyms.tsv"
CHANNELS_FILE = "channels.tsv"
DEMONYM_COLUMNS = ("iso2", "country", "adjectives", "nouns")
CHANNEL_COLUMNS = ("pattern", "channel")

_ISO2 = re.compile(r"[A-Z]{2}")
_DASHES = re.compile(r"[-\u2010-\u2015\u2212]")
_EDGE_PUNCT = "\"'“”‘’«»()[]{},.;:!?"


def normalize(text: str) -> str:
    """Matching key of ``text``: diacritics dropped, case-folded, dashes as spaces, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_DASHES.sub(" ", stripped).casefold().split())


def _acronym_key(form: str) -> str | None:
    """``form`` without dots and spaces when it is an upper-case acronym ("U.S." -> "US"), else None."""
    letters = form.replace(".", "").replace(" ", "")
    if letters.isalpha() and letters.isupper():
        return letters
    return None


@dataclass(frozen=True, slots=True)
class DemonymRow:
    """One sovereign state: its ISO 3166-1 alpha-2 code, English short name and demonymic forms."""

    iso2: str
    country: str
    adjectives: tuple[str, ...]
    nouns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Demonyms:
    """Demonym lookup: "Pakistani" / "Pakistanis" -> ("PK",); "Congolese" -> ("CD", "CG")."""

    rows: tuple[DemonymRow, ...]
    _by_form: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _by_acronym: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _names: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, list[str]] = {}
        by_acronym: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for row in self.rows:
            names.setdefault(row.iso2, row.country)
            for form in (*row.adjectives, *row.nouns):
                acronym = _acronym_key(form)
                table, key = (by_acronym, acronym) if acronym else (by_form, normalize(form))
                codes = table.setdefault(key, [])
                if row.iso2 not in codes:
                    codes.append(row.iso2)
        object.__setattr__(self, "_by_form", {k: tuple(sorted(v)) for k, v in by_form.items()})
        object.__setattr__(self, "_by_acronym", {k: tuple(sorted(v)) for k, v in by_acronym.items()})
        object.__setattr__(self, "_names", names)

    def lookup(self, word: str) -> tuple[str, ...]:
        """ISO2 codes of the states ``word`` (an adjective or a singular/plural noun) names; () if none."""
        codes = self._by_form.get(normalize(word), ())
        acronym = _acronym_key(word.strip())
        if acronym is not None:
            extra = self._by_acronym.get(acronym, ())
            codes = tuple(sorted({*codes, *extra})) if codes else extra
        return codes

    def is_ambiguous(self, word: str) -> bool:
        """True when ``word`` names more than one state ("Congolese", "Korean", "Dominican")."""
        return len(self.lookup(word)) > 1

    def country_name(self, iso2: str) -> str | None:
        """The English short name of the state with code ``iso2`` (any case), or None if unknown."""
        return self._names.get(iso2.strip().upper())

    def forms(self) -> tuple[str, ...]:
        """Every surface form in the lexicon, longest first (for scanning text with a phrase matcher)."""
        seen = dict.fromkeys(form for row in self.rows for form in (*row.adjectives, *row.nouns))
        return tuple(sorted(seen, key=lambda form: (-len(form), form)))


@dataclass(frozen=True, slots=True)
class ChannelRow:
    """A lower-case phrase ("state television") and the channel it names ("television")."""

    pattern: str
    channel: str


def _channel_key(text: str) -> str:
    words = (word.strip(_EDGE_PUNCT) for word in normalize(text).split())
    return " ".join(word for word in words if word)


@dataclass(frozen=True, slots=True)
class Channels:
    """How an utterance reaches the public: "a tweet" -> "Twitter", "state television" -> "television"."""

    rows: tuple[ChannelRow, ...]
    _by_pattern: dict[str, str] = field(init=False, repr=False, compare=False)
    _max_words: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_pattern: dict[str, str] = {}
        for row in self.rows:
            by_pattern.setdefault(_channel_key(row.pattern), row.channel)
        object.__setattr__(self, "_by_pattern", by_pattern)
        object.__setattr__(self, "_max_words", max((len(k.split()) for k in by_pattern), default=0))

    def lookup(self, phrase: str) -> str | None:
        """The channel of ``phrase``: the longest known pattern that ends it (the whole phrase, ..., its
        last word), or None. "a news conference" -> "press conference", "her Facebook post" -> "Facebook".
        """
        words = _channel_key(phrase).split()
        for start in range(max(0, len(words) - self._max_words), len(words)):
            channel = self._by_pattern.get(" ".join(words[start:]))
            if channel is not None:
                return channel
        return None

    def channels(self) -> tuple[str, ...]:
        """The distinct channel names, in file order."""
        return tuple(dict.fromkeys(row.channel for row in self.rows))


# --- loading -------------------------------------------------------------------------------------------


def _read_text(path: Path | None, packaged: str) -> tuple[str, str]:
    """(origin, text) of ``path``, or of the packaged data file ``packaged`` when ``path`` is None."""
    source = resources.files("claimledger") / "data" / packaged if path is None else path
    origin = str(source)
    try:
        return origin, source.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{origin}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise DataFileError(f"{origin}: cannot read the data file: {exc.strerror or exc}") from exc


def _records(origin: str, text: str, columns: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each data row after the header; blank lines and ``#`` comments skipped."""
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != tuple(columns):
                raise DataFileError(
                    f"{origin}:{lineno}: expected the header {'<TAB>'.join(columns)!r}, found {line!r}"
                )
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataFileError(
                f"{origin}:{lineno}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(cells)}"
            )
        yield lineno, [cell.strip() for cell in cells]
    if not header_seen:
        raise DataFileError(f"{origin}: empty data file (no header {'<TAB>'.join(columns)!r})")


def _split_forms(origin: str, lineno: int, column: str, cell: str, required: bool) -> tuple[str, ...]:
    if not cell:
        if required:
            raise DataFileError(f"{origin}:{lineno}: the {column} column is empty")
        return ()
    forms = tuple(form.strip() for form in cell.split("|"))
    if any(not form for form in forms):
        raise DataFileError(f"{origin}:{lineno}: empty item in the {column} column {cell!r}")
    return forms


def parse_demonyms(origin: str, text: str) -> tuple[DemonymRow, ...]:
    """Parse the demonyms TSV ``text`` (``origin`` names it in errors)."""
    rows: list[DemonymRow] = []
    first_line: dict[str, int] = {}
    for lineno, (iso2, country, adjectives, nouns) in _records(origin, text, DEMONYM_COLUMNS):
        if not _ISO2.fullmatch(iso2):
            raise DataFileError(f"{origin}:{lineno}: iso2 {iso2!r} is not a two-letter upper-case code")
        if iso2 in first_line:
            raise DataFileError(f"{origin}:{lineno}: iso2 {iso2!r} already given on line {first_line[iso2]}")
        if not country:
            raise DataFileError(f"{origin}:{lineno}: the country column is empty")
        first_line[iso2] = lineno
        rows.append(
            DemonymRow(
                iso2=iso2,
                country=country,
                adjectives=_split_forms(origin, lineno, "adjectives", adjectives, required=True),
                nouns=_split_forms(origin, lineno, "nouns", nouns, required=False),
            )
        )
    return tuple(rows)


def parse_channels(origin: str, text: str) -> tuple[ChannelRow, ...]:
    """Parse the channels TSV ``text`` (``origin`` names it in errors)."""
    rows: list[ChannelRow] = []
    first_line: dict[str, int] = {}
    for lineno, (pattern, channel) in _records(origin, text, CHANNEL_COLUMNS):
        if not pattern or not channel:
            raise DataFileError(f"{origin}:{lineno}: empty pattern or channel")
        key = _channel_key(pattern)
        if key != pattern:
            raise DataFileError(
                f"{origin}:{lineno}: pattern {pattern!r} is not in normalized lower case (write {key!r})"
            )
        if key in first_line:
            raise DataFileError(
                f"{origin}:{lineno}: pattern {pattern!r} already given on line {first_line[key]}"
            )
        first_line[key] = lineno
        rows.append(ChannelRow(pattern=pattern, channel=channel))
    return tuple(rows)


def load_demonyms(path: Path | None = None) -> Demonyms:
    """Load the demonym lexicon from ``path``, or from the packaged ``data/demonyms.tsv``.

    Raises DataFileError naming the file (and line) when it is missing or malformed.
    """
    origin, text = _read_text(path, DEMONYMS_FILE)
    rows = parse_demonyms(origin, text)
    log.debug("loaded %d demonym rows from %s", len(rows), origin)
    return Demonyms(rows)


def load_channels(path: Path | None = None) -> Channels:
    """Load the channel lexicon from ``path``, or from the packaged ``data/channels.tsv``.

    Raises DataFileError naming the file (and line) when it is missing or malformed.
    """
    origin, text = _read_text(path, CHANNELS_FILE)
    rows = parse_channels(origin, text)
    log.debug("loaded %d channel patterns from %s", len(rows), origin)
    return Channels(rows)
