"""The person's portfolio: projects and public work with the skills they show.

The guides ask for three to five substantial projects and public work (repositories,
competitions, writing, open source). A finished project is evidence for the skills it shows:
the gap list names it beside those skills (it does not change the levels the person sets).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.models import PortfolioItem
from planner.services.errors import InputError, existing
from planner.services.skills import find_skills
from planner.vocabulary import PORTFOLIO_STATUSES

#: The kinds of public work the guides name.
PORTFOLIO_KINDS = ("project", "repository", "competition", "writing", "open source")
#: The guides' advice: three to five substantial projects.
PORTFOLIO_GOAL = (3, 5)


@dataclass(frozen=True)
class PortfolioRow:
    id: int
    title: str
    kind: str
    link: str
    status: str
    notes: str
    skills: tuple[str, ...]


def portfolio(session: Session) -> list[PortfolioRow]:
    rows = session.scalars(
        select(PortfolioItem)
        .options(selectinload(PortfolioItem.skills))
        .order_by(PortfolioItem.title)
    )
    return [
        PortfolioRow(
            p.id, p.title, p.kind, p.link, p.status, p.notes, tuple(s.name for s in p.skills)
        )
        for p in rows
    ]


def save_item(
    session: Session,
    title: str,
    *,
    kind: str = "project",
    link: str = "",
    status: str = "idea",
    notes: str = "",
    skills: tuple[str, ...] | list[str] = (),
    item_id: int | None = None,
) -> int:
    """Add (no id) or change a portfolio item; one transaction, checked whole."""
    title = title.strip()
    if not title:
        raise InputError("a portfolio item needs a title")
    if status not in PORTFOLIO_STATUSES:
        raise InputError(f"unknown status {status!r}; use {', '.join(PORTFOLIO_STATUSES)}")
    if kind not in PORTFOLIO_KINDS:
        raise InputError(f"unknown kind {kind!r}; use {', '.join(PORTFOLIO_KINDS)}")
    link = link.strip()
    if link and not link.startswith(("http://", "https://")):
        raise InputError(f"a link should start with https:// (or http://), not {link!r}")
    clash = session.scalar(select(PortfolioItem.id).where(PortfolioItem.title == title))
    if clash is not None and clash != item_id:
        raise InputError(f"there is already a portfolio item called {title!r}")
    linked = find_skills(session, skills)
    if item_id is None:
        item = PortfolioItem()
        session.add(item)
    else:
        item = existing(session, PortfolioItem, item_id, "portfolio item")
    item.title, item.kind, item.link, item.status, item.notes = title, kind, link, status, notes
    item.skills = linked
    session.flush()
    return item.id


def delete_item(session: Session, item_id: int) -> None:
    """Remove an item with the skills it showed."""
    session.delete(existing(session, PortfolioItem, item_id, "portfolio item"))
    session.flush()
