"""The Roadmap page on a real data file: readiness and the what-if forecast, choosing a target
role, the gap list's one-click edits, milestones, the role browser and comparison, and the charts
(checked against the services' own figures)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import hover, open_page

from planner.services import profile, readiness, roadmap, roles, skills
from planner.ui.dialogs.milestone import CompleteDialog, MilestoneDialog
from planner.ui.forms import to_qdate
from planner.ui.pages.roadmap import (
    COMPARE_TAB,
    GAP_TAB,
    PLAN_TAB,
    PROGRESS_TAB,
    ROLES_TAB,
    RoadmapPage,
)
from planner.ui.pages.roadmap_common import select_where, selected_row
from planner.ui.qtmodels.rows import ROW_ROLE
from planner.wording import day_text


def visible_rows(view) -> list:
    model = view.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def chart_texts(chart) -> list[str]:
    return [t.get_text() for ax in chart.figure.axes for t in ax.texts]


@pytest.fixture
def page(qtbot, demo_ctx) -> RoadmapPage:
    return open_page(qtbot, RoadmapPage, demo_ctx)


# --- opening -----------------------------------------------------------------------------------


def test_opens_on_an_empty_file_with_helpful_empty_states(qtbot, ctx) -> None:
    page = open_page(qtbot, RoadmapPage, ctx)
    assert "No target role yet" in page.summary.text()
    assert page.tabs.currentIndex() == ROLES_TAB  # first thing to do: pick a role
    assert page.milestone_model.rowCount() == 0
    assert page.timeline.phase_bars == []
    assert page.timeline.empty_message in chart_texts(page.timeline)
    for tab, chart in ((PROGRESS_TAB, page.history), (GAP_TAB, page.gap.chart)):
        page.tabs.setCurrentIndex(tab)  # a chart on a hidden tab is drawn when its tab opens
        assert chart.empty_message in chart_texts(chart)
    assert "Choose a target role first" in page.what_if.text()
    assert page.browser.model.rowCount() == len(ctx.read(roles.list_roles))


def test_shows_the_demo_figures(page, demo_ctx) -> None:
    r = demo_ctx.read(readiness.readiness)
    assert page.tabs.currentIndex() == PLAN_TAB
    assert r.role_title in page.summary.text()
    assert f"{r.score * 100:.0f} %" in page.summary.text()
    assert f"{r.skills_met} of {r.skills_total} skills met" in page.summary.text()
    assert page.bar.value() == round(r.score * 100)
    assert [m.id for m in page.milestone_model.rows()] == [
        m.id for m in demo_ctx.read(roadmap.milestones)
    ]
    page.tabs.setCurrentIndex(GAP_TAB)  # a tab's panel catches up when the tab is shown
    assert [g.skill for g in visible_rows(page.gap.table)] == [g.skill for g in r.gaps]
    page.tabs.setCurrentIndex(ROLES_TAB)
    assert selected_row(page.browser.table).slug == r.role  # the target role is shown


def test_a_change_made_while_another_tab_shows_is_in_the_gap_list_when_its_tab_opens(
    page, demo_ctx
) -> None:
    page.tabs.setCurrentIndex(GAP_TAB)
    gap = demo_ctx.read(readiness.readiness).gaps[0]
    page.tabs.setCurrentIndex(PLAN_TAB)
    demo_ctx.write("a change", skills.set_level, gap.skill, gap.required_level, demo_ctx.today())
    page.tabs.setCurrentIndex(GAP_TAB)
    shown = [g.skill for g in visible_rows(page.gap.table)]
    assert gap.skill not in shown  # met now
    assert shown == [g.skill for g in demo_ctx.read(readiness.readiness).gaps]


def test_compare_on_a_role_opens_the_comparison_with_it_beside_yours(page, demo_ctx) -> None:
    """The Explore and the Compare tabs are built when first shown: the browser's Compare
    button opens the comparison, its first look (your current and target roles) and the role
    asked for together."""
    info = demo_ctx.read(profile.profile_info)
    other = next(
        r.slug
        for r in demo_ctx.read(roles.list_roles)
        if r.slug not in (info.current_role, info.target_role)
    )
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.browser.select(other)
    page.browser.compare.click()
    assert page.tabs.currentIndex() == COMPARE_TAB
    assert page.compare.chosen() == [s for s in (info.current_role, info.target_role) if s] + [
        other
    ]


def test_table_models_pass_the_model_tester(page, qtmodeltester) -> None:
    page.tabs.setCurrentIndex(GAP_TAB)
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.browser.select("data-scientist")
    page.browser.compare.click()
    for model in (page.milestone_model, page.gap.model, page.browser.model, page.compare.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


# --- readiness forecast ------------------------------------------------------------------------


def test_the_what_if_pace_moves_the_projected_date(page, demo_ctx) -> None:
    today = demo_ctx.today()
    page.pace.setValue(4.0)
    slow = demo_ctx.read(readiness.forecast, today, weekly_hours=4.0)
    assert page.what_if_forecast.ready_on == slow.ready_on
    assert day_text(slow.ready_on) in page.what_if.text()
    page.pace.setValue(12.0)
    fast = demo_ctx.read(readiness.forecast, today, weekly_hours=12.0)
    assert page.what_if_forecast.ready_on == fast.ready_on
    assert fast.ready_on < slow.ready_on
    assert day_text(fast.ready_on) in page.what_if.text()
    recent = demo_ctx.read(readiness.forecast, today)
    assert f"{recent.recent_weekly_hours:.1f} h/week" in page.recent.text()
    assert day_text(recent.ready_on) in page.recent.text()


# --- target role -------------------------------------------------------------------------------


def test_choosing_a_target_role_regenerates_its_phase_milestones(qtbot, page, demo_ctx) -> None:
    before = demo_ctx.read(roadmap.milestones)
    old_open = [m for m in before if m.kind == "phase" and m.done_on is None]
    assert old_open  # the demo's last MLE phase is still open
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.browser.select("data-scientist")
    qtbot.mouseClick(page.browser.choose, Qt.MouseButton.LeftButton)

    assert demo_ctx.read(profile.profile_info).target_role == "data-scientist"
    titles = [m.title for m in page.milestone_model.rows()]
    for m in old_open:
        assert m.title not in titles
    phases = demo_ctx.read(roles.role_detail, "data-scientist").phases
    for phase in phases:
        assert f"Data Scientist: {phase.name}" in titles
    assert "Data Scientist" in page.summary.text()
    assert len(page.timeline.phase_bars) == len(phases)

    count = len(titles)
    qtbot.mouseClick(page.browser.choose, Qt.MouseButton.LeftButton)  # the same role again
    assert page.milestone_model.rowCount() == count


# --- gap list ----------------------------------------------------------------------------------


def test_one_click_level_up_updates_readiness_and_closes_the_gap(qtbot, page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(1)
    gap = next(
        g for g in demo_ctx.read(readiness.readiness).gaps if g.required_level - g.level == 1
    )
    before = demo_ctx.read(readiness.readiness)
    assert select_where(page.gap.table, lambda g: g.skill == gap.skill)
    qtbot.mouseClick(page.gap.plus, Qt.MouseButton.LeftButton)

    after = demo_ctx.read(readiness.readiness)
    assert after.skills_met == before.skills_met + 1
    assert after.score > before.score
    assert gap.skill not in [g.skill for g in visible_rows(page.gap.table)]
    assert f"{after.skills_met} of {after.skills_total} skills met" in page.summary.text()
    assert demo_ctx.read(skills.level_history, gap.skill)[-1] == (
        demo_ctx.today(),
        gap.required_level,
    )
    page.gap.show_met.setChecked(True)  # still listed among the met ones when asked
    assert gap.skill in [g.skill for g in visible_rows(page.gap.table)]


def test_level_and_required_level_combos_write_for_the_selected_skill(page, demo_ctx) -> None:
    gap = demo_ctx.read(readiness.readiness).gaps[0]
    page.tabs.setCurrentIndex(GAP_TAB)
    select_where(page.gap.table, lambda g: g.skill == gap.skill)
    page.gap.required.setCurrentIndex(gap.level - 1 if gap.level else 0)
    page.gap.required.activated.emit(page.gap.required.currentIndex())
    row = next(i for i in demo_ctx.read(readiness.skill_levels) if i.skill == gap.skill)
    assert row.required_level == max(gap.level, 1)
    page.gap.show_met.setChecked(True)
    select_where(page.gap.table, lambda g: g.skill == gap.skill)
    page.gap.level.setCurrentIndex(5)
    page.gap.level.activated.emit(5)
    assert next(i for i in demo_ctx.read(readiness.skill_levels) if i.skill == gap.skill).level == 5


# --- milestones --------------------------------------------------------------------------------


def test_add_complete_reopen_and_delete_a_custom_milestone(page, demo_ctx) -> None:
    count = page.milestone_model.rowCount()
    dialog = MilestoneDialog(demo_ctx, None, page)
    dialog.title.setText("Give a talk at the PyData meetup")
    dialog.kind.setCurrentIndex(dialog.kind.findData("networking"))
    due = demo_ctx.today() + dt.timedelta(days=40)
    dialog.due.setDate(to_qdate(due))
    dialog.skill_picker.search.setText("PyTorch")
    item = next(
        dialog.skill_picker.list.item(i)
        for i in range(dialog.skill_picker.list.count())
        if dialog.skill_picker.list.item(i).text() == "PyTorch"
    )
    item.setCheckState(Qt.CheckState.Checked)
    assert dialog.submit()
    assert page.milestone_model.rowCount() == count + 1
    row = next(m for m in demo_ctx.read(roadmap.milestones) if m.id == dialog.saved_id)
    assert (row.kind, row.due_on, row.skills, row.done_on) == (
        "networking",
        due,
        ("PyTorch",),
        None,
    )

    select_where(page.milestone_table, lambda m: m.id == row.id)
    done = CompleteDialog(demo_ctx, selected_row(page.milestone_table), page)
    done.date.setDate(to_qdate(demo_ctx.today() - dt.timedelta(days=2)))
    assert done.submit()
    assert selected_row(page.milestone_table).done_on == demo_ctx.today() - dt.timedelta(days=2)
    assert page.reopen_button.isEnabled()
    page.reopen_milestone()
    assert selected_row(page.milestone_table).done_on is None

    page.delete_milestone()
    assert row.id not in [m.id for m in demo_ctx.read(roadmap.milestones)]
    assert page.milestone_model.rowCount() == count
    demo_ctx.undo_stack.undo()  # Ctrl+Z brings it back, with its skills and date
    back = next(m for m in demo_ctx.read(roadmap.milestones) if m.title == row.title)
    assert (back.kind, back.due_on, back.skills) == (row.kind, row.due_on, row.skills)
    demo_ctx.undo_stack.redo()
    assert row.title not in [m.title for m in demo_ctx.read(roadmap.milestones)]


def test_the_new_milestone_button_opens_the_dialog_and_saves(qtbot, page, demo_ctx) -> None:
    count = len(demo_ctx.read(roadmap.milestones))

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MilestoneDialog)
        dialog.title.setText("Read the MLOps book")
        dialog.submit()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(demo_ctx.read(roadmap.milestones)) == count + 1
    assert selected_row(page.milestone_table).title == "Read the MLOps book"


def test_a_milestone_without_a_title_is_refused_and_nothing_written(page, demo_ctx) -> None:
    count = len(demo_ctx.read(roadmap.milestones))
    dialog = MilestoneDialog(demo_ctx, None, page)
    dialog.title.setText("   ")
    assert not dialog.submit()
    assert dialog.title_error.isVisibleTo(dialog)
    assert "needs a title" in dialog.title_error.text()
    assert len(demo_ctx.read(roadmap.milestones)) == count


# --- roles and comparison ----------------------------------------------------------------------


def test_role_browser_filters_by_track_and_search(page) -> None:
    page.tabs.setCurrentIndex(ROLES_TAB)
    b = page.browser
    b.track.setCurrentIndex(b.track.findData("leadership"))
    assert {r.track for r in visible_rows(b.table)} == {"leadership"}
    b.search.setText("director")
    assert [r.slug for r in visible_rows(b.table)] == ["ai-ml-director"]
    html = b.role_html(visible_rows(b.table)[0])
    assert "Salary ranges" in html and "Comes from" in html


def test_compare_up_to_three_roles_marks_shared_skills(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.browser.select("data-scientist")
    page.browser.compare.click()
    assert page.tabs.currentIndex() == COMPARE_TAB
    chosen = page.compare.chosen()
    assert chosen == ["data-analyst", "machine-learning-engineer", "data-scientist"]
    page.browser.select("nlp-engineer")
    page.browser.compare.click()  # all three taken: the last one is replaced
    chosen = page.compare.chosen()
    assert len(chosen) == 3 and chosen[-1] == "nlp-engineer"
    expected = demo_ctx.read(roles.compare_roles, chosen)
    assert page.compare.model.columnCount() == 3 + 3
    assert [r.skill for r in page.compare.model.rows()] == [r.skill for r in expected.skills]
    shared = sum(1 for r in expected.skills if r.shared > 1)
    assert f"◆ {shared} asked for by more than one" in page.compare.hint.text()


# --- charts ------------------------------------------------------------------------------------


def test_timeline_draws_one_bar_per_phase_and_a_today_line(page, demo_ctx) -> None:
    import matplotlib.dates as mdates

    timeline = demo_ctx.read(readiness.plan_timeline, demo_ctx.today())
    chart = page.timeline
    assert len(chart.phase_bars) == len(timeline.phases) == 3
    for bar, span in zip(chart.phase_bars, timeline.phases, strict=True):
        assert bar.get_x() == pytest.approx(mdates.date2num(span.start))
        assert bar.get_width() == pytest.approx((span.end - span.start).days)
    assert list(chart.today_line.get_xdata()) == [mdates.date2num(demo_ctx.today())] * 2
    assert chart.milestone_count() == len(timeline.milestones)
    chart.canvas.draw()
    to_pixels = chart.figure.axes[0].transData.transform
    for m in timeline.milestones:  # each marker shows its own milestone, in its own state
        state = "open" if m.due_on >= demo_ctx.today() else "overdue"
        if m.done_on is not None:
            state = f"done {day_text(m.done_on)}"
        x, y = to_pixels((mdates.date2num(m.due_on), 0))
        assert hover(chart, x, y) == f"{m.title}\nDue {day_text(m.due_on)} — {state}"


def test_readiness_history_and_levels_charts_draw_the_services_figures(page, demo_ctx) -> None:
    points = demo_ctx.read(readiness.readiness_history, demo_ctx.today())
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    assert [p.get_ydata()[0] for p in page.history.points] == pytest.approx(
        [p.score * 100 for p in points]
    )
    items = [i for i in demo_ctx.read(readiness.skill_levels) if i.importance != "useful"]
    chart = page.gap.chart
    page.tabs.setCurrentIndex(GAP_TAB)
    assert set(chart.level_bars) == {i.skill for i in items}
    for item in items:
        assert chart.level_bars[item.skill].get_width() == item.level
        assert chart.required_bars[item.skill].get_width() == item.required_level
    page.gap.include_useful.setChecked(True)
    assert len(chart.level_bars) == len(demo_ctx.read(readiness.skill_levels))


def test_an_open_ended_phase_fades_out_and_the_empty_plan_says_what_to_do(qtbot) -> None:
    import matplotlib.dates as mdates

    from planner.services.readiness import PhaseSpan, PlanTimeline
    from planner.services.roadmap import MilestoneRow
    from planner.ui.charts.timeline import PlanTimelineChart

    today = dt.date(2026, 6, 1)
    chart = PlanTimelineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 300)
    chart.show()
    done = MilestoneRow(1, "Course", "custom", dt.date(2026, 3, 1), dt.date(2026, 2, 20), "", ())
    chart.set_data(
        PlanTimeline(
            "Role",
            dt.date(2026, 1, 1),
            today,
            (
                PhaseSpan(1, "Base", dt.date(2026, 1, 1), dt.date(2026, 7, 1), "", True),
                PhaseSpan(2, "Lead", dt.date(2026, 7, 1), None, "", False),
            ),
            (done,),
        )
    )
    assert len(chart.phase_bars) == 2
    assert chart.phase_bars[1].get_alpha() == pytest.approx(0.9)  # the first, strongest slice
    assert chart.milestone_count() == 1
    assert chart.today_line is not None
    chart.canvas.draw()
    lead = chart.phase_bars[1]  # lanes top to bottom: Base (y 2), Lead (y 1), Milestones (y 0)
    x, y = chart.figure.axes[0].transData.transform((lead.get_x() + 5, lead.get_y() + 0.2))
    assert hover(chart, x, y).startswith("Lead: from 1 Jul 2026 (not started)")
    x, y = chart.figure.axes[0].transData.transform((mdates.date2num(done.due_on), 0))
    assert hover(chart, x, y) == "Course\nDue 1 Mar 2026 — done 20 Feb 2026"
    chart.set_data(PlanTimeline(None, None, today, (), ()))
    assert chart.phase_bars == [] and chart.today_line is None
    assert chart.empty_message in chart_texts(chart)
