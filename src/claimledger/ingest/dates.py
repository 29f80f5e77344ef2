"""Publication dates of inputs: ISO dates and datetimes."""

from __future__ import annotations

import datetime as dt
import re

from claimledger.errors import InputError

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")


def parse_published(value: object, origin: str) -> dt.date | dt.datetime | None:
    """Parse a publication date: ``2021-09-06`` gives a date, ``2021-09-06T10:00:00Z`` a datetime.

    ``None`` and an empty string give ``None``. Anything else that is not an ISO date or datetime
    raises ``InputError`` naming ``origin`` and the value. The CLI may call this with
    ``origin="--published"``.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            origin,
            f"invalid 'published' value {value!r}: expected an ISO date string such as 2021-09-06",
        )
    text = value.strip()
    if not text:
        return None
    try:
        if _DATE_ONLY.fullmatch(text):
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            origin,
            f"invalid 'published' date {value!r}: expected an ISO date or datetime "
            "such as 2021-09-06 or 2021-09-06T10:00:00Z",
        ) from None
