"""extract.io.dates: every date as ISO 8601."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.io.dates import iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-12", "2025-04-12"),
        ("2025-04", "2025-04"),
        ("2025", "2025"),
        ("12 April 2025", "2025-04-12"),
        ("Apr 12, 2025", "2025-04-12"),
        ("2022-08-02T14:37:00Z", "2022-08-02T14:37:00+00:00"),
        ("2019-06-11T05:00:00+0100", "2019-06-11T05:00:00+01:00"),
        ("Tue, 02 Aug 2022 14:37:00 GMT", "2022-08-02T14:37:00+00:00"),
        ("2024-05-19 19:00", "2024-05-19T19:00:00"),
        (dt.date(2024, 1, 2), "2024-01-02"),
        (dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc), "2024-01-02T03:04:05+00:00"),
        (0, "1970-01-01T00:00:00+00:00"),
        ("", ""),
        (None, ""),
        ("yesterday", ""),
        ("Monday 3 March", ""),  # no year: too vague
        ("2025-13-01", ""),
        ("2025-02-30", ""),
        ("0001-01-01", ""),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_iso_dates_sort_as_dates():
    dates = [iso_date(v) for v in ("3 March 2025", "2025-03-03T08:00:00Z", "2024-12-31")]
    assert sorted(dates) == ["2024-12-31", "2025-03-03", "2025-03-03T08:00:00+00:00"]
