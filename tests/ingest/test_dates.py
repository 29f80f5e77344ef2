from __future__ import annotations

import datetime as dt

import pytest

from claimledger.errors import InputError
from claimledger.ingest.dates import parse_published

UTC = dt.UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-09-06", dt.date(2021, 9, 6)),
        ("  2021-09-06 ", dt.date(2021, 9, 6)),
        ("20210906", dt.date(2021, 9, 6)),
        ("2021-09-06T10:00:00Z", dt.datetime(2021, 9, 6, 10, 0, tzinfo=UTC)),
        (
            "2021-09-06T10:00:00+04:30",
            dt.datetime(2021, 9, 6, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=4.5))),
        ),
        ("2021-09-06 10:00", dt.datetime(2021, 9, 6, 10, 0)),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_published(value: object, expected: object) -> None:
    result = parse_published(value, "a.jsonl:1")
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2021-13-45", "invalid 'published' date '2021-13-45'"),
        ("6 September 2021", "invalid 'published' date '6 September 2021'"),
        ("yesterday", "invalid 'published' date 'yesterday'"),
        (20210906, "invalid 'published' value 20210906"),
        (["2021-09-06"], "invalid 'published' value ['2021-09-06']"),
    ],
)
def test_unparseable_published_names_the_value(value: object, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        parse_published(value, "records.jsonl:3")
    assert info.value.origin == "records.jsonl:3"
    assert fragment in info.value.reason
