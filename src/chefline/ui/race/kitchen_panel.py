"""One kitchen's column: who it is, the scene, the scoreboard, the order and chef timelines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from chefline.engine import Kitchen
from chefline.kitchen.recipe import DishKind
from chefline.ui.look.fitting import ElidedLabel
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.talk_sizes import TalkSizes
from chefline.ui.race.chef_lanes import ChefLanesView
from chefline.ui.race.kitchen_scene import KitchenScene
from chefline.ui.race.order_timeline import OrderTimelineView
from chefline.ui.race.route_view import RouteView
from chefline.ui.race.scoreboard import Scoreboard
from chefline.ui.race.time_scale import TimeScale
from chefline.ui.session import RaceSession

UNBOUNDED = 16777215
"""Qt's largest widget size (QWIDGETSIZE_MAX, which PySide6 does not export)."""


def section() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionTitle")
    return label


class KitchenPanel(Retranslating, QFrame):
    def __init__(self, session: RaceSession, kitchen: Kitchen, scale: TimeScale,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        name = kitchen.name
        self.setObjectName(f"kitchenPanel_{name}")
        self.setProperty("class", "kitchenPanel")
        header = QHBoxLayout()
        title = ElidedLabel(name)
        title.setObjectName("kitchenTitle")
        route = ElidedLabel(kitchen.mode.route)
        route.setObjectName("kitchenRoute")
        self.route = route
        self.session = session
        self.mode = kitchen.mode
        session.sig_race_started.connect(self._show_route)
        self.kitchen = kitchen
        address = QLabel()
        address.setObjectName("kitchenAddress")
        self.address = address
        # Symbols, not words: four kitchens side by side must fit in 1920 pixels.
        stop = QToolButton()
        stop.setText("■")
        stop.setObjectName(f"stopButton_{name}")
        self.stop_button = stop
        stop.setEnabled(kitchen.server.running)
        stop.clicked.connect(lambda: session.stop_kitchen(name))
        restart = QToolButton()
        restart.setText("↻")
        restart.setObjectName(f"restartButton_{name}")
        self.restart_button = restart
        restart.clicked.connect(lambda: session.restart_kitchen(name))
        self.title = title
        header.addWidget(title, 1)
        header.addWidget(address)
        header.addWidget(stop)
        header.addWidget(restart)
        summary = QLabel()
        self.summary = summary
        summary.setWordWrap(True)
        # Two lines whether or not the text wraps, so side-by-side timelines line up.
        summary.setFixedHeight(summary.fontMetrics().lineSpacing() * 2 + 2)
        summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.scene = KitchenScene(session, name)
        self.scene.setProperty("role", "lanes")
        self.scoreboard = Scoreboard(session, name)
        self.timeline = OrderTimelineView(session, name, scale)
        self.timeline.setObjectName(f"orderTimeline_{name}")
        self.chefs = ChefLanesView(session, name, scale)
        self.chefs.setObjectName(f"chefLanes_{name}")
        for lanes in (self.timeline, self.chefs):
            lanes.setProperty("role", "lanes")  # a talk sizes their labels for the room

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(route)
        layout.addWidget(summary)
        self.code = RouteView()
        self.code.hide()
        self.code_line = QLabel()
        """In a talk of four kitchens: the route in one line (a column has no room for more)."""
        self.code_line.setObjectName("codeLine")
        self.code_line.setWordWrap(True)
        self.code_line.hide()
        self.picture = QWidget()
        """The kitchen's picture and its route's code, side by side (hidden when neither
        is shown, so that it takes no room)."""
        picture = QHBoxLayout(self.picture)
        picture.setContentsMargins(0, 0, 0, 0)
        picture.setSpacing(8)
        picture.addWidget(self.scene, 2)
        picture.addWidget(self.code, 3)
        layout.addWidget(self.picture, 2)
        layout.addWidget(self.code_line)
        layout.addWidget(self.scoreboard)
        self.orders_title, self.chefs_title = section(), section()
        layout.addWidget(self.orders_title)
        layout.addWidget(self.timeline, 3)
        layout.addWidget(self.chefs_title)
        layout.addWidget(self.chefs, 1)
        self.compact = False
        self.talk = False
        self.dish = DishKind.IO
        self.retranslate()

    def retranslate(self) -> None:
        kitchen = self.kitchen
        if kitchen.server.running:
            self.address.setText(kitchen.url.removeprefix("http://"))
            self.address.setToolTip(
                self.tr("The real server of this kitchen: GET {0}?wait=0.5").format(
                    kitchen.cook_url
                )
            )
        else:
            self.address.setText(self.tr("closed"))
            self.address.setToolTip(
                self.tr("This kitchen is closed: its orders will find nobody. Restart it.")
            )
        self.stop_button.setAccessibleName(self.tr("Stop"))
        self.stop_button.setToolTip(
            self.tr("Close this kitchen now, as if it crashed; the others go on")
        )
        self.restart_button.setAccessibleName(self.tr("Restart"))
        self.restart_button.setToolTip(self.tr("Open this kitchen again on a new port"))
        self.summary.setText(self.summary_text())
        self.orders_title.setText(self.tr("Orders"))
        self.chefs_title.setText(self.tr("Chefs"))

    def _show_route(self) -> None:
        plan = self.session.plan
        if plan is not None:
            self.show_dish(plan.recipe.dish)

    def show_dish(self, dish: DishKind) -> None:
        """The route line and the one-line summary say what the kitchen does with this dish
        (a CPU-bound dish has no sleep to await: the chef hashes)."""
        self.dish = dish
        route = self.mode.route
        if dish is DishKind.LLM:
            route = self.mode.chat_route
        elif dish is DishKind.CPU:
            kind, _, rest = route.partition(" + ")
            route = f"{kind} + burn_cpu (hashing), {rest.partition(', ')[2]}"
        self.route.setText(route)
        self.summary.setText(self.summary_text())

    def summary_text(self) -> str:
        mode = self.mode
        if self.dish is not DishKind.CPU:
            return QCoreApplication.translate("Modes", mode.summary)
        if mode.on_event_loop:
            return self.tr("CPU dish: nothing to await, so the one chef chops each dish in turn.")
        if mode.own_process:
            return self.tr("CPU dish: a chef per process, so the dishes are chopped at once, "
                           "one per core.")  # fmt: skip
        return self.tr("CPU dish: the chefs are threads, and take turns at Python's one GIL.")

    def show_code(
        self, code: str | None, dish: DishKind | None = None, full: str | None = None
    ) -> None:
        """The route's source beside the picture (None: the picture alone). Three or four
        kitchens leave no room for both: the code takes the picture's place."""
        if dish is not None:
            self.show_dish(dish)
        crowded = len(self.session.kitchens) > 2
        one_line = code is not None and self.talk and crowded
        # Four kitchens in a talk keep their orders and figures; each chef's lane would be a
        # sliver (a hundred threads in a few pixels) that the figures say better.
        self.chefs.setVisible(not one_line)
        self.code_line.setText(self.route.text() if one_line else "")
        self.code_line.setVisible(one_line)
        if code is None or one_line:
            self.code.hide()
        else:
            self.code.show_code(code, full)
            self.code.show()
        self.scene.setVisible(code is None or not crowded)
        self.picture.setVisible(not (self.scene.isHidden() and self.code.isHidden()))
        self._fit_code_line(self.width(), self.height())
        self._fit_picture()

    def set_talk(self, sizes: TalkSizes | None) -> None:
        """In a talk (its ``sizes``) the panel keeps what the room reads (the name, the
        route's code, the figures the caption speaks of, the lanes), large; the developer's
        parts go. None: the developer view."""
        talk = sizes is not None
        self.talk = talk
        for part in (self.address, self.stop_button, self.restart_button):
            part.setVisible(not talk)
        if not talk:
            self.code_line.hide()
            self.chefs.show()
        self.code.set_talk(sizes)
        self.scoreboard.set_talk(sizes)
        self.compact = not self.compact  # lay the panel out again for its new role
        self._fit_picture()

    def _fit_picture(self) -> None:
        """What the panel shows follows the height it gets, never the other way round: the
        picture and the code share a stretch with the timelines (none has a fixed height),
        and a short panel (a 720-line projector, large text) drops the kitchen's one-line
        summary and the section titles, which the legend and the code already say."""
        line = self.fontMetrics().lineSpacing()
        # Short, or narrow and not tall (four kitchens on a projector): the figures would wrap
        # into rows that leave the orders' lanes a sliver.
        narrow = self.width() < line * 24 and self.height() < line * 50
        compact = self.talk or self.height() < line * 34 or narrow
        if compact != self.compact or not self.isVisible():
            self.compact = compact
            for part in (self.route, self.summary, self.orders_title, self.chefs_title):
                part.setVisible(not compact)
            self.scoreboard.set_compact(compact)
            layout = self.layout()
            assert layout is not None
            layout.setContentsMargins(*((8, 6, 8, 6) if compact else (12, 10, 12, 10)))
            layout.setSpacing(3 if compact else 6)
        tallest = line * (16 if self.code.isVisible() else 11)
        # A short panel: the orders' lanes come first, the chefs' a summary below them.
        self.chefs.setMaximumHeight(line * 3 if compact and not self.talk else UNBOUNDED)
        if compact and not self.talk:
            tallest = line * 4
        least = 0
        if self.talk and not self.code.isHidden():
            # The code whole at the room's size, and the picture beside it as tall: every
            # kitchen's timelines then start at the same height, so they line up.
            tallest = least = self.code.needed_height()
        self.scene.setMinimumHeight(least)
        self.scene.setMaximumHeight(tallest)
        self.code.setMinimumHeight(least)
        self.code.setMaximumHeight(tallest)
        self.picture.setMaximumHeight(tallest)  # no stretch left around it to open gaps

    LEAST_LANES_PX = 80
    """The orders' lanes keep at least this much height in a talk's crowded panel."""

    def _fit_code_line(self, width: int, height: int) -> None:
        """The route in one line (four kitchens in a talk), wrapped at the width it has, or,
        when the panel is too short for it and the figures and the lanes (a projector at the
        largest text), left to the kitchen name's tooltip rather than squeezing the rest."""
        if not self.code_line.text():
            return
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inside = width - margins.left() - margins.right()
        needed = self.code_line.heightForWidth(inside)
        rest = (
            self.title.sizeHint().height()
            + self.scoreboard.minimumSizeHint().height()
            + self.LEAST_LANES_PX
            + margins.top()
            + margins.bottom()
            + 4 * layout.spacing()
        )
        fits = needed + rest <= height
        self.code_line.setMinimumHeight(needed if fits else 0)
        self.code_line.setVisible(fits)
        self.title.setToolTip("" if fits else self.code_line.text())

    def minimumSizeHint(self) -> QSize:
        """The least the panel is drawn at, for its width: its name, its picture small, its
        figures as they wrap, a few orders' lanes and a chef's. Squeezed below it, its parts
        were drawn over one another (the kitchens' area scrolls instead)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        line = self.fontMetrics().lineSpacing()
        inside = max(self.width() - margins.left() - margins.right(), line * 8)

        def height(part: QWidget) -> int:
            if part.hasHeightForWidth():
                return max(part.heightForWidth(inside), part.minimumSizeHint().height())
            return part.sizeHint().height()

        parts = [self.title.sizeHint().height(), height(self.scoreboard), line * 5]
        if self.picture.isVisibleTo(self):
            parts.append(max(line * 3, self.picture.minimumSizeHint().height()))
        if self.chefs.isVisibleTo(self):
            parts.append(line * 2)
        for part in (self.route, self.summary, self.code_line, self.orders_title,
                     self.chefs_title):  # fmt: skip
            if part.isVisibleTo(self):
                parts.append(height(part))
        spacing = layout.spacing() * (len(parts) - 1)
        return QSize(line * 10, sum(parts) + spacing + margins.top() + margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its figures wrap anew: its least height changed
        # A narrow panel (four kitchens on a projector) keeps the kitchen's name whole; the
        # address stays in the tooltip of the name.
        wide = event.size().width() >= self.fontMetrics().averageCharWidth() * 52
        self.address.setVisible(wide and not self.talk)
        self._fit_code_line(event.size().width(), event.size().height())
        self._fit_picture()
        super().resizeEvent(event)
