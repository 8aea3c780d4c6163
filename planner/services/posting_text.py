"""The text of a job posting from a file saved in the browser: plain text, HTML or PDF.

HTML goes through the standard library's parser (scripts, styles and navigation dropped; block
elements and list items on lines of their own, so the posting's headings stay headings). PDF
text comes from `pypdf`, a small pure-Python library; a PDF that cannot be read, is encrypted,
or holds only scanned images fails with a message that says so and what to do instead.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

from planner.services.errors import InputError

#: Postings are a few pages; anything far bigger is not one (and would be slow to read).
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)

_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "head", "svg", "button"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "br", "li", "ul", "ol", "tr", "table",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "dl", "blockquote", "pre", "hr", "title",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt"}


class _TextParser(HTMLParser):
    """Collects the visible text of a page, one block element per line; headings end in ':'
    (so the posting's own headings are read as headings) and list items start with '- '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def end_line(self, heading: bool = False) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            if heading and not text.endswith(":"):
                text += ":"
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK and not self.skipping:
            self.end_line()
            if tag == "li":
                self.current.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK and not self.skipping:
            self.end_line(heading=tag in _HEADINGS)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    parser.end_line()
    return html.unescape("\n".join(parser.lines))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"{path.name} is a password-protected PDF; save the posting again without a "
                "password, or paste its text instead"
            )
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(
            f"{path.name} is not a readable PDF ({exc}); save the posting as .txt or .html "
            "from the browser, or paste its text instead"
        ) from None
    if not text.strip():
        raise InputError(
            f"{path.name} has no text to read (a scanned image?); copy the posting's text from "
            "the browser and paste it instead"
        )
    return text


def read_posting(path: Path) -> str:
    """A posting's text from a .txt, .html or .pdf file; InputError names what went wrong."""
    suffix = path.suffix.casefold()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES:
        raise InputError(
            f"{path.name}: cannot read {suffix} files; open a .txt, .html or .pdf posting"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(f"{path} is a folder; open a .txt, .html or .pdf posting")
    if size > MAX_BYTES:
        raise InputError(f"{path.name} is {size // 1_000_000} MB; a posting is far smaller")
    if suffix in PDF_SUFFIXES:
        return pdf_text(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if raw.startswith(b"%PDF"):
        return pdf_text(path)
    text = _decode(raw)
    looks_html = suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    )
    text = html_text(text) if looks_html else text
    if not text.strip():
        raise InputError(f"{path.name} is empty; open the saved posting or paste its text")
    return text


def _decode(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Windows Notepad's "Unicode"
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
