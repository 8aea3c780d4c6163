"""How the app words a count: "1 contact", "2 contacts", "1 person", "3 people".

One home for plurals, so no screen, export or command says "1 contacts" or "1 days"; plain
Python, so the CLI and the first paint can use it as well as the window.
"""

from __future__ import annotations

#: Nouns whose plural is not the singular plus "s".
IRREGULAR = {"person": "people", "activity": "activities"}


def counted(n: int | float, noun: str, plural: str | None = None) -> str:
    """`n` and the noun in the number it takes: `counted(1, "contact")` is "1 contact"."""
    if n == 1:
        return f"1 {noun}"
    many = plural or IRREGULAR.get(noun, f"{noun}s")
    number = f"{n:,}" if isinstance(n, int) else f"{n:g}"
    return f"{number} {many}"
