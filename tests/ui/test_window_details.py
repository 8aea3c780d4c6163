"""The smaller things a person notices: distinct page icons that follow the theme, a sidebar
that folds to icons and stays folded, the last page remembered per data file, counts in the
right number, a skill history that does not call "no change" a change, the activities' estimate
against the hours spent, and the cursor staying put after Save week."""

from __future__ import annotations

import datetime as dt
import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage
from ui_helpers import open_page

from planner.services import learning
from planner.storage.engine import open_database
from planner.ui.context import AppContext
from planner.ui.main_window import PAGE_NAMES, MainWindow
from planner.ui.pages.balance import BalancePage
from planner.ui.pages.learning import LearningPage
from planner.ui.pages.skills import history_text
from planner.ui.settings import Settings
from planner.wording import counted


def icon_image(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    return icon.pixmap(20, 20, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def ink(image: QImage) -> int:
    """The mean lightness of the icon's drawn (opaque) pixels."""
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128
    ]
    return sum(values) // max(len(values), 1)


def test_every_page_has_its_own_icon_which_follows_the_theme(qtbot, window) -> None:
    items = [window.sidebar.item(i) for i in range(len(PAGE_NAMES))]
    light = [icon_image(item.icon()) for item in items]
    assert len({image.bits().tobytes() for image in light}) == len(PAGE_NAMES)
    assert all(ink(image) < 100 for image in light)  # dark lines on the light theme
    window.set_theme("dark")
    dark = [icon_image(item.icon()) for item in items]
    assert all(ink(image) > 150 for image in dark)  # light lines once dark, live
    window.set_theme("light")


def test_the_sidebar_folds_to_icons_and_stays_folded(qtbot, demo_ctx) -> None:
    window = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(window)
    window.show()
    wide = window.side.width()
    qtbot.mouseClick(window.side.fold_button, Qt.MouseButton.LeftButton)
    assert window.side.width() < wide / 2
    assert window.sidebar.item(0).text() == "" and "Dashboard" in window.sidebar.item(0).toolTip()
    assert window.fold_action.isChecked()
    window.close()
    again = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(again)
    assert again.side.folded and again.side.width() < wide / 2
    again.fold_action.trigger()  # View › Icons-only sidebar, off
    assert not again.side.folded and again.sidebar.item(0).text() == "Dashboard"


def test_the_last_page_is_remembered_for_each_data_file(qtbot, demo_db, tmp_path) -> None:
    other_path = tmp_path / "other.sqlite3"
    shutil.copyfile(demo_db.path, other_path)
    other = open_database(other_path)
    first = MainWindow(AppContext(demo_db), Settings())
    qtbot.addWidget(first)
    first.show_page("network")
    first.close()
    second = MainWindow(AppContext(other), Settings())
    qtbot.addWidget(second)
    assert PAGE_NAMES[second.sidebar.currentRow()] == "dashboard"  # not the other file's page
    second.show_page("skills")
    second.close()
    back = MainWindow(AppContext(demo_db), Settings())
    qtbot.addWidget(back)
    assert PAGE_NAMES[back.sidebar.currentRow()] == "network"
    other.close()


def test_counts_take_the_right_number() -> None:
    assert counted(1, "contact") == "1 contact"
    assert counted(2, "contact") == "2 contacts"
    assert counted(0, "session") == "0 sessions"
    assert counted(1, "person") == "1 person" and counted(3, "person") == "3 people"
    assert counted(1500, "session") == "1,500 sessions"


def test_one_contact_reads_as_one_contact(qtbot, ctx) -> None:
    from planner.services import network
    from planner.ui.pages.network import NetworkPage

    ctx.write("a change", network.save_contact, network.ContactInput(name="Ada Lovelace"))
    page = open_page(qtbot, NetworkPage, ctx)
    assert page.count.text().startswith("1 contact ·")


def test_a_history_without_a_change_does_not_read_as_one() -> None:
    day = dt.date(2026, 3, 2)
    assert "from" not in history_text([(day, 2)])
    same = history_text([(day, 2), (day + dt.timedelta(days=30), 2)])
    assert "from 2" not in same and "now as then" in same
    moved = history_text([(day, 1), (day + dt.timedelta(days=30), 3)])
    assert "from 1 · aware to 3 · working" in moved


def test_the_activities_list_shows_the_estimate_against_the_hours_spent(qtbot, ctx) -> None:
    ctx.write(
        "a change",
        learning.save_activity,
        learning.ActivityInput(title="Deep Learning course", kind="course", estimated_hours=40),
    )
    ctx.write("a change", learning.log_session, 10.0, ctx.today(), "Deep Learning course")
    page = open_page(qtbot, LearningPage, ctx)
    model = page.activity_view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {h: model.index(0, c).data() for c, h in enumerate(headers)}
    assert (row["Hours logged"], row["Estimate"], row["Of estimate"]) == ("10 h", "40 h", "25%")
    tip = model.index(0, headers.index("Estimate")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "10 h of an estimated 40 h: 30 h left"


def test_save_week_leaves_the_cursor_in_the_week_not_in_a_target(qtbot, ctx) -> None:
    page = open_page(qtbot, BalancePage, ctx)
    page.activateWindow()
    page.hours["rest"].setFocus()
    page.hours["rest"].setValue(9)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.save_button.isEnabled() is False
    focused = page.focusWidget()
    assert focused not in page.targets.values()
    assert focused is page.hours["rest"]


def test_the_first_window_and_the_onboarding_fit_a_small_screen(qtbot, ctx) -> None:
    """First started on a laptop screen (offscreen, the test screen is 800 px tall), the window
    and the onboarding dialog open no taller than the screen's free area less a title bar,
    where 1280 x 820 and 900 x 680 put their bottom rows out of reach."""
    from planner.ui.dialogs.onboarding import OnboardingDialog
    from planner.ui.responsive import WINDOW_FRAME

    window = MainWindow(ctx, Settings())  # no saved geometry: a first start
    qtbot.addWidget(window)
    room = window.screen().availableGeometry().size() - WINDOW_FRAME
    assert window.height() == min(820, room.height())
    assert window.width() == max(min(1280, room.width()), window.minimumWidth())
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    assert (dialog.width(), dialog.height()) == (min(900, room.width()), min(680, room.height()))
