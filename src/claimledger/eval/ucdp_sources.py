"""UCDP GED's ``source_article`` field: the headlines it quotes and the dates of its sources.

The field lists the news items an event was coded from, in three forms over the years:

- ``"Xinhua News Agency,2015-05-25,Infighting between Taliban, IS claim 27 lives";"Reuters,2015-05-26,..."``
  (one quoted ``source,date,headline`` triple per item, ``;``-separated; the last one may be cut short);
- ``AP, 2007-06-17, "35 killed in bomb attack on police bus in Kabul", Reuters, 2007-06-20, "..."``;
- ``AFP 11 Nov 2001 "Anti-Taliban opposition claim key victories" /(2)Tolo TV, Kabul, in Dari 1000 gmt 6
  Mar 10 /AP 7 March 2010 "Dozens killed in clashes"`` (``/``-separated; many items have no headline).

``parse_sources`` returns the headlines (the quoted text, without the source and date of the triple form and
without an author line) and every source date it can read. The outlets' own names and places ("Tolo TV,
Kabul") are not headlines: they say where a story was filed, not where the event happened.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})\b")
_COMPACT = re.compile(r"\bR\s+(\d{2})(\d{2})(\d{2})\b")  # Reuters' "R 180506" (day, month, two-digit year)
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})\s+(\d{4})\b")  # "18/9 2001"
# A quoted item; the last one may have lost its closing quote when the field was cut short.
_QUOTED = re.compile(r'"([^"]*)(?:"|$)')
# The triple form's "source,YYYY-MM-DD," before a headline.
_TRIPLE_HEAD = re.compile(r"^[^,]{1,80},\s*\d{4}-\d{2}-\d{2}\s*,\s*")
# A triple cut short inside its date ("Agence France Presse,2018-"): no headline left.
_CUT_TRIPLE = re.compile(r"^[^,]{1,80},\s*[\d\-]*$")
# An apostrophe that an encoding step turned into "?" ("Helmand?s Khanshin district").
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=s\b)")
# A blank line ends a headline: what follows is an author line ("AU  Farid Behbud").
_BLANK_LINE = re.compile(r"\n\s*\n")
_EDITORIAL = re.compile(
    r"^(?:(?:\d+(?:st|nd|rd|th)\s+LD(?:\s*,?\s*Writethru)?|Urgent|Roundup|News Analysis|"
    r"(?:REFILE-)?UPDATE\s*\d*|WRAPUP\s*\d*|REFILE|CORRECTED)\s*[:\-]\s*)+",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\]]*\]?")  # "[Corrected 11/11/01]" (its closing bracket may be cut off)
_MIN_HEADLINE_LETTERS = 8


@dataclass(frozen=True, slots=True)
class Sources:
    headlines: tuple[str, ...]
    dates: tuple[dt.date, ...]

    @property
    def earliest(self) -> dt.date | None:
        return min(self.dates) if self.dates else None


def parse_sources(source_article: str, source_dates: str | None = None) -> Sources:
    """The headlines and source dates of a ``source_article`` field (``source_dates``: the separate
    ``source_date`` field, ``;``-separated ISO dates, where the data has it)."""
    headlines: list[str] = []
    for m in _QUOTED.finditer(source_article):
        text = _clean_headline(m.group(1))
        if text and text not in headlines:
            headlines.append(text)
    dates = [d for d in _dates(source_dates or "") if d is not None]
    if not dates:
        dates = [d for d in _dates(source_article) if d is not None]
    return Sources(tuple(headlines), tuple(sorted(set(dates))))


def _clean_headline(raw: str) -> str:
    text = _BLANK_LINE.split(raw, maxsplit=1)[0]
    text = text.strip()
    if _CUT_TRIPLE.match(text):
        return ""
    text = _LOST_APOSTROPHE.sub("'", _TRIPLE_HEAD.sub("", text))
    text = _BRACKETED.sub(" ", text)
    text = _EDITORIAL.sub("", " ".join(text.split())).strip(" ,;/")
    if sum(c.isalpha() for c in text) < _MIN_HEADLINE_LETTERS:
        return ""
    return text


def _dates(text: str) -> list[dt.date | None]:
    out: list[dt.date | None] = []
    for m in _ISO_DATE.finditer(text):
        out.append(_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        if month is not None:
            out.append(_date(_year(m.group(3)), month, int(m.group(1))))
    for m in _COMPACT.finditer(text):
        out.append(_date(_year(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _SLASHED.finditer(text):
        out.append(_date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    return out


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
