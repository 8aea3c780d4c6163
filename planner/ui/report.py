"""The weekly review as a document: the sections the review page shows, the two charts and the
reflection, exported to PDF (QPdfWriter) or to one PNG image.

The page and the export share the section HTML below, so what is printed is what was on screen.
Charts are drawn afresh on paper-white figures (light colours whatever the theme), so a review
exported in dark mode still prints well.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from planner.services.review import DUE_SOON_DAYS, NETWORK_LIST_MAX, WeeklyReviewSummary
from planner.services.skills import level_name
from planner.ui import theme
from planner.ui.charts.balance import LABEL, BalanceWeekChart, status_color
from planner.ui.charts.base import ChartView
from planner.ui.charts.learning import WeeklyHoursChart
from planner.vocabulary import TYPED_CATEGORIES
from planner.wording import counted, day_text, hours_text

TYPED = TYPED_CATEGORIES
PNG_WIDTH = 900


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def chip(category: str, status: str | None, c: theme.Colors) -> str:
    """A status as a small label inside rich text, coloured by what it means for `category`."""
    text = theme.STATUS_LABEL.get(status or "", "Not entered")
    color = status_color(category, status, c) if status else c.muted
    return f"<span style='background-color:{color}; color:#ffffff'>&nbsp;{text}&nbsp;</span>"


def bullets(items: list[str], empty: str, c: theme.Colors) -> str:
    if not items:
        return f"<p style='color:{c.muted}'>{empty}</p>"
    return "<ul style='margin-top:0px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def learning_html(s: WeeklyReviewSummary, c: theme.Colors) -> str:
    sessions = counted(s.learning_sessions, "session")
    weeks = counted(s.streak.current, "week")
    if not s.balance.category("learning").entered:  # no goal to have missed yet
        figure = (
            f"<p style='color:{c.muted}'>Nothing logged: your record begins after this week.</p>"
        )
    else:
        share = f" ({s.goal_share:.0%} of the goal)" if s.goal_share is not None else ""
        color = c.balanced if s.goal_met else c.under
        left = hours_text(s.learning_goal - s.learning_hours)
        if s.goal_met:
            verdict = "Goal met."
        else:  # a week still running is not short yet
            verdict = f"{left} to go by Sunday." if s.balance.in_progress else f"{left} short."
        figure = (
            f"<p><span style='font-size:large; font-weight:bold; color:{color}'>"
            f"{hours_text(s.learning_hours)}</span> of a {hours_text(s.learning_goal)} weekly"
            f" goal{share} — <b>{verdict}</b></p>"
        )
    return (
        figure + f"<p>{sessions} logged. Streak of weeks meeting the goal: <b>{weeks}</b> "
        f"(longest {s.streak.longest}).</p>"
        + (
            f"<p>Target role: {esc(s.forecast.message)} {esc(s.forecast.plan_note)}</p>"
            if s.forecast
            else ""
        )
    )


def balance_html(s: WeeklyReviewSummary, c: theme.Colors) -> str:
    entered = s.balance.entered
    rows = "".join(
        f"<tr><td>{LABEL[cat.category]}</td>"
        f"<td align='right'>{hours_text(cat.hours) if cat.entered else '—'}</td>"
        f"<td align='right'>{hours_text(cat.target)}</td>"
        f"<td>{chip(cat.category, cat.status if cat.entered else None, c)}</td></tr>"
        for cat in s.balance.categories
    )
    table = (
        "<table cellspacing='0' cellpadding='3'><tr><th align='left'>Category</th>"
        "<th align='right'>Hours</th><th align='right'>Target</th><th align='left'>Status</th>"
        f"</tr>{rows}</table>"
    )
    if not entered:
        advice = (
            f"<p style='color:{c.muted}'>No hours were entered for this week: fill them in on "
            "the Balance page.</p>"
        )
    else:
        tips = [esc(t) for t in s.balance.advice]
        advice = bullets(tips, s.balance.no_advice, c)
    warning = ""
    if s.balance.burnout_advice:
        warning = (
            f"<p style='color:{c.over}'><b>⚠ Burnout risk.</b> {esc(s.balance.burnout_advice)}</p>"
        )
    return warning + table + advice


def milestones_html(s: WeeklyReviewSummary, c: theme.Colors) -> str:
    done = [f"{esc(m.title)} <i>(done {day_text(m.done_on)})</i>" for m in s.milestones_done]
    overdue = [
        f"<span style='color:{c.over}'>{esc(m.title)}</span> <i>(was due {day_text(m.due_on)})</i>"
        for m in s.milestones_overdue
    ]
    soon = [f"{esc(m.title)} <i>(due {day_text(m.due_on)})</i>" for m in s.milestones_due_soon]
    return (
        "<p><b>Done this week</b></p>"
        + bullets(done, "None completed this week.", c)
        + "<p><b>Overdue</b></p>"
        + bullets(overdue, "Nothing overdue.", c)
        + f"<p><b>Due in the next {DUE_SOON_DAYS} days</b></p>"
        + bullets(soon, f"Nothing due in the next {DUE_SOON_DAYS} days.", c)
    )


def skills_html(s: WeeklyReviewSummary, c: theme.Colors) -> str:
    moved = [
        f"{esc(m.name)}: {level_name(m.before)} → <b>{level_name(m.after)}</b>"
        + (" ▲" if m.after > m.before else " ▼")
        for m in s.skills_moved
        if not m.first
    ]
    # A first level is where a skill starts (onboarding's checklist sets a dozen at once), not
    # a week's progress: named together on one line, without arrows.
    firsts = [m for m in s.skills_moved if m.first]
    if firsts:
        moved.append(
            f"First levels recorded ({len(firsts)}): "
            + ", ".join(f"{esc(m.name)} <b>{level_name(m.after)}</b>" for m in firsts)
        )
    return bullets(moved, "No skill levels changed this week.", c)


def _first_of(items: list[str], total: int) -> list[str]:
    more = total - len(items)
    return items + [f"<i>… and {more:,} more: the Network page lists them all</i>"] * (more > 0)


def network_html(s: WeeklyReviewSummary, c: theme.Colors) -> str:
    touched = _first_of(
        [
            f"{esc(t.name)} <i>({t.relationship}; {t.interactions}× by {', '.join(t.channels)})</i>"
            for t in s.contacts_touched[:NETWORK_LIST_MAX]
        ],
        len(s.contacts_touched),
    )
    due = _first_of(
        [
            f"{esc(r.name)} <i>({r.relationship}; last contact {day_text(r.last_contact)})</i>"
            for r in s.contacts_due
        ],
        s.contacts_due_total,
    )
    return (
        "<p><b>Contacts touched this week</b></p>"
        + bullets(touched, "Nobody this week.", c)
        + "<p><b>Due for a follow-up</b></p>"
        + bullets(due, "Everyone is up to date.", c)
    )


def guidance_html(s: WeeklyReviewSummary, c: theme.Colors) -> str:
    """The guides' advice as it stands: the move, its open skills, interviews and portfolio."""
    g = s.guidance
    if g is None:
        return ""
    lines = [esc(g.move)]
    if g.move_skills_open:
        lines.append("Skills the move still needs: " + esc(", ".join(g.move_skills_open)))
    lines.append(
        f"Portfolio: {g.portfolio_done} of {g.portfolio_total} items finished "
        "(the guides suggest three to five projects)"
    )
    if g.interview_total:
        lines.append(f"Interview preparation: {g.interview_done} of {g.interview_total} steps done")
    if g.pitfall is not None:
        lines.append(f"<b>{esc(g.pitfall.title)}.</b> {esc(g.pitfall.advice)}")
    return bullets(lines, "", c)


