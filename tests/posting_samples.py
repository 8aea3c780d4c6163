"""The job postings kept as test data (`tests/postings/`), each with the skills a careful reader
would list from it, and how the finder's answers score against them."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).parent / "postings"


@dataclass(frozen=True)
class Sample:
    path: Path
    role: str
    required: frozenset[str]
    nice: frozenset[str]

    @property
    def wanted(self) -> dict[str, str]:
        return {n: "required" for n in self.required} | {n: "nice" for n in self.nice}


def samples() -> list[Sample]:
    found = []
    for path in sorted(FOLDER.iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        key = tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"))
        found.append(Sample(path, key["role"], frozenset(key["required"]), frozenset(key["nice"])))
    return found


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    same_need: int = 0

    def add(self, wanted: dict[str, str], got: dict[str, str]) -> None:
        both = wanted.keys() & got.keys()
        self.true_pos += len(both)
        self.false_pos += len(got.keys() - wanted.keys())
        self.false_neg += len(wanted.keys() - got.keys())
        self.same_need += sum(wanted[k] == got[k] for k in both)

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg)

    @property
    def need_agreement(self) -> float:
        """Of the skills found that the reader listed too, the share read as required / nice
        to have the same way."""
        return self.same_need / self.true_pos


def score(pairs: Iterable[tuple[dict[str, str], dict[str, str]]]) -> Score:
    total = Score()
    for wanted, got in pairs:
        total.add(wanted, got)
    return total


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with these lines of text in Helvetica (enough for a text extractor)."""
    text = (
        "BT /F1 11 Tf 50 780 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        + " ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text.encode("latin-1") + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
