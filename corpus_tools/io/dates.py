"""Reading dates: never guessed, with the precision of what was written.

``2023-10-19``, ``2023-10``, ``2023``, ``October 19, 2023`` and ISO timestamps
parse; a numeric day/month date parses only when one order is possible; any
other refusal is a :class:`~corpus_tools.errors.MetadataError` naming the
file, row, column, value and fix.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from ..errors import (
    CorpusValueError,
    MetadataError,
)
from .columns import is_missing

PRECISIONS = ("year", "month", "week", "day", "time")


_YEAR_RE = re.compile(r"^\s*\d{4}(?:\.0+)?\s*$")  # 1946, or 1946.0 from a float column
_MONTH_RE = re.compile(r"^\s*(\d{4}[-/.]\d{1,2}|[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{1,2}[-/.]\d{4})\s*$")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
# day and month as two numbers before the year: 02/11/2023, 2.11.23, 11-02-2023 10:00
_NUMERIC_DATE_RE = re.compile(r"(\d{1,2})([/.\- ])(\d{1,2})\2(\d{2,4})(?=$|[\sT,])")
_FOUR_DIGITS_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: 20030219: a year 1800-2099, a month and a day written without separators
_COMPACT_RE = re.compile(r"^(18|19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\.0+)?$")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
#: the dates a ``datetime64[ns]`` column can hold (pandas' limits, rounded inwards)
_DATE_MIN = pd.Timestamp("1677-09-22")
_DATE_MAX = pd.Timestamp("2262-04-11")
#: seconds (9-10 digits) or milliseconds (12-13) since 1970, as crawlers and APIs write them
#: (a float column writes 1739180940123 as 1739180940123.0)
EPOCH_RE = re.compile(r"^\d{9,10}(\.\d+)?$|^\d{12,13}(\.0*)?$")
#: the date_format that reads Unix timestamps (the unit told by the number of digits)
EPOCH = "epoch"
#: the date_format entry that loads a row whose date no rule or format reads undated (named in
#: one warning per table) instead of stopping: ``date_format=["%m/%d/%y", "undated"]``
UNDATED = "undated"
_DATE_HELP = (
    "write dates as YYYY-MM-DD (or YYYY-MM, YYYY, 'October 19, 2023'), or pass "
    'date_format= to load_corpus (e.g. date_format="%d.%m.%Y")'
)


class DateProblem(str):
    """Why a date string was refused: the tail of the MetadataError message."""


class NoDayProblem(DateProblem):
    """A date cell that names no day at all, whatever the format: a placeholder outside what
    pandas can store (``0001-11-30``, ``9999-12-31``) or a date relative to the day a page was
    saved (``yesterday, 4:25``, ``3 hours ago``). A table row with one is loaded undated
    (:func:`parse_date` with ``unread=``), not a stop."""


class UnreadProblem(NoDayProblem):
    """A date cell no rule or format reads, in a table loaded with ``"undated"`` among its
    ``date_format``: its row is loaded undated like a :class:`NoDayProblem`'s."""


#: dates relative to the day a page was saved, in the languages of the month names: no day
#: can be read from them without that day ("yesterday, 4:25", "3 hours ago", "vor 2 Tagen")
_RELATIVE_RE = re.compile(
    r"^\W*(?:today|yesterday|tonight|just now|now|an? (?:second|minute|hour|day|week|month|year)"
    r" ago|\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?|"
    r"months?|y|years?)\s+ago|last (?:week|month|year|night)|heute|gestern|vorgestern|vor \d+ "
    r"\w+|aujourd'hui|hier|avant-hier|il y a \d+ \w+|hoy|ayer|anteayer|hace \d+ \w+|hoje|"
    r"ontem|anteontem|h[áa] \d+ \w+|oggi|ieri|\d+ \w+ fa|vandaag|gisteren|\d+ \w+ geleden|"
    r"bug[üu]n|d[üu]n|\d+ \w+ [öo]nce|сегодня|вчера|\d+ \w+ назад)"
    # then at most a time of day: "yesterday, 4:25", "Today at 10:00 am", "hier à 10h30"
    r"(?:[\s,]*(?:at|à|um|a las|às|alle|om|saat|в)?\s*\d{1,2}(?:[:.h]\d{2})?\s*"
    r"(?:[ap]\.?m\.?|h|uhr|hs)?)?\W*$",
    re.IGNORECASE,
)


