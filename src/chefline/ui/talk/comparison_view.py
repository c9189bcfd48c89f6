"""The reference's comparison table on screen (C); each row opens the scene that shows it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFontInfo, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chefline.ui.look.retranslating import Retranslating
from chefline.ui.talk.overlay import Overlay
from chefline.ui.talk.presenter import Presenter

CELL_PAD_X, CELL_PAD_Y = 8 + 4, 6
"""The cells' padding, as ``chefline.qss`` sets it (``QTableWidget#comparisonTable::item``),
and across, the margin Qt's item view keeps beside a cell's text."""


SMALLEST_PX = 12
"""Below this the table would rather scroll than shrink."""


class ComparisonView(Retranslating, Overlay):
    def __init__(self, presenter: Presenter, host: QWidget) -> None:
        super().__init__(host)
        self.presenter = presenter
        self.setObjectName("comparisonOverlay")
        self.setAutoFillBackground(True)
        self.title = QLabel()
        self.title.setObjectName("overlayTitle")
        self.hint = QLabel()
        self.table = QTableWidget(len(presenter.talk.table), 4)
        self.table.setObjectName("comparisonTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellActivated.connect(self.open_scene_of_row)
        self.table.cellClicked.connect(self.open_scene_of_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 16, 30, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        presenter.sig_toggle_table.connect(self.toggle)
        # The rows are fitted to the room the table is given, whenever that changes (a hint
        # that wraps in another language, another screen): not only when the panel does.
        self.table.viewport().installEventFilter(self)
        self._fitting = QTimer(self)
        self._fitting.setSingleShot(True)
        self._fitting.timeout.connect(self.fill_height)
        presenter.language.sig_changed.connect(self.retranslate)
        self.retranslate()

    def toggle(self) -> None:
        super().toggle()
        if self.isVisible():
            self.fill_height()  # now that the columns have their width
            self.table.setFocus()
            self.table.selectRow(max(self._row_of_scene(), 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fitting.start(0)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fill_height()

    def row_needs(self, row: int) -> int:
        """The height row ``row`` needs for every cell's text, wrapped in its column, with
        the cells' padding (the stylesheet's, which Qt's own row sizing leaves out: a
        three-line cell was cut to two and an "…")."""
        table = self.table
        metrics = QFontMetrics(table.font())
        tallest = 0
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None:
                continue
            width = max(table.columnWidth(column) - 2 * CELL_PAD_X, 1)
            box = metrics.boundingRect(QRect(0, 0, width, 100_000),
                                       int(Qt.TextFlag.TextWordWrap), item.text())  # fmt: skip
            tallest = max(tallest, box.height())
        return tallest + 2 * CELL_PAD_Y + 2

    def fill_height(self) -> None:
        """Rows as tall as their text, then sharing what room is left: the table fills the
        screen instead of leaving its lower half empty."""
        table = self.table
        rows = table.rowCount()
        table.setStyleSheet("")  # the room's size first; smaller only if the rows need it
        px = QFontInfo(table.font()).pixelSize()
        while True:
            for row in range(rows):
                table.setRowHeight(row, self.row_needs(row))
            used = sum(table.rowHeight(row) for row in range(rows))
            if used <= table.viewport().height() or px <= SMALLEST_PX:
                break
            px -= 1
            table.setStyleSheet(f"font-size: {px}px;")
        spare = table.viewport().height() - used
        if rows and spare > 0:
            for row in range(rows):
                table.setRowHeight(row, table.rowHeight(row) + spare // rows)

    def _row_of_scene(self) -> int:
        scene = self.presenter.scene
        for row, entry in enumerate(self.presenter.talk.table):
            if scene is not None and entry.scene == scene.id:
                return row
        return -1

    def open_scene_of_row(self, row: int, _column: int = 0) -> None:
        entry = self.presenter.talk.table[row]
        self.hide()
        self.presenter.go_soon(self.presenter.talk.index_of(entry.scene))

    def retranslate(self) -> None:
        language = self.presenter.language.current
        self.title.setText(self.tr("Flask and FastAPI, side by side"))
        self.hint.setText(self.tr("Enter or a click on a row opens the scene that shows it; "
                                  "Esc closes the table."))  # fmt: skip
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Topic"),
                self.tr("Flask (sync)"),
                self.tr("FastAPI (async)"),
                self.tr("Shown in"),
            ]
        )
        for row, entry in enumerate(self.presenter.talk.table):
            index = self.presenter.talk.index_of(entry.scene)
            scene_title = self.presenter.talk.scenes[index].text("title", language)
            cells = (entry.topic[language], entry.flask[language], entry.fastapi[language],
                     scene_title)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.fill_height()
