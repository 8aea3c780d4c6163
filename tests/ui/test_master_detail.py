"""The list pages' master-detail shape: the table takes the height its neighbours leave, and the
two sides divide width by their shares."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QTableView, QWidget

from planner.ui.master_detail import MasterDetail


def test_the_table_sits_between_its_filters_and_its_count_and_takes_the_spare_height(
    qtbot,
) -> None:
    table, count, button = QTableView(), QLabel("3 skills"), QPushButton("Add")
    filters = QHBoxLayout()
    filters.addWidget(button)
    split = MasterDetail(
        table, QWidget(), above=[filters], below=[count], shares=(3, 2), sizes=(600, 400)
    )
    qtbot.addWidget(split)
    split.resize(1000, 600)
    split.show()
    qtbot.waitExposed(split)
    assert button.y() < table.y() < count.y()
    assert table.height() > split.height() - 2 * count.height() - 2 * button.height() - 40
    assert split.master.layout().contentsMargins().left() == 0  # bare: the page has margins


def test_width_is_shared_as_asked_and_a_title_frames_the_list(qtbot) -> None:
    detail = QWidget()
    split = MasterDetail(QTableView(), detail, title="Saved", shares=(1, 3), sizes=(250, 750))
    qtbot.addWidget(split)
    split.resize(1000, 400)
    split.show()
    qtbot.waitExposed(split)
    master, detail_width = split.sizes()
    assert isinstance(split.master, QGroupBox) and split.master.title() == "Saved"
    assert abs(master / (master + detail_width) - 0.25) < 0.05
    split.resize(1400, 400)
    grown = split.sizes()
    assert abs((grown[1] - detail_width) / (grown[0] - master) - 3) < 0.5
