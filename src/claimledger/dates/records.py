"""The result and context types of time normalisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimledger.dates.calendar import Tense
from claimledger.types import Granularity


@dataclass(frozen=True, slots=True)
class Normalised:
    """A resolved time: the inclusive days ``start..end`` and the expression's granularity."""

    start: dt.date
    end: dt.date
    granularity: Granularity


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is resolved against.

    published: the publication date, for deictic words ("yesterday", "last week"); may be None.
    pivot: the date that a day or month without a year, or a weekday, is placed relative to
    (normally ``published``). tense: of the clause the expression is in.
    """

    published: dt.date | None
    pivot: dt.date | None
    tense: Tense = "unknown"