def parse_date(
    value: Any,
    *,
    where: str,
    row: int,
    column: str,
    unit: str = "row",
    date_format: Any = None,
    unread: list[tuple[int, str, DateProblem]] | None = None,
) -> tuple[pd.Timestamp, str | None]:
    """Parse one date cell; return (naive UTC Timestamp or NaT, precision).

    Raises MetadataError naming ``where``, the row, the column, the value and
    the fix: for an unparseable date, a day/month order that cannot be told
    (``02/11/2023`` without ``date_format``), or a date outside what pandas
    can store (year 1, year 9999). With ``unread`` (a list), a cell that names
    no day in any format (:class:`NoDayProblem`: a placeholder such as year 1,
    or "yesterday, 4:25") gives NaT and ``(row, value, problem)`` is appended;
    so does any refused cell when ``date_format`` holds ``"undated"``. ``date_format``
    may list several formats, tried in order (:func:`_parse_with_formats`).

    >>> got = []
    >>> parse_date("yesterday, 4:25", where="f.csv", row=3, column="Date", unread=got)
    (NaT, None)
    >>> got[0][:2], got[0][2][:45]
    ((3, 'yesterday, 4:25'), "the date 'yesterday, 4:25' is relative to the")
    """
    if is_missing(value):
        return pd.NaT, None
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "year"):
        try:
            ts = pd.Timestamp(value)
        except (ValueError, OverflowError) as exc:
            raise MetadataError(
                f"{where} {unit} {row}, column {column!r}: cannot use the date {value!r} ({exc})."
            ) from None
        if ts is pd.NaT:
            return pd.NaT, None
        ts = ts.tz_convert("UTC").tz_localize(None) if ts.tzinfo is not None else ts
        problem = out_of_range(ts, str(value))
        if problem is not None:
            return _refused(problem, str(value), where, unit, row, column, unread)
        return ts, "day" if ts == ts.normalize() else "time"
    if isinstance(date_format, list) or date_format == UNDATED:
        date_format = tuple(date_format) if isinstance(date_format, list) else (UNDATED,)
    s = str(value).strip()
    key = (s, date_format)
    parsed = _DATE_CACHE.get(key)
    if parsed is None:
        parsed = _parse_date_str(s, date_format)
        if len(_DATE_CACHE) < _DATE_CACHE_MAX:  # bounded: unique timestamps must not grow it
            _DATE_CACHE[key] = parsed
    if isinstance(parsed, DateProblem):
        if unread is not None and isinstance(date_format, tuple) and UNDATED in date_format:
            parsed = UnreadProblem(parsed)  # told to load it undated
        return _refused(parsed, s, where, unit, row, column, unread)
    return parsed


def _refused(
    problem: DateProblem,
    value: str,
    where: str,
    unit: str,
    row: int,
    column: str,
    unread: list[tuple[int, str, DateProblem]] | None,
) -> tuple[pd.Timestamp, None]:
    """NaT for a cell that names no day when the caller collects them, else MetadataError."""
    if unread is not None and isinstance(problem, NoDayProblem):
        unread.append((row, value, problem))
        return pd.NaT, None
    raise MetadataError(f"{where} {unit} {row}, column {column!r}: {problem}")


_ISO_DAY_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def format_matched(value: Any, date_format: Any) -> bool:
    """Whether a date that :func:`parse_date` accepted with ``date_format`` was read by that
    format (an ISO ``YYYY-MM-DD`` date that does not match it is read as ISO instead).

    >>> format_matched("19.10.2023", "%d.%m.%Y"), format_matched("2023-10-19", "%d.%m.%Y")
    (True, False)
    >>> format_matched("2023-10-19 08:00", "%Y-%m-%d %H:%M"), format_matched(None, "%Y")
    (True, False)
    >>> format_matched(1739180940, "epoch"), format_matched("2025-02-10", "epoch")
    (True, False)
    """
    if isinstance(date_format, (list, tuple)):
        formats = [f for f in date_format if f != UNDATED]
        return any(format_matched(value, f) for f in formats) if formats else True
    if date_format == EPOCH and not is_missing(value):
        return bool(EPOCH_RE.match(str(value).strip()))  # a number read from JSON or Parquet
    if not isinstance(value, str) or is_missing(value):
        return False
    s = value.strip()
    if not _ISO_DAY_RE.match(s):
        return True  # accepted, and only the format reads a non-ISO date
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pd.to_datetime(s, format=date_format)
    except (ValueError, OverflowError, TypeError):
        return False
    return True


def check_date_format(date_format: Any) -> None:
    """CorpusValueError naming the fix for a ``date_format`` that cannot read any date: a bad
    ``%`` directive, or no directive at all (``dd/mm/yyyy``).

    >>> check_date_format("%d/%m/%Y")
    >>> check_date_format("%Q")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: date_format='%Q': '%Q' is not a strptime directive; write it with the codes of datetime.strptime: pass e.g. date_format='%d/%m/%Y' (%d day, %m month, %Y year, %H:%M time), or date_format='epoch' for Unix timestamps.
    """
    if isinstance(date_format, (list, tuple)) and date_format:
        for one in date_format:  # several formats, tried in order ("undated": see UNDATED)
            if one != UNDATED:
                check_date_format(one)
        return
    if date_format is None or date_format in ("ISO8601", "mixed", EPOCH, UNDATED):  # named
        return
    fix = (
        "write it with the codes of datetime.strptime: pass e.g. date_format='%d/%m/%Y' "
        "(%d day, %m month, %Y year, %H:%M time), or date_format='epoch' for Unix timestamps."
    )
    if not isinstance(date_format, str) or "%" not in date_format:
        raise CorpusValueError(f"date_format={date_format!r} has no % directive; {fix}")
    try:
        datetime.strptime("", date_format)
    except ValueError as exc:
        bad = re.match(r"'(.)' is a bad directive", str(exc))
        if bad is not None:
            raise CorpusValueError(
                f"date_format={date_format!r}: '%{bad[1]}' is not a strptime directive; {fix}"
            ) from None
        if str(exc).startswith("stray %"):
            raise CorpusValueError(
                f"date_format={date_format!r} ends in a lone '%' (write '%%' for a "
                f"percent sign); {fix}"
            ) from None


_DATE_CACHE: dict[tuple[str, str | None], Any] = {}
_DATE_CACHE_MAX = 100_000