#: (title, section) in the order the page and the document show them.
SECTIONS: list[tuple[str, Callable[[WeeklyReviewSummary, theme.Colors], str]]] = [
    ("Learning", learning_html),
    ("Balance", balance_html),
    ("Milestones", milestones_html),
    ("Skills that moved", skills_html),
    ("Network", network_html),
    ("Your move", guidance_html),
]


def reflection_html(text: str, c: theme.Colors) -> str:
    if not text.strip():
        return f"<p style='color:{c.muted}'>No reflection written for this week.</p>"
    return "".join(f"<p>{esc(p)}</p>" for p in text.strip().split("\n"))


def chart_image(chart: ChartView, data: Any, width: float = 7.0, height: float = 2.8) -> QImage:
    """Draw `chart`'s plot for `data` on a paper-white figure; the empty state if no data."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    c = theme.LIGHT
    figure = Figure(figsize=(width, height), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    figure.set_facecolor(c.window)
    ax = figure.add_subplot()
    ChartView._style(ax, c)
    if chart.plot(ax, data, c):
        ax.set_title(chart.title, color=c.text, fontsize=11, loc="left", weight="bold")
    else:
        ax.clear()
        ax.set_axis_off()
        ax.text(0.5, 0.6, chart.title, ha="center", fontsize=11, weight="bold", color=c.text)
        ax.text(0.5, 0.4, chart.empty_message, ha="center", fontsize=9.5, color=c.muted)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor=c.window)
    # PySide's stubs type an image format as bytes, which it refuses at run time; it takes str.
    return QImage.fromData(buffer.getvalue(), "PNG")  # type: ignore[arg-type]  # str, see above


def document(summary: WeeklyReviewSummary, width: float = 640) -> QTextDocument:
    """The whole review as a rich-text document, charts embedded as images `width` px wide."""
    c = theme.LIGHT
    doc = QTextDocument()
    doc.setDocumentMargin(24)
    images = {
        "chart://balance": chart_image(BalanceWeekChart(), summary.balance),
        "chart://learning": chart_image(WeeklyHoursChart(), summary.learning_weeks),
    }
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    parts = [
        f"<h1>Weekly review</h1><p style='color:{c.muted}'>{esc(summary.heading)}</p>",
        *(f"<h2>{title}</h2>{section(summary, c)}" for title, section in SECTIONS),
        "<h2 style='page-break-before:always'>Charts</h2>",
        *(f"<p><img src='{name}' width='{int(width)}'></p>" for name in images),
        f"<h2>Reflection</h2>{reflection_html(summary.reflection, c)}",
    ]
    doc.setHtml(f"<html><body style='color:{c.text}'>{''.join(parts)}</body></html>")
    return doc


def export_pdf(summary: WeeklyReviewSummary, path: str | Path) -> None:
    """Write the review to an A4 PDF (several pages: figures first, then charts)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Weekly review {summary.week}")
    writer.setCreator("Career Planner")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # print_() lays the document out for the writer and adds 2 cm margins of its own.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    document(summary, 600).print_(writer)


def render_image(summary: WeeklyReviewSummary, width: int = PNG_WIDTH) -> QImage:
    """The review drawn as one tall image on white."""
    doc = document(summary, width - 80)
    doc.setTextWidth(width)
    size = doc.size().toSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor(theme.LIGHT.window))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    doc.drawContents(painter)
    painter.end()
    return image


def export_png(summary: WeeklyReviewSummary, path: str | Path) -> bool:
    # A str format, as in chart_image: PySide refuses the bytes its stubs ask for.
    return render_image(summary).save(str(path), "PNG")  # type: ignore[call-overload]  # str
