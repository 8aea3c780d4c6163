"""Find the catalog skills a job posting asks for, offline, and whether it requires them.

Pure text work over a vocabulary (skill names, their aliases from `seed/aliases.toml`, and the
phrases that only look like skills, such as role titles); `planner.services.postings` supplies
the vocabulary from the data file and turns the findings into readiness.

How a posting is read:

- **Sections** come from the posting's own headings: a short line ending in ":" or in capitals,
  a Markdown heading, or a line that is one of the usual heading phrases. "Requirements",
  "Qualifications", "What you need", "You have" and the like are *required*; "Nice to have",
  "Preferred", "Bonus", "Pluses", "Desirable" are *nice to have*; "What you'll do",
  "Responsibilities", "The role" are *duties* (what the job is, so also required, one step
  less important); "About us", "Benefits", "Perks", "What we offer" are *ignored* (a perk of a
  "Python conference ticket" asks for nothing). Text before any heading counts as required.
- **Clauses** (a sentence or a bullet) can move a skill to nice to have on their own ("Docker
  is a plus", "ideally Go") or drop it ("A PhD is not required"); "helpful but not required"
  is nice to have.
- **Matching** is by whole words, ignoring case (except names marked `case_sensitive`, like R
  and Go), hyphens and a plural "s"; the longest match wins, so "Apache Spark" is one mention,
  "computer vision engineer" is a role title and not the skill "Computer vision", and "NoSQL"
  is not "SQL". Names marked `listed` count only inside a list ("Python, Go or Java").
- A skill found in several places takes its strongest reading: required over duties over nice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

#: How strongly a posting asks for a skill, strongest first.
REQUIRED, DUTIES, NICE, IGNORED = "required", "duties", "nice", "ignored"
STRENGTH = {REQUIRED: 0, DUTIES: 1, NICE: 2}

_NICE_HEADINGS: tuple[str, ...] = (
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "nice-to-haves",
    "preferred",
    "bonus",
    "plus",
    "pluses",
    "desirable",
    "desired",
    "good to have",
    "great to have",
    "extra credit",
    "ideally",
    "would be great",
    "optional",
    "stand out",
    "even better",
    "we'd love",
    "would love",
    "advantage",
)
_IGNORED_HEADINGS: tuple[str, ...] = (
    "benefit",
    "perk",
    "we offer",
    "what we offer",
    "what's in it for you",
    "compensation",
    "salary",
    "pay range",
    "about us",
    "about the company",
    "who we are",
    "equal opportunit",
    "how to apply",
    "our values",
    "why join",
    "why you'll love",
    "why work",
    "life at",
    "our culture",
    "diversity",
    "privacy notice",
    "the process",
    "interview process",
    "hiring process",
)
_REQUIRED_HEADINGS: tuple[str, ...] = (
    "requirement",
    "reqs",
    "qualification",
    "must",
    "what you'll need",
    "what you need",
    "what you will need",
    "looking for",
    "look for",
    "required",
    "you have",
    "you bring",
    "you'll bring",
    "what you'll bring",
    "who you are",
    "about you",
    "you are",
    "skills",
    "experience",
    "essential",
    "expertise",
    "what it takes",
    "competenc",
)
_DUTIES_HEADINGS: tuple[str, ...] = (
    "responsibilit",
    "what you'll do",
    "what you will do",
    "what you'll be doing",
    "what you will be doing",
    "the role",
    "about the role",
    "your role",
    "the job",
    "about the job",
    "the position",
    "job description",
    "position summary",
    "day to day",
    "day-to-day",
    "in this role",
    "your impact",
    "you will",
    "you'll",
    "duties",
    "work on",
    "mission",
    "overview",
    "summary",
    "stack",
    "tools",
    "about the team",
    "the team",
    "tl;dr",
)
#: Words in a clause that make its skills nice to have, or not asked for at all.
_NICE_CLAUSE = re.compile(
    r"\b(a (strong |big |real )?plus\b|pluses|bonus|nice[ -]to[ -]have|preferred|ideally|"
    r"desirable|would be (great|nice|good)|an advantage|advantageous|helpful|beneficial|"
    r"good to have|is welcome|welcomed|not required but|optional)",
    re.IGNORECASE,
)
_NOT_ASKED = re.compile(
    r"\b(not required|not a requirement|not necessary|not needed|no need|(do not|don't) need|"
    r"not expected|need not|needn't)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦●]|\d{1,2}[.)])\s+")
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+|\s+(?=\u2022)")
_LIST_BEFORE = re.compile(r"(?:[,/(&+]|\bor|\band|\bin|:)\s*$", re.IGNORECASE)
_LIST_AFTER = re.compile(r"^\s*(?:[,/)&+]|or\b|and\b|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """One way of writing a skill in a posting."""

    skill: str  # the skill's name in the data file; "" for a phrase that is not a skill
    text: str
    case_sensitive: bool = False
    listed: bool = False  # counts only inside a list of things


@dataclass(frozen=True)
class Finding:
    """A skill the posting asks for: how strongly, and the words that showed it."""

    skill: str
    need: str  # REQUIRED, DUTIES or NICE
    evidence: str  # the text that matched, as the posting wrote it
    line: str  # the clause it was found in


@dataclass(frozen=True)
class Clause:
    text: str
    section: str  # REQUIRED, DUTIES, NICE or IGNORED


def heading_kind(text: str) -> str | None:
    """The kind of section a heading opens, or None when it is no heading we know."""
    words = text.strip().strip("#*_:= ").casefold().replace("\u2019", "'")
    if not words:
        return None
    if words == "you":  # "You:" then what you bring
        return REQUIRED
    for kind, phrases in (
        (NICE, _NICE_HEADINGS),
        (IGNORED, _IGNORED_HEADINGS),
    ):
        if any(p in words for p in phrases):
            return kind
    if words.startswith("about ") and not any(
        w in words for w in ("role", "job", "position", "team", "you", "work", "opportunity")
    ):
        return IGNORED  # "About Acme": the company, not the job
    for kind, phrases in ((REQUIRED, _REQUIRED_HEADINGS), (DUTIES, _DUTIES_HEADINGS)):
        if any(p in words for p in phrases):
            return kind
    return None


def _heading(line: str, vocab: Vocabulary, candidates: list[int]) -> tuple[bool, str | None]:
    """(is it a heading, the kind of section it opens). A line that says it is a heading (a
    final colon, a Markdown "#", capitals naming a known section) is one; a short line that is
    a known heading phrase is one too, unless it names a skill ("Python experience")."""
    text = line.strip()
    words = text.split()
    if not text or _BULLET.match(line) or len(text) > 70 or len(words) > 9:
        return False, None
    kind = heading_kind(text)
    if text.startswith("#") or text.endswith(":"):
        return True, kind
    letters = [c for c in text if c.isalpha()]
    if kind is not None and len(letters) >= 4 and all(c.isupper() for c in letters):
        return True, kind
    if kind is not None and len(words) <= 6 and not text.endswith((".", ",", ";")):
        return not find_in_clause(text, vocab, candidates), kind
    return False, None


def clauses(text: str, vocab: Vocabulary, candidates: list[int]) -> list[Clause]:
    """The posting cut into clauses, each with the kind of section it sits in."""
    section = REQUIRED
    out: list[Clause] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        is_heading, kind = _heading(line, vocab, candidates)
        if is_heading:
            # An unknown heading ("Machine learning:") keeps the section it sits in, unless
            # that section was ignored: the company's part of the page has ended.
            section = kind or (DUTIES if section == IGNORED else section)
            continue
        head, sep, rest = line.partition(":")
        if sep and rest.strip() and len(head.split()) <= 5 and not _BULLET.match(head):
            inline = heading_kind(head)  # "Nice to have: Docker, Kafka"
            if inline is not None:
                section = inline
                line = rest.strip()
        body = _BULLET.sub("", line)
        out.extend(Clause(part, section) for part in _CLAUSE_END.split(body) if part.strip())
    return out


def _pattern(term: Term) -> str:
    words = re.split(r"[\s\-]+", term.text.strip())
    body = r"[\s\-]*".join(re.escape(w) for w in words)
    if term.text[-1:].isalpha() and len(term.text) > 3 and not term.case_sensitive:
        body += r"(?:s|es)?"
    tail = r"(?![A-Za-z0-9+#])" + (r"(?![&'\-])" if len(term.text) <= 2 else "")
    return rf"(?<![A-Za-z0-9]){body}{tail}"


@dataclass(frozen=True)
class Vocabulary:
    """Every term, longest first. A term's pattern is compiled the first time its longest word
    appears in a clause (a plain substring test): most of the thousand-odd terms never appear
    in a given posting, and compiling them all cost seconds."""

    terms: tuple[Term, ...]
    anchors: tuple[str, ...]  # each term's longest word, casefolded
    compiled: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def pattern(self, index: int) -> re.Pattern[str]:
        found = self.compiled.get(index)
        if found is None:
            term = self.terms[index]
            flags = 0 if term.case_sensitive else re.IGNORECASE
            found = self.compiled[index] = re.compile(_pattern(term), flags)
        return found


@lru_cache(maxsize=8)
def vocabulary(terms: tuple[Term, ...]) -> Vocabulary:
    ordered = tuple(sorted(set(terms), key=lambda t: (-len(t.text), t.text.casefold(), t.skill)))
    anchors = tuple(max(re.split(r"[\s\-]+", t.text.strip()), key=len).casefold() for t in ordered)
    return Vocabulary(ordered, anchors)


def _in_list(text: str, start: int, end: int) -> bool:
    return bool(_LIST_BEFORE.search(text[max(0, start - 6) : start])) or bool(
        _LIST_AFTER.match(text[end : end + 6])
    )


def find_in_clause(
    clause: str, vocab: Vocabulary, candidates: Iterable[int] | None = None
) -> list[tuple[str, str]]:
    """(skill, matched text) for each skill in one clause; longest matches first, none
    overlapping; phrases that are not skills (skill "") take their words out of play."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, str]] = []
    lowered = clause.casefold()
    for index in range(len(vocab.terms)) if candidates is None else candidates:
        term = vocab.terms[index]
        if vocab.anchors[index] not in lowered:
            continue
        for match in vocab.pattern(index).finditer(clause):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if term.listed and not _in_list(clause, start, end):
                continue
            taken.append((start, end))
            if term.skill:
                found.append((term.skill, match.group(0)))
    return found


def find_skills(text: str, vocab: Vocabulary) -> list[Finding]:
    """Every skill the posting asks for, with its strongest reading, in the posting's order."""
    lowered = text.casefold()
    # Only the terms whose longest word is somewhere in the posting are tried clause by clause.
    candidates = [i for i, anchor in enumerate(vocab.anchors) if anchor in lowered]
    best: dict[str, Finding] = {}
    for clause in clauses(text, vocab, candidates):
        if clause.section == IGNORED:
            continue
        need = clause.section
        if _NOT_ASKED.search(clause.text) and not _NICE_CLAUSE.search(clause.text):
            continue
        if _NICE_CLAUSE.search(clause.text):
            need = NICE
        for skill, evidence in find_in_clause(clause.text, vocab, candidates):
            known = best.get(skill)
            if known is None or STRENGTH[need] < STRENGTH[known.need]:
                best[skill] = Finding(skill, need, evidence, clause.text)
    return list(best.values())