def out_of_range(ts: pd.Timestamp, shown: str) -> DateProblem | None:
    """The problem with ``ts`` (written as ``shown``) if pandas cannot store it, else None."""
    return None if _DATE_MIN <= ts <= _DATE_MAX else _range_problem(shown)


def _range_problem(shown: str) -> DateProblem:
    years = [int(y) for y in _FOUR_DIGITS_RE.findall(shown.translate(_ARABIC_DIGITS))]
    guess = "a placeholder such as year 1 or 9999? Fix the cell or leave it empty."
    if any(1300 <= y <= 1599 for y in years):
        guess = (
            "a year of the Solar Hijri (Persian: 1405 began in March 2026) or the lunar Hijri "
            "(Islamic: 1447 began in June 2025) calendar? Convert the column to Gregorian dates "
            "(a Solar Hijri date written with its month's name, '3 Mehr 1405', is converted on "
            "loading), or leave it empty."
        )
    elif any(2400 <= y <= 2699 for y in years):
        guess = (
            "a Buddhist Era year (Thailand: 2568 is 2025, 543 years ahead)? Convert the column "
            "to Gregorian dates, or leave it empty."
        )
    return NoDayProblem(
        f"the date {shown!r} is outside the range pandas can store "
        f"({_DATE_MIN:%Y-%m-%d} to {_DATE_MAX:%Y-%m-%d}); {guess}"
    )


#: a date that may name a month of another calendar in Latin letters (``3 Mehr 1405``)
_CALENDAR_HINT_RE = re.compile(r"(?<!\d)1[2-5]\d\d(?!\d)")


def other_calendar_date(s: str) -> Any:
    """A date ``day month year`` written in a calendar other than the Gregorian
    (``month_names.yml``'s ``calendars``): the Gregorian day of a Solar Hijri (Persian) date,
    ``(Timestamp, precision)``; a :class:`NoDayProblem` for one of a calendar that is not
    converted (lunar Hijri); None when ``s`` is no such date.

    >>> other_calendar_date("03 Mehr 1405"), other_calendar_date("۳ مهر ۱۴۰۵")
    ((Timestamp('2026-09-25 00:00:00'), 'day'), (Timestamp('2026-09-25 00:00:00'), 'day'))
    >>> other_calendar_date("1 Farvardin 1403, 14:30")
    (Timestamp('2024-03-20 14:30:00'), 'time')
    >>> other_calendar_date("12 Rajab 1447")[:57]
    "the date '12 Rajab 1447' is in the lunar Hijri calendar, "
    >>> other_calendar_date("15 มกราคม 2568"), other_calendar_date("วันที่ 1 ต.ค. พ.ศ. 2567")
    ((Timestamp('2025-01-15 00:00:00'), 'day'), (Timestamp('2024-10-01 00:00:00'), 'day'))
    >>> other_calendar_date("3 May 2024") is None
    True
    """
    m = _calendar_pattern().match(s.translate(_ARABIC_DIGITS).replace("ي", "ی"))
    if m is None:
        return None
    calendar, number = _calendar_months()[m.group(2).lower()]
    year, day = int(m.group(3)), int(m.group(1))
    first, last, converted, offset = _CALENDARS[calendar]
    if not first <= year <= last:
        return None
    if not converted:
        return NoDayProblem(
            f"the date {s!r} is in the {_calendar_label(calendar)} "
            "calendar, whose months begin by moon sighting or a country's tables (they differ "
            "by a day or two), so it is not converted; convert the column to Gregorian dates "
            "by the tables your sources use, or leave it empty"
        )
    if offset is not None:  # the Gregorian months, the year told apart (Buddhist Era)
        try:
            day_ts = pd.Timestamp(datetime(year - offset, number, day))
        except ValueError:  # 31 April: the calendar has no such day
            day_ts = None
    else:
        day_ts = solar_hijri_day(year, number, day)
    if day_ts is None:
        return NoDayProblem(
            f"the date {s!r} names no day: month {number} of the "
            f"{_calendar_label(calendar)} year {year} has no such "
            "day; fix the cell or leave it empty"
        )
    if m.group(4) is None:
        return day_ts, "day"
    return day_ts + pd.Timedelta(hours=int(m.group(4)), minutes=int(m.group(5))), "time"


def _calendar_label(name: str) -> str:
    """``solar_hijri`` -> ``Solar Hijri``, ``lunar_hijri`` -> ``lunar Hijri``."""
    return " ".join(w if w == "lunar" else w.capitalize() for w in name.split("_"))


#: calendar -> (first year, last year, converted, year offset or None), read with the names
_CALENDARS: dict[str, tuple[int, int, bool, int | None]] = {}


