"""The sidebar's page icons, drawn in code in the theme's text colour.

Each page gets a shape of its own (a gauge, a route with a flag, level bars, an open book,
linked people, a pair of scales, a calendar with a tick) instead of Qt's generic file and folder
icons, several of which repeated. Drawn with QPainter, they need no files and no network, stay
sharp at 200 % scaling (drawn at the screen's pixel ratio), and are drawn again in the new
colours when the theme changes (`page_icon` is called again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

#: Icons are drawn on a 24 x 24 grid, then scaled to the size asked for.
GRID = 24.0


def _dashboard(p: QPainter) -> None:
    p.drawArc(QRectF(3, 5, 18, 18), 0, 180 * 16)  # a gauge's dial
    p.drawLine(QPointF(12, 14), QPointF(17, 8.5))  # its needle
    p.drawEllipse(QPointF(12, 14), 1.4, 1.4)
    p.drawLine(QPointF(3, 19), QPointF(21, 19))


def _roadmap(p: QPainter) -> None:
    path = QPainterPath(QPointF(4, 21))
    path.cubicTo(QPointF(4, 13), QPointF(14, 17), QPointF(13, 10))  # the road
    p.drawPath(path)
    p.drawLine(QPointF(13, 10), QPointF(13, 3))  # the flag's pole
    flag = QPainterPath(QPointF(13, 3))
    flag.lineTo(QPointF(20, 5))
    flag.lineTo(QPointF(13, 7.5))
    p.drawPath(flag)
    p.drawEllipse(QPointF(4, 21), 1.3, 1.3)


def _skills(p: QPainter) -> None:
    for x, top in ((5, 15), (10, 11), (15, 7), (20, 3)):  # levels, rising
        p.drawLine(QPointF(x, 21), QPointF(x, top))


def _learning(p: QPainter) -> None:
    left = QPainterPath(QPointF(12, 7))
    left.cubicTo(QPointF(9, 5), QPointF(5, 5), QPointF(3, 6))
    left.lineTo(QPointF(3, 19))
    left.cubicTo(QPointF(5, 18), QPointF(9, 18), QPointF(12, 20))
    p.drawPath(left)
    right = QPainterPath(QPointF(12, 7))
    right.cubicTo(QPointF(15, 5), QPointF(19, 5), QPointF(21, 6))
    right.lineTo(QPointF(21, 19))
    right.cubicTo(QPointF(19, 18), QPointF(15, 18), QPointF(12, 20))
    p.drawPath(right)
    p.drawLine(QPointF(12, 7), QPointF(12, 20))


def _network(p: QPainter) -> None:
    nodes = (QPointF(12, 5), QPointF(5, 18), QPointF(19, 18))
    for a, b in ((0, 1), (1, 2), (2, 0)):
        p.drawLine(nodes[a], nodes[b])
    brush = p.brush()
    p.setBrush(p.pen().color())
    for node in nodes:
        p.drawEllipse(node, 2.6, 2.6)
    p.setBrush(brush)


def _balance(p: QPainter) -> None:
    p.drawLine(QPointF(12, 4), QPointF(12, 20))  # the post
    p.drawLine(QPointF(8, 20), QPointF(16, 20))
    p.drawLine(QPointF(4, 7), QPointF(20, 7))  # the beam
    for x in (4, 20):  # the pans
        p.drawLine(QPointF(x, 7), QPointF(x - 2.5, 13))
        p.drawLine(QPointF(x, 7), QPointF(x + 2.5, 13))
        p.drawArc(QRectF(x - 3, 10, 6, 5), 180 * 16, 180 * 16)


def _review(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3.5, 5, 17, 15.5), 2, 2)  # a calendar page
    p.drawLine(QPointF(3.5, 9.5), QPointF(20.5, 9.5))
    for x in (8, 16):
        p.drawLine(QPointF(x, 3), QPointF(x, 6.5))
    tick = QPainterPath(QPointF(8, 15))
    tick.lineTo(QPointF(11, 17.5))
    tick.lineTo(QPointF(16, 12.5))
    p.drawPath(tick)


SHAPES: dict[str, Callable[[QPainter], None]] = {
    "dashboard": _dashboard,
    "roadmap": _roadmap,
    "skills": _skills,
    "learning": _learning,
    "network": _network,
    "balance": _balance,
    "review": _review,
}


def _pixmap(name: str, color: QColor, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / GRID, size / GRID)
    pen = QPen(color, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    SHAPES[name](painter)
    painter.end()
    return pixmap


def page_icon(name: str, size: int = 20) -> QIcon:
    """The icon of page `name` in the colours of the palette in force: text colour, and the
    highlighted text colour when its row is selected."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0
    icon = QIcon()
    for mode, role in (
        (QIcon.Mode.Normal, QPalette.ColorRole.Text),
        (QIcon.Mode.Selected, QPalette.ColorRole.HighlightedText),
    ):
        icon.addPixmap(_pixmap(name, palette.color(role), size, ratio), mode)
    return icon
