"""Words of English time expressions and the regular-expression fragments built from them.

Plain constants only: the compiled patterns live in the modules that use them.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tues": 1,
    "tue": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thurs": 3,
    "thur": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "couple of": 2,
    "a couple of": 2,
}

# Vague quantities: (fewest, most) units.
VAGUE: dict[str, tuple[int, int]] = {
    "few": (2, 4),
    "a few": (2, 4),
    "several": (3, 7),
    "some": (2, 7),
    "": (1, 7),
}

# Seasons (northern hemisphere): first month and length in months.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 3),
    "summer": (6, 3),
    "autumn": (9, 3),
    "fall": (9, 3),
    "winter": (12, 3),
}


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest words first so that a prefix never wins."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


MONTH_ALT = _alternation(list(MONTHS))
MONTH_FULL_ALT = _alternation([w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")])
MONTH_ABBR_ALT = _alternation([w for w in MONTHS if len(w) <= 4 and w not in ("june", "july", "may")])
WEEKDAY_ALT = _alternation(list(WEEKDAYS))
WEEKDAY_FULL_ALT = _alternation([w for w in WEEKDAYS if w.endswith("day")])
NUMBER_ALT = _alternation([w for w in NUMBERS if " " not in w and w not in ("a", "an")])

# A month word (an abbreviation with its full stop: ``Sept.``), a four-digit year, a day of the month.
MONTH_RE = rf"(?:(?:{MONTH_FULL_ALT})\b|(?:{MONTH_ABBR_ALT})\b\.?)"
YEAR4_RE = r"(?:1[89]\d{2}|2[01]\d{2})"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night)"