@cache
def _calendar_months() -> dict[str, tuple[str, int]]:
    """Each lower-cased month name of ``month_names.yml``'s ``calendars`` -> (calendar,
    month number 1-12)."""
    from .._data import read_yaml
    from ..errors import DataFileError

    data, fname = read_yaml(None, default=MONTH_NAMES_FILE, what="month-name list")
    names: dict[str, tuple[str, int]] = {}
    try:
        for calendar, spec in (data.get("calendars") or {}).items():
            first, last = (int(y) for y in spec["years"])
            offset = int(spec["year_offset"]) if spec.get("year_offset") is not None else None
            _CALENDARS[calendar] = (first, last, bool(spec["converted"]), offset)
            if len(spec["months"]) != 12:
                raise DataFileError(f"{fname}: calendars.{calendar}.months must list 12 months.")
            for number, month in enumerate(spec["months"], start=1):
                for name in month:
                    key = str(name).lower().replace("ي", "ی")
                    if names.get(key, (calendar, number)) != (calendar, number):
                        raise DataFileError(f"{fname}: {name!r} names two months of calendars.")
                    names[key] = (calendar, number)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(
            f"{fname}: calendars needs, per calendar, 'converted', 'years' (first, last) and "
            f"'months' (12 lists of names); {exc!r}"
        ) from None
    return names


@cache
def _calendar_pattern() -> re.Pattern[str]:
    """``[weekday] day month year [time]`` with a month name of another calendar."""
    names = "|".join(re.escape(n) for n in sorted(_calendar_months(), key=len, reverse=True))
    return re.compile(
        rf"^\D*?(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|ام|م)?\s*[-/ ]?\s*({names})(?![^\W\d_])"
        rf"[\s,،/-]*(?:ماه\s+|พ\.\s?ศ\.\s*)?(\d{{4}})(?!\d)\s*(?:ه\.?\s*ش\.?|AP|SH|هـ?\.?ق\.?|AH)?"
        r"(?:[\s,،T-]*(?:ساعت|at)?\s*(\d{1,2}):(\d{2})(?::\d{2})?)?\s*$",
        re.IGNORECASE,
    )


#: the years of the Solar Hijri calendar's 33-year cycles of leap years, between which the
#: rule changes (Borkowski's algorithm, as the jalaali-js and jdatetime packages use it; right
#: against the official calendar for the years 1178-1633)
_JALALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097)


def _tdiv(a: int, b: int) -> int:
    """Division truncated toward zero, as the algorithm is written."""
    return int(a / b)


