"""Reading one record of a JSON backup field by field, with a plain reason for the first problem.

A backup may have been edited by hand or damaged, so every value is checked against what the
data file's columns and constraints accept before anything is written: a bad record is rejected
with its position, never half-written and never a crash.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

from planner.services.weeks import DATE_RANGE, EARLIEST, LATEST

#: The largest whole number a SQLite column holds.
MAX_INT = 2**63 - 1


class BadRecord(Exception):
    """The record cannot be imported; the message says which field and why."""


def nocase(text: str) -> str:
    """The comparison key SQLite's NOCASE collation uses: ASCII letters folded, nothing else."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a record"


class Fields:
    """Typed access to one record's fields; each getter raises BadRecord naming the field."""

    def __init__(self, record: Any) -> None:
        if not isinstance(record, dict):
            raise BadRecord(f"expected a record {{...}}, found {_kind(record)}")
        self.record = record

    def _value(self, key: str, default: Any) -> Any:
        if key in self.record:
            return self.record[key]
        if default is ...:
            raise BadRecord(f"{key} is missing")
        return default

    def text(self, key: str, default: Any = "", *, required: bool = False) -> str:
        value = self._value(key, default)
        if not isinstance(value, str):
            raise BadRecord(f"{key} must be text, not {_kind(value)}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadRecord(f"{key} holds characters that are not valid Unicode") from None
        if required and not value.strip():
            raise BadRecord(f"{key} is empty")
        return value

    def name(self, key: str) -> str:
        """A required, non-blank name that other records refer to."""
        return self.text(key, ..., required=True)

    def optional_name(self, key: str) -> str | None:
        if self._value(key, None) is None:
            return None
        return self.name(key)

    def choice(self, key: str, values: Iterable[str], default: Any = ...) -> str:
        value = self.text(key, default)
        allowed = tuple(values)
        if value not in allowed:
            raise BadRecord(f"{key} {value!r} is not one of {', '.join(allowed)}")
        return value

    def optional_choice(self, key: str, values: Iterable[str]) -> str | None:
        return None if self._value(key, None) is None else self.choice(key, values)

    def number(self, key: str, low: float, high: float, default: Any = ..., *, above=False):
        value = self._value(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadRecord(f"{key} must be a number, not {_kind(value)}")
        value = float(value)
        if not math.isfinite(value) or value > high or value < low or (above and value == low):
            bound = f"more than {low:g}" if above else f"at least {low:g}"
            raise BadRecord(f"{key} must be {bound} and at most {high:g}, not {value:g}")
        return value

    def optional_number(self, key: str, low: float, high: float) -> float | None:
        return None if self._value(key, None) is None else self.number(key, low, high)

    def integer(self, key: str, low: int, high: int = MAX_INT, default: Any = ...) -> int:
        value = self._value(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadRecord(f"{key} must be a whole number, not {_kind(value)}")
        if not low <= value <= high:
            raise BadRecord(f"{key} must be between {low} and {high}, not {value}")
        return value

    def optional_integer(self, key: str, low: int, high: int = MAX_INT) -> int | None:
        return None if self._value(key, None) is None else self.integer(key, low, high)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._value(key, default)
        if not isinstance(value, bool):
            raise BadRecord(f"{key} must be true or false, not {_kind(value)}")
        return value

    def date(self, key: str) -> str:
        """A date as YYYY-MM-DD, returned in that canonical form."""
        value = self._value(key, ...)
        if not isinstance(value, str):
            raise BadRecord(f"{key} must be a date as YYYY-MM-DD, not {_kind(value)}")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise BadRecord(f"{key} {value[:40]!r} is not a date as YYYY-MM-DD") from None
        if not EARLIEST <= day <= LATEST:
            raise BadRecord(f"{key} {value!r} is out of range: use a date {DATE_RANGE}")
        return day.isoformat()

    def optional_date(self, key: str) -> str | None:
        return None if self._value(key, None) is None else self.date(key)

    def texts(self, key: str) -> list[str]:
        value = self._value(key, [])
        if not isinstance(value, list):
            raise BadRecord(f"{key} must be a list of text, not {_kind(value)}")
        for item in value:
            if not isinstance(item, str):
                raise BadRecord(f"{key} must be a list of text, but holds {_kind(item)}")
            Fields({key: item}).text(key)
        return list(value)

    def names(self, key: str) -> list[str]:
        """A list of names (skills), sorted and without repeats, as the exporter writes it."""
        found: dict[str, str] = {}
        for item in self.texts(key):
            if not item.strip():
                raise BadRecord(f"{key} holds an empty name")
            found.setdefault(nocase(item), item)
        return sorted(found.values(), key=str.casefold)

    def records(self, key: str) -> list[Fields]:
        value = self._value(key, [])
        if not isinstance(value, list):
            raise BadRecord(f"{key} must be a list of records, not {_kind(value)}")
        result = []
        for n, item in enumerate(value, start=1):
            try:
                result.append(Fields(item))
            except BadRecord as exc:
                raise BadRecord(f"{key} #{n}: {exc}") from None
        return result

    def optional_record(self, key: str) -> Fields | None:
        value = self._value(key, None)
        return None if value is None else Fields(value)
