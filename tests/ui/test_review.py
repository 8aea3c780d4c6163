"""The Weekly review page on a real file: the week's figures, the two charts, the reflection
(saved by the button, when leaving the week and when leaving the page) and the PDF/PNG export."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from ui_helpers import bar_heights, open_page, row_lengths

from planner.services import balance, learning, review
from planner.services.weeks import week_heading, week_start
from planner.ui import report
from planner.ui.charts.balance import LABEL
from planner.ui.pages.review import ReviewPage
from planner.wording import hours_text


@pytest.fixture
def page(qtbot, demo_ctx) -> ReviewPage:
    return open_page(qtbot, ReviewPage, demo_ctx)


def empty_state_shown(chart) -> bool:
    return chart.empty_message in [t.get_text() for ax in chart.figure.axes for t in ax.texts]


def type_reflection(page: ReviewPage, text: str) -> None:
    """Replace the editor's text as typing or pasting does (setPlainText would not mark it
    modified, as loading a saved reflection must not)."""
    page.reflection.selectAll()
    page.reflection.insertPlainText(text)


def stored(ctx, monday: dt.date) -> str:
    return ctx.read(review.reflection, monday)


# --- opening -------------------------------------------------------------------------------------


def test_an_empty_file_shows_an_empty_week(qtbot, ctx) -> None:
    page = open_page(qtbot, ReviewPage, ctx)
    assert page.monday == week_start(ctx.today())
    assert "0 h" in page.sections["Learning"].text()
    assert "No hours were entered" in page.sections["Balance"].text()
    assert "No skill levels changed" in page.sections["Skills that moved"].text()
    assert "Nobody this week" in page.sections["Network"].text()
    assert empty_state_shown(page.balance_chart) and empty_state_shown(page.learning_chart)
    assert page.reflection.toPlainText() == ""
    assert not page.save_button.isEnabled()


def test_the_demo_week_shows_the_services_figures(page, demo_ctx) -> None:
    s = demo_ctx.read(review.summary, demo_ctx.today(), demo_ctx.today())
    learning_text = page.sections["Learning"].text()
    assert hours_text(s.learning_hours) in learning_text
    assert f"{s.learning_sessions} session" in learning_text
    assert f"{s.streak.current} week" in learning_text
    for cat in s.balance.categories:
        assert cat.status.capitalize() in page.sections["Balance"].text()
    for tip in s.balance.advice:
        assert report.esc(tip) in page.sections["Balance"].text()
    for m in s.milestones_overdue + s.milestones_due_soon:
        assert report.esc(m.title) in page.sections["Milestones"].text()
    for t in s.contacts_touched:
        assert t.name in page.sections["Network"].text()
    for c in s.contacts_due:
        assert c.name in page.sections["Network"].text()
    for moved in s.skills_moved:
        assert moved.name in page.sections["Skills that moved"].text()


def test_the_charts_draw_the_weeks_balance_and_twelve_weeks_of_learning(page, demo_ctx) -> None:
    week = demo_ctx.read(balance.week_balance, page.monday, demo_ctx.today())
    assert row_lengths(page.balance_chart) == {LABEL[c.category]: c.hours for c in week.categories}
    series = demo_ctx.read(learning.weekly_series, page.monday + dt.timedelta(days=6), 12)
    assert bar_heights(page.learning_chart.bars) == [p.hours for p in series.weeks]
    assert len(bar_heights(page.learning_chart.bars)) == 12


def test_week_navigation_shows_last_weeks_reflection(page, demo_ctx) -> None:
    this_monday = week_start(demo_ctx.today())
    page.prev_button.click()
    assert page.monday == this_monday - dt.timedelta(weeks=1)
    assert page.reflection.toPlainText().startswith("Finished the PyTorch chapter")
    assert page.week_label.text() == week_heading(page.monday)
    assert page.next_button.isEnabled()
    page.this_button.click()
    assert page.monday == this_monday
    assert not page.next_button.isEnabled()


# --- the reflection ------------------------------------------------------------------------------


def test_the_reflection_is_saved_and_reloaded(qtbot, page, demo_ctx) -> None:
    type_reflection(page, "Shipped the API demo.\nSleep more.")
    assert page.save_button.isEnabled() and page.saved_state.text() == "Unsaved changes"
    page.save_button.click()
    assert stored(demo_ctx, page.monday) == "Shipped the API demo.\nSleep more."
    assert not page.save_button.isEnabled()
    again = open_page(qtbot, ReviewPage, demo_ctx)
    assert again.reflection.toPlainText() == "Shipped the API demo.\nSleep more."


def test_leaving_the_week_saves_the_reflection(page, demo_ctx) -> None:
    monday = page.monday
    type_reflection(page, "Typed, then moved on")
    page.prev_button.click()
    assert stored(demo_ctx, monday) == "Typed, then moved on"
    page.next_button.click()
    assert page.reflection.toPlainText() == "Typed, then moved on"


def test_leaving_the_page_saves_the_reflection(page, demo_ctx) -> None:
    type_reflection(page, "Saved on the way out")
    page.hide()
    assert stored(demo_ctx, page.monday) == "Saved on the way out"


def test_a_refresh_while_typing_keeps_the_text(page, demo_ctx) -> None:
    type_reflection(page, "Half a thought")
    demo_ctx.write(
        "a change", balance.set_targets, {"rest": 9}
    )  # a change made elsewhere refreshes the page
    assert page.reflection.toPlainText() == "Half a thought"
    assert page.save_button.isEnabled()


def test_an_overlong_reflection_is_refused_and_nothing_written(page, demo_ctx) -> None:
    type_reflection(page, "x" * (review.MAX_REFLECTION + 1))
    assert not page.save_reflection()
    assert not page.reflection_error.isHidden()
    assert "keep it under" in page.reflection_error.text()
    assert stored(demo_ctx, page.monday) == ""
    monday = page.monday
    page.prev_button.click()  # refused, so the page stays on the week with the text
    assert page.monday == monday


def test_leaving_the_review_in_the_main_window_saves(window, demo_ctx) -> None:
    page = window.show_page("review")
    assert isinstance(page, ReviewPage)
    type_reflection(page, "Written before switching pages")
    window.show_page("dashboard")
    assert stored(demo_ctx, page.monday) == "Written before switching pages"


# --- export ------------------------------------------------------------------------------------


def test_pdf_export_is_a_valid_document(page, tmp_path: Path) -> None:
    type_reflection(page, "Exported with the review")
    path = tmp_path / "review.pdf"
    assert page.export_pdf(str(path)) == str(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 30_000  # text, two chart images
    assert b"%%EOF" in data[-64:]
    # Page objects are plain text even when their content streams are compressed.
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 2
    try:
        from pypdf import PdfReader
    except ImportError:  # not a dependency: read the text when it happens to be installed
        pass
    else:
        reader = PdfReader(path)
        # pypdf may put a tab between words set apart by the layout: compare the words.
        text = " ".join("".join(p.extract_text() for p in reader.pages).split())
        assert len(reader.pages) >= 2
        assert page.summary.week in text and "Exported with the review" in text
    assert stored(page.ctx, page.monday) == "Exported with the review"


def test_png_export_is_an_image_of_the_review(page, tmp_path: Path) -> None:
    path = tmp_path / "review.png"
    assert page.export_png(str(path)) == str(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() == report.PNG_WIDTH
    assert image.height() > 1000  # every section, both charts and the reflection


def test_a_long_follow_up_list_names_the_first_contacts_and_counts_the_rest(qtbot, ctx) -> None:
    from planner.services import network

    for i in range(30):  # never contacted: all due
        ctx.write("a change", network.save_contact, network.ContactInput(name=f"Person {i:02d}"))
    page = open_page(qtbot, ReviewPage, ctx)
    text = page.sections["Network"].text()
    shown = [i for i in range(30) if f"Person {i:02d}" in text]
    assert shown == list(range(report.NETWORK_LIST_MAX))
    assert f"and {30 - report.NETWORK_LIST_MAX} more" in text


def test_first_levels_are_a_starting_point_not_the_weeks_progress(ctx) -> None:
    """Onboarding's checklist records a dozen levels at once: the review names them together as
    first levels, without arrows; a level that moved from an earlier one keeps its arrow."""
    from planner.services import skills
    from planner.ui import theme

    today = ctx.today()
    monday = week_start(today)
    ctx.write("a level", skills.set_level, "Python", 1, monday - dt.timedelta(weeks=2))
    ctx.write("a level", skills.set_level, "Python", 2, monday)
    ctx.write("a level", skills.set_level, "SQL", 3, monday)
    ctx.write("a level", skills.set_level, "Excel", 2, monday)
    text = report.skills_html(ctx.read(review.summary, monday, today), theme.colors())
    assert "Python: aware → <b>beginner</b> ▲" in text
    assert "First levels recorded (2): Excel <b>beginner</b>, SQL <b>working</b>" in text
    assert "SQL: none" not in text
