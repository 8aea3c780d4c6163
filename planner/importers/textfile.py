"""Reading another program's export as text, and finding the header row of a CSV in it.

Exports arrive in whatever encoding the program or the person's spreadsheet chose: UTF-8 with or
without a BOM, UTF-16 (Excel's "Unicode text"), or Windows-1252 (older Outlook). Anything that
is not text, or not found, is an `ImportFileError` with a sentence the person can act on, so no
importer ever sees bytes or an OS error.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.services.errors import ImportFileError

#: How many records before the header row may be preamble (LinkedIn's "Notes:" block).
HEADER_SEARCH_RECORDS = 30


def read_text(path: str | Path) -> str:
    """The whole file as text, or an ImportFileError saying why it cannot be read."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{file} does not exist; check the file name and folder") from None
    except IsADirectoryError:
        raise ImportFileError(f"{file} is a folder; choose the exported file inside it") from None
    except PermissionError:
        raise ImportFileError(f"{file} cannot be read (permission denied)") from None
    except OSError as exc:
        raise ImportFileError(f"{file} cannot be read: {exc.strerror or exc}") from None
    return decode(data, file.name)


def decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError(f"{name} says it is UTF-16 text but is damaged") from None
    else:
        if b"\x00" in data:
            raise ImportFileError(f"{name} is not a text file (it holds binary data)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportFileError(
                    f"{name} is not UTF-8 or Windows-1252 text; save it as UTF-8 and try again"
                ) from None
    if "\x00" in text:
        raise ImportFileError(f"{name} is not a text file (it holds binary data)")
    return text


def records(text: str, delimiter: str = ",") -> Iterable[tuple[int, list[str]]]:
    """(line where the record starts, cells) for every CSV record, quoted newlines included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(f"line {line} is not valid CSV ({exc})") from None


def key(text: str) -> str:
    """A column name or person's name as compared: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class CsvTable:
    """The records after the header row; `cell` reads a column by its header name."""

    columns: dict[str, int]
    width: int
    rows: list[tuple[int, list[str]]]
    #: The records before the header row (a report's title, its date range, LinkedIn's note).
    preamble: tuple[tuple[str, ...], ...] = ()

    def has(self, column: str) -> bool:
        return key(column) in self.columns

    def cell(self, cells: list[str], column: str) -> str:
        index = self.columns.get(key(column))
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()


def find_table(text: str, required: Iterable[str], what: str) -> CsvTable:
    """The CSV table whose header row holds every `required` column (in any order and case),
    after at most a short preamble; comma or semicolon separated (spreadsheets in many locales
    save with semicolons). Blank records are dropped."""
    wanted = {key(c) for c in required}
    for delimiter in (",", ";"):
        found = records(text, delimiter)
        before: list[tuple[str, ...]] = []
        for seen, (_, cells) in enumerate(found):
            if seen >= HEADER_SEARCH_RECORDS:
                break
            names = [key(c) for c in cells]
            before.append(tuple(cells))
            if wanted <= set(names):
                columns: dict[str, int] = {}
                for index, name in enumerate(names):
                    columns.setdefault(name, index)
                rows = [(n, c) for n, c in found if any(v.strip() for v in c)]
                return CsvTable(columns, len(cells), rows, tuple(before[:-1]))
    listed = ", ".join(sorted(required))
    raise ImportFileError(f"no header row with the columns {listed}; is this {what}?")