def _jalali_new_year(year: int) -> tuple[int, int, bool]:
    """``(Gregorian year, March day of 1 Farvardin, leap)`` of a Solar Hijri year."""
    gy = year + 621
    leap_j, jp, jump = -14, _JALALI_BREAKS[0], 0
    for jm in _JALALI_BREAKS[1:]:
        jump = jm - jp
        if year < jm:
            break
        leap_j += _tdiv(jump, 33) * 8 + _tdiv(jump % 33, 4)
        jp = jm
    n = year - jp
    leap_j += _tdiv(n, 33) * 8 + _tdiv(n % 33 + 3, 4)
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _tdiv(gy, 4) - _tdiv((_tdiv(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _tdiv(jump + 4, 33) * 33
    leap = (((n + 1) % 33) - 1) % 4
    return gy, march, leap == 0


def solar_hijri_day(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The Gregorian day of a Solar Hijri date, or None when the calendar has no such day.

    >>> solar_hijri_day(1403, 1, 1), solar_hijri_day(1402, 10, 1), solar_hijri_day(1405, 7, 3)
    (Timestamp('2024-03-20 00:00:00'), Timestamp('2023-12-22 00:00:00'), Timestamp('2026-09-25 00:00:00'))
    >>> solar_hijri_day(1403, 12, 30), solar_hijri_day(1404, 12, 30)
    (Timestamp('2025-03-20 00:00:00'), None)
    """
    gy, march, _ = _jalali_new_year(year)
    length = 31 if month <= 6 else 30 if month <= 11 else 29 + _jalali_new_year(year)[2]
    if not (1 <= month <= 12 and 1 <= day <= length):
        return None
    offset = (month - 1) * 31 - (month // 7) * (month - 7) + day - 1
    return pd.Timestamp(year=gy, month=3, day=march) + pd.Timedelta(days=offset)


def _format_precision(fmt: str) -> str:
    """Precision implied by a strftime format: the finest field it names."""
    codes = set(re.findall(r"%-?([a-zA-Z])", fmt))
    if codes & set("HIMSfpXTcsz"):
        return "time"
    if codes & set("djaAuwxD"):
        return "day"
    if codes & set("UWV"):
        return "week"
    if codes & set("mbBh"):
        return "month"
    return "year"


def _swap_problem(s: str, m: re.Match[str]) -> DateProblem | str:
    """Refuse a numeric date whose day/month order is unknown, else rewrite it as ISO."""
    a, sep, b, y = int(m[1]), m[2], int(m[3]), m[4]
    sep_shown = " " if sep == " " else sep
    year_code = "%Y" if len(y) == 4 else "%y"
    day_first = f"%d{sep_shown}%m{sep_shown}{year_code}"
    month_first = f"%m{sep_shown}%d{sep_shown}{year_code}"
    fix = (
        f'pass date_format="{day_first}" (day first) or date_format="{month_first}" '
        "(month first) to load_corpus, or write ISO dates (YYYY-MM-DD)"
    )
    if len(y) != 4:
        return DateProblem(
            f"the date {s!r} has a two-digit year, so which number is the year, the month and "
            f"the day is a guess; {fix}."
        )
    if a <= 12 and b <= 12 and a != b:
        return DateProblem(
            f"the date {s!r} is ambiguous: it could be {a} {_MONTH_NAMES[b - 1]} {y} or "
            f"{b} {_MONTH_NAMES[a - 1]} {y}; {fix}."
        )
    day, month = (a, b) if a > 12 or a == b else (b, a)
    return f"{y}-{month:02d}-{day:02d}{s[m.end() :]}"


#: an English month name or abbreviation in capitals (Reuters-21578: '26-FEB-1987 15:02:20.00')
_CAPS_MONTH_RE = re.compile(
    r"\b(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b"
)


def _title_month(m: re.Match[str]) -> str:
    return m.group(0).title()


#: a time zone written as letters after a date's clock time ("Aug 29, 2017 5:11 p.m. ET",
#: "Oct 3, 2019 10:00 AM EDT"): the fixed offsets in hours of US and European abbreviations,
#: and the US generic names, read in their zone's summer or winter time of that day. Names
#: that mean two zones in news (CST: US Central or China; BST: British Summer or Bangladesh;
#: IST: India, Ireland or Israel) are not read: such a date stops as before, named
_ZONE_HOURS = {
    "UTC": 0.0, "GMT": 0.0, "Z": 0.0, "CET": 1.0, "CEST": 2.0, "EET": 2.0, "EEST": 3.0,
    "EST": -5.0, "EDT": -4.0, "CDT": -5.0, "MST": -7.0, "MDT": -6.0, "PST": -8.0,
    "PDT": -7.0,
}  # fmt: skip
_ZONE_NAMES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}  # fmt: skip
_ZONE_RE = re.compile(
    r"(?<=\d|[mM.])\s+("
    + "|".join(sorted({*_ZONE_HOURS, *_ZONE_NAMES}, key=len, reverse=True))
    + r")\s*$"
)


def _iso_day(s: str, m: re.Match[str]) -> Any:
    """The day ``YYYY-MM-DD`` names, or the problem when the calendar has no such day."""
    try:
        return _finish_ts(pd.Timestamp(int(m[1]), int(m[2]), int(m[3])), "day", s)
    except ValueError:  # 2017-11-31: written right, but the calendar has no such day
        return DateProblem(
            f"cannot parse the date {s!r} (year-month-day: the calendar has no such day); "
            "correct the value in the file, or empty the cell to load the row undated."
        )


def _zoned(s: str) -> Any:
    """A date whose clock time ends with a zone abbreviation (``_ZONE_RE``), read in that zone
    as UTC; None when it has none, or no time of day before it (not read here)."""
    m = _ZONE_RE.search(s) if _TIME_RE.search(s) else None
    if m is None:
        return None
    parsed = _parse_date_str(s[: m.start()].rstrip(" ,"))
    if not isinstance(parsed, tuple) or parsed[1] != "time":
        return None
    name = m[1]
    if name in _ZONE_HOURS:
        ts = parsed[0] - pd.Timedelta(hours=_ZONE_HOURS[name])
    else:
        local = parsed[0].tz_localize(
            ZoneInfo(_ZONE_NAMES[name]), ambiguous=True, nonexistent="shift_forward"
        )
        ts = local.tz_convert("UTC").tz_localize(None)
    return _finish_ts(ts, "time", s)


def _parse_date_str(s: str, date_format: Any = None) -> Any:
    """Parse one stripped date string: (naive UTC Timestamp or NaT, precision) or a DateProblem.

    Pure function of ``(s, date_format)`` (so results are cached per distinct
    string). With ``date_format`` the string must match it (or be an ISO
    ``YYYY-MM-DD...`` date). Without,
    ``YYYY-MM-DD`` takes a fast path; a date with day and month as numbers
    before the year is read only when one order is possible (``13/11/2023``,
    ``11/13/2023``, ``05/05/2023``) and refused when both are (``02/11/2023``)
    or the year has two digits; eight digits ``YYYYMMDD`` (``20030219``, a year 1800-2099)
    are a day; other forms go to pandas, and a form without a
    four-digit year is refused (dateutil would fill in the current year).
    """
    if _RELATIVE_RE.match(s) and not _FOUR_DIGITS_RE.search(s):
        return _relative_problem(s)
    if date_format is not None:
        return _parse_formatted(s, date_format)
    other = other_calendar_date(s) if not s.isascii() or _CALENDAR_HINT_RE.search(s) else None
    if other is not None:  # "3 Mehr 1405": a month name of another calendar
        return other
    m = _ISO_DAY_RE.fullmatch(s)
    if m is not None:
        return _iso_day(s, m)
    num = _NUMERIC_DATE_RE.match(s)
    if num is not None:
        rewritten = _swap_problem(s, num)
        if isinstance(rewritten, DateProblem):
            return rewritten
        parsed = _parse_date_str(rewritten)
        if isinstance(parsed, DateProblem):  # e.g. 31/02/2023: name the value as written
            fits = format_for(s) if parsed.startswith("cannot parse the date") else []
            return (
                _fits_problem(s, fits)
                if fits
                else type(parsed)(parsed.replace(repr(rewritten), repr(s)))  # NoDay stays
            )
        return parsed
    if EPOCH_RE.match(s):
        return _epoch_problem(s)
    if _COMPACT_RE.match(s):  # 20030219: year, month, day without separators (one order only)
        return _compact_day(s)
    english = english_date(s)
    if english != s:  # "12. März 2024": month names of other languages, read as English ones
        parsed = _parse_date_str(english)
        return (
            type(parsed)(parsed.replace(repr(english), repr(s)))
            if isinstance(parsed, DateProblem)
            else parsed
        )
    if not _FOUR_DIGITS_RE.search(s):
        return _no_year_problem(s)
    zoned = _zoned(s)
    if zoned is not None:
        return zoned
    if _YEAR_RE.match(s):
        prec = "year"
    elif _MONTH_RE.match(s):
        prec = "month"
    else:
        prec = "time" if _TIME_RE.search(s) else "day"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if prec == "year":
                ts = pd.Timestamp(year=int(s.split(".")[0]), month=1, day=1)
            else:
                # 'FEB' in capitals: pandas' format guess reads the minutes as the month
                # ('26-FEB-1987 15:02:20' -> 15:00:20); month names in title case it reads right
                ts = pd.Timestamp(pd.to_datetime(_CAPS_MONTH_RE.sub(_title_month, s)))
    except pd.errors.OutOfBoundsDatetime:
        return _range_problem(s)
    except (ValueError, OverflowError, TypeError):
        fits = format_for(s)
        if fits:
            return _fits_problem(s, fits)
        return DateProblem(f"cannot parse the date {s!r}; {_DATE_HELP}.")
    return _finish_ts(ts, prec, s)


def _epoch_problem(s: str) -> DateProblem:
    unit = "ms" if len(s.split(".")[0]) >= 12 else "s"
    return DateProblem(
        f"cannot parse the date {s!r}: it looks like a Unix timestamp (in {_UNIT_NAMES[unit]}); "
        f'pass date_format="epoch" to load_corpus (command line: --date-format epoch), or '
        f"convert the column first, e.g. df[col] = pandas.to_datetime(df[col], unit={unit!r})."
    )


#: the shipped month and weekday names of other languages (``corpus_tools/data``)
MONTH_NAMES_FILE = "month_names.yml"
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹๐๑๒๓๔๕๖๗๘๙", "012345678901234567890123456789")


@cache
def _foreign_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of every month, weekday and joining word of ``month_names.yml`` (whole
    words, longest first) and each lower-cased one's English replacement ("" to drop)."""
    from .._data import read_yaml
    from ..errors import DataFileError

    data, fname = read_yaml(None, default=MONTH_NAMES_FILE, what="month-name list")
    english: dict[str, str] = {}
    try:
        for language, months in data["months"].items():
            if len(months) != 12:
                raise DataFileError(f"{fname}: months.{language} must list 12 months.")
            for number, names in enumerate(months):
                for name in names:
                    _add_name(english, str(name).lower(), _MONTH_NAMES[number], fname)
        for names in data["weekdays"].values():
            for name in names:
                _add_name(english, str(name).lower(), "", fname)
        for name in data["joiners"]:
            _add_name(english, str(name).lower(), "", fname)
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(
            f"{fname}: needs 'months' (language -> 12 lists of names), 'weekdays' (language -> "
            f"names) and 'joiners' (a list); {exc!r}"
        ) from None
    alternatives = "|".join(re.escape(n) for n in sorted(english, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)
    return pattern, english


def _add_name(english: dict[str, str], name: str, value: str, fname: str) -> None:
    """Record ``name`` -> ``value``, refusing a name given two different meanings."""
    from ..errors import DataFileError

    if english.get(name, value) != value:
        raise DataFileError(
            f"{fname}: {name!r} is both {english[name] or 'a dropped word'} and "
            f"{value or 'a dropped word'}; a name must mean one month in every language."
        )
    english[name] = value


def english_date(s: str) -> str:
    """``s`` with the month names of other languages in English and their weekday names and
    joining words dropped (``s`` itself when it has none); Arabic-Indic digits as 0-9.

    >>> english_date("12. März 2024"), english_date("Montag, 11. Januar 2010")
    ('12. March 2024', '11. January 2010')
    >>> english_date("12 de marzo de 2024"), english_date("12 марта 2024 г.")
    ('12 March 2024', '12 March 2024')
    >>> english_date("2024. március 12."), english_date("12 May 2024"), english_date("Maine 2024")
    ('2024. March 12.', '12 May 2024', 'Maine 2024')
    """
    if s.isascii() and not any(c.isalpha() for c in s):
        return s
    pattern, english = _foreign_names()
    out = pattern.sub(lambda m: english[m.group(0).lower()], s.translate(_ARABIC_DIGITS))
    if out == s:
        return s
    return re.sub(r"\s+", " ", re.sub(r"\s+([,.])", r"\1", out)).strip(" ,")


def _relative_problem(s: str) -> NoDayProblem:
    return NoDayProblem(
        f"the date {s!r} is relative to the day the page was saved, so no day can be "
        "read from it; write the day itself (resolve it against the crawl date) or "
        "leave the cell empty"
    )


def _parse_formatted(s: str, date_format: Any) -> Any:
    """:func:`_parse_date_str` with a ``date_format``: several, ``"epoch"`` or one format."""
    if isinstance(date_format, tuple):
        return _parse_with_formats(s, date_format)
    if date_format == EPOCH:
        return _parse_epoch(s)
    return _parse_with_format(s, date_format)


def _parse_with_formats(s: str, formats: tuple[str, ...]) -> Any:
    """:func:`_parse_date_str` with several formats (a corpus merged from outlets that write
    dates their own way): the first that reads ``s``; an ISO date as ISO; with only
    ``"undated"`` given, the rules without a format.

    >>> fmts = ("%b %d %Y", "%d-%b-%y", "%m/%d/%y", "undated")
    >>> [_parse_with_formats(s, fmts)[0] for s in ("Jul 18 2020", "18-Jul-20", "4/1/02")]
    [Timestamp('2020-07-18 00:00:00'), Timestamp('2020-07-18 00:00:00'), Timestamp('2002-04-01 00:00:00')]
    >>> print(_parse_with_formats("yesterday", ("%b %d %Y", "undated"))[:60])
    the date 'yesterday' is relative to the day the page was sav
    """
    formats_only = [f for f in formats if f != UNDATED]
    if not formats_only:
        return _parse_date_str(s)
    for fmt in formats_only:
        parsed = _parse_date_str(s, fmt)
        if not isinstance(parsed, DateProblem):
            return parsed
        if isinstance(parsed, NoDayProblem):
            return parsed
    lenient = (
        ""
        if UNDATED in formats
        else ", or add 'undated' to the list to load rows whose date no format reads undated"
    )
    return DateProblem(
        f"the date {s!r} matches none of date_format={list(formats)!r} and is not an ISO "
        f"date; add its format to the list, or fix the cell{lenient}."
    )


def _parse_with_format(s: str, date_format: str) -> Any:
    """:func:`_parse_date_str` with a ``date_format`` (an ISO date is read as ISO whatever it is)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ts = pd.Timestamp(pd.to_datetime(s, format=date_format))
    except pd.errors.OutOfBoundsDatetime:
        return _range_problem(s)
    except (ValueError, OverflowError, TypeError):
        if _ISO_DAY_RE.match(s):  # an ISO date is unambiguous whatever the format
            return _parse_date_str(s)
        return DateProblem(
            f"the date {s!r} does not match date_format={date_format!r} and is not an ISO "
            "date; fix the cell or the format (codes as in datetime.strptime)."
        )
    return _finish_ts(ts, _format_precision(date_format), s)


def _no_year_problem(s: str) -> DateProblem:
    """The problem of a date with no four-digit year; with no number at all ('g1.com',
    'Politics'), the column named as the date may be another column."""
    if not any(t.isdigit() for t in re.split(r"[\s,./:-]+", s)):
        return DateProblem(
            f"cannot parse the date {s!r} (no four-digit year); with no number in it, the "
            "column may not hold dates: check the column named as the date "
            f"(date_column=, --date-column), or {_DATE_HELP}; or pass "
            f"date_format=[{UNDATED!r}] (--date-format {UNDATED}) to load the rows whose date "
            "no rule reads undated (published empty, named in one warning)."
        )
    return DateProblem(f"cannot parse the date {s!r} (no four-digit year); {_DATE_HELP}.")


def _fits_problem(s: str, fits: list[str]) -> DateProblem:
    """The problem of a date pandas cannot read but the formats ``fits`` (:func:`format_for`) do."""
    shown = " or ".join(f"date_format={f!r}" for f in fits)
    return DateProblem(
        f"cannot parse the date {s!r}; pass {shown} to load_corpus (read from this date: "
        "check it on the others), or write dates as YYYY-MM-DD."
    )


_PIECE_RE = re.compile(r"\d+|[^\d%]+|%")


def format_for(s: str) -> list[str]:
    """The ``strptime`` formats (day first, then month first when both fit) that read the date
    ``s``: its digits as day, month, a four-digit year and a time ``HH:MM[:SS]``, everything
    else kept as written; ``[]`` when no such format reads it.

    >>> format_for("26/11/2019, 20:51 WIB")
    ['%d/%m/%Y, %H:%M WIB']
    >>> format_for("03.04.2021 um 10:05:09 Uhr")
    ['%d.%m.%Y um %H:%M:%S Uhr', '%m.%d.%Y um %H:%M:%S Uhr']
    >>> format_for("Posted 2021 sometime"), format_for("12/31/2021 | 9:05")
    ([], ['%m/%d/%Y | %H:%M'])
    """
    pieces = _PIECE_RE.findall(s)
    numbers = [i for i, p in enumerate(pieces) if p.isdigit()]
    years = [i for i in numbers if len(pieces[i]) == 4]
    if len(years) != 1:
        return []
    small = [i for i in numbers if i != years[0]]
    on_clock = {i for i in small if ":" in (pieces[i - 1], pieces[min(i + 1, len(pieces) - 1)])}
    day_month = [i for i in small if len(pieces[i]) <= 2 and i not in on_clock][:2]
    clock = [i for i in small if i not in day_month]
    if len(day_month) != 2 or len(clock) > 3 or any(len(pieces[i]) > 2 for i in clock):
        return []
    out = []
    for first, second in (("%d", "%m"), ("%m", "%d")):
        names = {years[0]: "%Y", day_month[0]: first, day_month[1]: second}
        names.update(zip(clock, ("%H", "%M", "%S"), strict=False))
        fmt = "".join(names.get(i, "%%" if p == "%" else p) for i, p in enumerate(pieces))
        try:
            datetime.strptime(s, fmt)
        except ValueError:
            continue
        out.append(fmt)
    return out


def _compact_day(s: str) -> Any:
    """What :func:`_parse_date_str` gives for the day ``YYYYMMDD`` names (``20030219``), or
    the problem (``20030231``)."""
    try:
        ts = pd.Timestamp(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return DateProblem(
            f"cannot parse the date {s!r} (read as year-month-day: no such day); {_DATE_HELP}."
        )
    return _finish_ts(ts, "day", s)


_UNIT_NAMES = {"s": "seconds", "ms": "milliseconds"}


def _parse_epoch(s: str) -> Any:
    """A Unix timestamp: seconds (9-10 digits before any decimals) or milliseconds (12-13), read
    as UTC at ``time`` precision; an ISO ``YYYY-MM-DD`` date reads as ISO; anything else is a
    DateProblem.

    >>> _parse_epoch("1739180940"), _parse_epoch("1739180940123.0")[0]
    ((Timestamp('2025-02-10 09:49:00'), 'time'), Timestamp('2025-02-10 09:49:00.123000'))
    >>> _parse_epoch("2025-02-10")
    (Timestamp('2025-02-10 00:00:00'), 'day')
    """
    if not EPOCH_RE.match(s):
        if _ISO_DAY_RE.match(s):
            return _parse_date_str(s)
        return DateProblem(
            f"the date {s!r} is not a Unix timestamp (date_format='epoch' reads seconds since "
            "1970 with 9-10 digits, e.g. 1739180940, or milliseconds with 12-13 digits); fix "
            "the cell, or pass the date_format its column is written in."
        )
    whole = s.split(".")[0]
    unit = "ms" if len(whole) >= 12 else "s"
    ts = pd.Timestamp(int(whole), unit=unit)
    if unit == "s" and "." in s:
        ts += pd.Timedelta(float("0." + s.split(".")[1]), unit="s")
    return _finish_ts(ts, "time", s)


def _finish_ts(ts: Any, prec: str, shown: str) -> Any:
    if ts is pd.NaT:
        return pd.NaT, None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    problem = out_of_range(ts, shown)
    return problem if problem is not None else (ts, prec)


def check_precision(value: Any, where: str, row: int, unit: str = "row") -> str:
    """A ``date_precision`` cell as one of ``PRECISIONS``; MetadataError naming the cell otherwise.

    >>> check_precision(" Month", "m.csv", 2)
    'month'
    """
    v = str(value).strip().lower()
    if v not in PRECISIONS:
        raise MetadataError(
            f"{where} {unit} {row}, column 'date_precision': {value!r} is not one of "
            f"{', '.join(PRECISIONS)}; fix the cell or leave it empty."
        )
    return v


#: a date in a URL's path: year, month and day apart (``/2022/07/18/``, ``-2023-05-09/``,
#: ``/2018/4/17/``), or run together between separators (``/20230509/``)
_URL_DAY_RE = re.compile(
    r"(?<![0-9A-Za-z])((?:19|20)\d\d)([/_-])(\d{1,2})\2(\d{1,2})(?![0-9])"
    r"|(?<=/)((?:19|20)\d\d)(\d\d)(\d\d)(?=[/_.-]|$)"
)
#: a year and month as two folders of a URL's path (``/2022/07/politics/``)
_URL_MONTH_RE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(?![0-9])")
#: where a URL's path starts (after ``scheme://host``) and ends (``?`` or ``#``)
_URL_PATH_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//[^/?#]*|[?#].*$", re.IGNORECASE | re.DOTALL)


def url_date(url: Any) -> tuple[pd.Timestamp, str] | None:
    """``(date, precision)`` written in a web address's path, or None: a day
    (``/2022/07/18/``, ``/2018/4/17/slug``, ``/news/slug-2023-05-09/``, ``/20230509/``) or a
    month (``/2022/07/politics/``), a real calendar date from 1990 to tomorrow. The host and
    the query are not read (``?date=...`` may be the day of the request).

    >>> url_date("https://www.cnn.com/2022/07/18/politics/jan-6-hearing/index.html")
    (Timestamp('2022-07-18 00:00:00'), 'day')
    >>> url_date("https://www.reuters.com/world/europe/air-defence-2023-05-09/")
    (Timestamp('2023-05-09 00:00:00'), 'day')
    >>> url_date("https://www.cnn.com/interactive/2022/07/politics/steve-bannon/")
    (Timestamp('2022-07-01 00:00:00'), 'month')
    >>> [url_date(u) for u in ("https://x.com/2022/13/40/a", "https://x.com/a?d=2022-07-18",
    ...  "https://2022.example.com/a", "https://x.com/id/123456789", "https://x.com/2099/01/02/", None)]
    [None, None, None, None, None, None]
    """
    if not isinstance(url, str) or "/" not in url:
        return None
    path = _URL_PATH_RE.sub("", url.strip())
    latest = pd.Timestamp.now().normalize() + pd.Timedelta(days=1)
    for m in _URL_DAY_RE.finditer(path):
        y, mo, d = (m.group(1), m.group(3), m.group(4)) if m.group(1) else m.group(5, 6, 7)
        ts = _calendar_day(int(y), int(mo), int(d))
        if ts is not None and ts <= latest:
            return ts, "day"
    for m in _URL_MONTH_RE.finditer(path):
        ts = _calendar_day(int(m.group(1)), int(m.group(2)), 1)
        if ts is not None and ts <= latest:
            return ts, "month"
    return None


def _calendar_day(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The day as a Timestamp when it exists and is from 1990 on, else None."""
    if year < 1990:
        return None
    try:
        return pd.Timestamp(datetime(year, month, day))
    except ValueError:
        return None
