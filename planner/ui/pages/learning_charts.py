"""The Learning page's charts tab: learning hours per week, the planned commitment against the
hours logged per month, the year against the annual goal, and a calendar of the last year.

Four charts are the page's slowest part to build and draw, and the tab is not the one a visit
opens on, so the page builds this panel when the tab is first shown or prepared in idle time
(`lazy_tab.LazyTab`), and loads its data only while it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from planner.services import learning
from planner.ui.charts.base import ChartView
from planner.ui.charts.heatmap import CalendarHeatmap
from planner.ui.charts.learning import MonthlyCommitmentChart, WeeklyHoursChart, YearToDateChart
from planner.ui.context import AppContext
from planner.ui.prepare import settle_layout
from planner.ui.responsive import stack_when_narrow

WEEK_CHOICES = (12, 26, 52)
#: The width from which the monthly and the year chart sit side by side (their titles and
#: twelve month labels need about 480 px each).
CHARTS_SIDE_BY_SIDE = 1000


class LearningCharts(QScrollArea):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.weeks = QComboBox()
        for weeks in WEEK_CHOICES:
            self.weeks.addItem(f"Last {weeks} weeks", weeks)
        self.weeks.setToolTip("How many weeks the weekly chart shows")
        self.weeks.currentIndexChanged.connect(self.load_weekly)
        self.weekly_chart = WeeklyHoursChart(height=3.6)
        self.monthly_chart = MonthlyCommitmentChart(height=4.2)
        self.year_chart = YearToDateChart(height=4.2)
        self.heatmap = CalendarHeatmap(height=3.3)
        inner = QWidget()
        grid = QGridLayout(inner)
        top = QHBoxLayout()
        top.addWidget(QLabel("Weekly chart:"))
        top.addWidget(self.weeks)
        top.addStretch(1)
        top.addWidget(QLabel("Right-click a chart to save it; hover a bar or a day for figures."))
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.weekly_chart, 1, 0, 1, 2)
        pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        pair.addWidget(self.monthly_chart)
        pair.addWidget(self.year_chart)
        grid.addLayout(pair, 2, 0, 1, 2)
        grid.addWidget(self.heatmap, 3, 0, 1, 2)
        stack_when_narrow(inner, pair, CHARTS_SIDE_BY_SIDE)
        self.setWidgetResizable(True)
        self.setWidget(inner)

    def charts(self) -> list[ChartView]:
        return self.findChildren(ChartView)

    def load_weekly(self) -> None:
        weeks = self.weeks.currentData() or WEEK_CHOICES[0]
        self.weekly_chart.set_data(self.ctx.read(learning.weekly_series, self.ctx.today(), weeks))

    def load(self) -> None:
        """Give every chart its data from the file (each draws if it shows)."""
        today = self.ctx.today()
        self.load_weekly()
        self.monthly_chart.set_data(self.ctx.read(learning.monthly_commitment, today, 12))
        self.year_chart.set_data(self.ctx.read(learning.year_path, today))
        self.heatmap.set_data(self.ctx.read(learning.learning_calendar, today))

    def settle(self) -> None:
        """Lay the charts out at once as the tab shows, before the first paint: in this scroll
        area they would be drawn once at a size they are about to leave, then again."""
        settle_layout(self.charts())
