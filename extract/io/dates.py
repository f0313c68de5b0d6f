"""Dates as ISO 8601, whatever form a page, feed, CSV or JSON line gives them in.

``2025-04-12``, ``12 April 2025``, ``Apr 12, 2025`` → ``2025-04-12``; ``2022-08-02T14:37:00Z``,
``Tue, 02 Aug 2022 14:37:00 GMT`` → ``2022-08-02T14:37:00+00:00``. A date stays a date (no invented
midnight), a time keeps its UTC offset when one is given, so string order is date order and
``--since``/``--until`` prefixes (``2025``, ``2025-04``) select on it. Parsing is python-dateutil's.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as _dateutil

#: ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` as given are kept at that precision.
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
#: Does the text carry a time of day (``14:37``, ``2 p.m.``, ``T14``)?
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.?m\b|\dT\d", re.IGNORECASE)
#: Years outside this range are typos or placeholders ("0001-01-01"), not publication dates.
YEARS = (1800, 2200)


def iso_date(value: object) -> str:
    """``value`` as ISO 8601 (``YYYY[-MM[-DD]]`` or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]``); "" when it is no date.

    Accepts strings, ``datetime``/``date`` objects and Unix timestamps (int/float seconds).
    """
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return _format(value, has_time=True)
    if isinstance(value, dt.date):
        return value.isoformat() if _year_ok(value.year) else ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return _format(dt.datetime.fromtimestamp(float(value), tz=dt.timezone.utc), has_time=True)
        except (OverflowError, OSError, ValueError):
            return ""
    text = " ".join(str(value).split())
    if not text or len(text) > 100:
        return ""
    partial = _PARTIAL.match(text)
    if partial:
        year, month, day = partial.groups()
        if not _year_ok(int(year)) or (month and not 1 <= int(month) <= 12):
            return ""
        if day:
            try:
                dt.date(int(year), int(month), int(day))
            except ValueError:
                return ""
        return text
    try:
        parsed = _dateutil.isoparse(text)
    except (ValueError, OverflowError):
        try:
            parsed = _dateutil.parse(text, fuzzy=False, default=dt.datetime(1, 1, 1))
        except (ValueError, OverflowError, TypeError):
            return ""
        if parsed.year == 1:  # no year in the text ("Monday 3 March"): too vague to keep
            return ""
    return _format(parsed, has_time=bool(_HAS_TIME.search(text)))


def _year_ok(year: int) -> bool:
    return YEARS[0] <= year <= YEARS[1]


def _format(moment: dt.datetime, *, has_time: bool) -> str:
    if not _year_ok(moment.year):
        return ""
    if not has_time:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat()
