"""The live figures of one kitchen, and after the race, measured against theory."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.own_work import own_work_text
from chefline.texts import QT_TRANSLATE_NOOP, SECONDS, seconds_text, translate
from chefline.ui.look.fitting import FlowLayout
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.talk_sizes import TalkSizes, TalkText
from chefline.ui.race import kitchen_clock, live_figures
from chefline.ui.race.live_figures import KitchenFigures, KitchenState
from chefline.ui.session import RaceSession


def seconds(value: float | None) -> str:
    return "–" if value is None else seconds_text(value)


def cost_texts(cost: KitchenCost | None) -> dict[str, str]:
    if cost is None:
        return {"processes": "–", "threads": "–", "memory": "–"}
    # A kitchen inside the app has no memory of its own: "in app", as for its processes.
    in_app = QCoreApplication.translate("Scoreboard", "in app")
    return {
        "processes": in_app if cost.in_app else str(cost.processes),
        "threads": str(cost.threads),
        "memory": in_app if cost.in_app else cost.memory_text(),
    }


class Scoreboard(Retranslating, QFrame):
    FIELDS = (
        ("served", QT_TRANSLATE_NOOP("Scoreboard", "served")),
        ("makespan", QT_TRANSLATE_NOOP("Scoreboard", "makespan")),
        ("throughput", QT_TRANSLATE_NOOP("Scoreboard", "throughput")),
        ("p50", QT_TRANSLATE_NOOP("Scoreboard", "p50 in restaurant")),
        ("p95", QT_TRANSLATE_NOOP("Scoreboard", "p95 in restaurant")),
        ("p99", QT_TRANSLATE_NOOP("Scoreboard", "p99 in restaurant")),
        ("queue", QT_TRANSLATE_NOOP("Scoreboard", "p95 queue wait")),
        ("peak", QT_TRANSLATE_NOOP("Scoreboard", "most at once")),
        ("chefs", QT_TRANSLATE_NOOP("Scoreboard", "chefs")),
        ("errors", QT_TRANSLATE_NOOP("Scoreboard", "errors")),
        ("tokens", QT_TRANSLATE_NOOP("Scoreboard", "tokens/s")),
        ("busy", QT_TRANSLATE_NOOP("Scoreboard", "threads busy")),
        ("waits", QT_TRANSLATE_NOOP("Scoreboard", "waits held")),
        ("ttft", QT_TRANSLATE_NOOP("Scoreboard", "TTFT")),
        ("processes", QT_TRANSLATE_NOOP("Scoreboard", "processes")),
        ("threads", QT_TRANSLATE_NOOP("Scoreboard", "threads held")),
        ("memory", QT_TRANSLATE_NOOP("Scoreboard", "memory")),
    )
    HEADLINE_ONLY = (("ratio", QT_TRANSLATE_NOOP("Scoreboard", "× theory")),)
    """Figures shown only large, above the others, when the talk's caption speaks of them."""
    LLM_ONLY = frozenset({"tokens", "busy", "waits", "ttft"})
    """Figures of a streamed model call: shown in an LLM race only."""
    ESSENTIAL = frozenset({"served", "makespan", "peak", "errors", "threads", "memory"})
    """What a short panel (a 720-line projector, large text) still shows."""
    REFRESH_EVERY = 6
    """Frames between refreshes: figures change slower than the picture moves."""

    def __init__(self, session: RaceSession, kitchen: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kitchen = kitchen
        self.setObjectName(f"scoreboard_{kitchen}")
        self.setProperty("role", "scoreboard")
        self.figures: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.headline: tuple[str, ...] = ()
        """The figures the scene's caption speaks of, shown large (the talk)."""
        self.compact = False
        self.talk: TalkSizes | None = None
        """The talk's sizes (None: the developer view)."""
        self._shrunk_px: int | None = None
        """The headline's size when the room's did not fit one row (a narrow kitchen)."""
        self._placed: tuple[object, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 6)
        outer.setSpacing(2)
        self.headline_row = FlowLayout(spacing=14)
        self.grid = FlowLayout(spacing=12)
        """The other figures: each over its caption, as many to a row as the width holds
        (a narrow kitchen wraps them instead of cutting their captions short)."""
        outer.addLayout(self.headline_row)
        outer.addLayout(self.grid)
        self.cells: dict[str, QWidget] = {}
        for key, _ in self.FIELDS + self.HEADLINE_ONLY:
            cell = QWidget(self)
            stack = QVBoxLayout(cell)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(0)
            figure = QLabel("–")
            figure.setProperty("role", "figure")
            figure.setObjectName(f"figure_{key}")
            label = QLabel()
            label.setProperty("role", "caption")
            stack.addWidget(figure, 0, Qt.AlignmentFlag.AlignLeft)
            stack.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
            self.captions[key] = label
            self.figures[key] = figure
            self.cells[key] = cell
            cell.hide()
        self.verdict = QLabel(" ")
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)  # "took 3.…" was cut short in a narrow kitchen
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.verdict)
        self.own_work = QLabel(" ")
        self.own_work.setObjectName("ownWork")
        self.own_work.setProperty("role", "caption")
        self.own_work.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.own_work.setWordWrap(True)
        outer.addWidget(self.own_work)
        self._place()
        self._frames = 0
        self.rest = kitchen_clock.RestWatch(session, kitchen)
        session.sig_frame.connect(self._on_frame)
        session.sig_race_finished.connect(self.refresh)
        session.sig_cleared.connect(self.refresh)
        session.sig_race_started.connect(self.refresh)
        self.retranslate()

    # -- which figures, where -----------------------------------------------------------------

    def set_headline(self, keys: tuple[str, ...]) -> None:
        """Show ``keys`` large, above the rest (the talk: what the caption speaks of; the
        talk's stylesheet sizes them for the room, ``TalkText.FIGURE``)."""
        self._shrink_headline(None)
        for key in self.figures:
            self.figures[key].setStyleSheet("")
        self.headline = tuple(k for k in keys if k in self.figures)
        self._place()
        self.fit_headline()

    def set_talk(self, sizes: TalkSizes | None) -> None:
        self.talk = sizes
        self._shrink_headline(None)
        self.fit_headline()

    def fit_headline(self) -> None:
        """The headline in one row: when the room's size (``TalkText.FIGURE``) is too wide
        for a narrow kitchen, its figures shrink, never below what the back row reads."""
        if self.talk is None or not self.headline:
            return
        room = self.contentsRect().width() - 24
        needed = sum(
            max(self.figures[k].sizeHint().width(), self.captions[k].sizeHint().width())
            for k in self.headline
        ) + self.headline_row.spacing() * (len(self.headline) - 1)
        full, least = self.talk.px(TalkText.FIGURE), self.talk.least_px(TalkText.FIGURE)
        current = self._shrunk_px or full
        if needed > room > 0:
            self._shrink_headline(max(least, int(current * room / needed)))
        elif self._shrunk_px is not None and needed * full / current <= room:
            self._shrink_headline(None)

    def _shrink_headline(self, px: int | None) -> None:
        if px == self._shrunk_px:
            return
        self._shrunk_px = px
        size = "" if px is None else f"font-size: {px}px;"
        for key in self.headline:
            self.figures[key].setStyleSheet(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_headline()

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self._place()

    def shown_keys(self) -> list[str]:
        """The figures of the grid: an LLM race's only in one; a short panel's essentials."""
        plan = self.session.plan
        llm = plan is not None and plan.is_chat
        keys = [key for key, _ in self.FIELDS if llm or key not in self.LLM_ONLY]
        if self.compact and self.headline:
            return []  # a short panel in the talk: the figures the caption speaks of, large
        if self.compact:
            keys = [key for key in keys if key in self.ESSENTIAL]
        return [key for key in keys if key not in self.headline]

    def _place(self) -> None:
        shown = self.shown_keys()
        placement = (tuple(shown), self.headline, self.compact)
        if placement == self._placed:
            return
        self._placed = placement
        self.verdict.setVisible(not (self.compact and self.headline))
        self.own_work.setVisible(not self.compact)  # a short panel: the headline says it
        for flow in (self.headline_row, self.grid):
            while flow.count():
                flow.takeAt(0)
        for cell in self.cells.values():
            cell.hide()
        for flow, keys, role in ((self.headline_row, self.headline, "headline"),
                                 (self.grid, shown, "figure")):  # fmt: skip
            for key in keys:
                figure = self.figures[key]
                figure.setProperty("role", role)
                figure.style().unpolish(figure)
                figure.style().polish(figure)
                flow.addWidget(self.cells[key])
                self.cells[key].show()
        self.updateGeometry()

    def retranslate(self) -> None:
        for key, caption in self.FIELDS + self.HEADLINE_ONLY:
            self.captions[key].setText(self.tr(caption))
        in_restaurant = self.tr(
            "Time in the restaurant: from the order sent to the dish received (served orders)"
        )
        tips = {
            "p50": in_restaurant,
            "p95": in_restaurant,
            "p99": in_restaurant,
            "queue": self.tr("Queue wait: from the order sent until a chef picked it up"),
            "busy": self.tr("Threads with an order in hand right now"),
            "processes": self.tr(
                "Processes of the kitchen's own (\"in app\": it runs inside Chefline's process)"
            ),
            "threads": self.tr(
                "OS threads the kitchen held at most, so far in a race (frozen once its last "
                "dish is out)"
            ),
            "memory": self.tr(
                "Memory of the kitchen's processes (PSS on Linux); a kitchen inside the app "
                "has none of its own to measure"
            ),
            "ttft": self.tr("Time to first token of an LLM answer: p50·p95, seconds"),
            "waits": self.tr(
                "Orders waiting on the stove right now (a sleep, or a model's tokens): an async "
                "kitchen holds them all on one thread, a sync one needs a thread for each"
            ),
        }
        for key, tip in tips.items():
            self.figures[key].setToolTip(tip)
        self.own_work.setToolTip(self.tr(
            "The ideal theory counts only the dishes. Every order also costs the kitchen its "
            "own Python work (parsing, routing, recording), measured when it opened; in one "
            "interpreter that work runs in series, also that of the kitchens next door."
        ))  # fmt: skip
        self.refresh()

    def _on_frame(self) -> None:
        self._frames += 1
        if self.rest.unchanged():
            return
        if self.rest.resting or self._frames % self.REFRESH_EVERY == 0:
            self.refresh()

    def refresh(self) -> None:
        self._place()
        shown = live_figures.figures_of(self.session, self.kitchen)
        if shown is None:
            for figure in self.figures.values():
                figure.setText("–")
            self.verdict.setText(" ")
            self.own_work.setText(" ")
            return
        s, makespan, cooking = shown.summary, shown.makespan, shown.state is KitchenState.COOKING
        throughput = s.served / makespan if makespan else None
        values = {
            "served": shown.served_text,
            "makespan": seconds(makespan),
            "throughput": "–" if throughput is None else f"{throughput:.1f}/s",
            "p50": seconds(s.latency_p50),
            "p95": seconds(s.latency_p95),
            "p99": seconds(s.latency_p99),
            "queue": seconds(s.queue_wait_p95),
            "peak": str(s.peak_concurrency),
            "chefs": str(s.chefs),
            "errors": str(s.failed),
        }
        values["busy"] = values["waits"] = "–"
        timeline = self.session.timelines.get(self.kitchen)
        if cooking and timeline is not None:  # this moment; after the race there is none
            now = timeline.kitchen_now()
            values["busy"], values["waits"] = str(now.chefs_busy), str(now.on_stove)
        ttft = f"{s.ttft_p50:.2f}·{s.ttft_p95 or 0:.2f}" if s.ttft_p50 is not None else None
        values["ttft"] = "–" if ttft is None else translate("Units", SECONDS).format(ttft)
        tokens_per_s = s.tokens / makespan if s.tokens and makespan else None
        values["tokens"] = "–" if tokens_per_s is None else f"{tokens_per_s:.0f}"
        values.update(cost_texts(shown.cost))
        values["ratio"] = "–" if shown.ratio is None else f"×{shown.ratio:.2f}"
        for key, text in values.items():
            if self.figures[key].text() != text:  # each new text lays the figures out again
                self.figures[key].setText(text)
        self.fit_headline()
        reasons = ", ".join(f"{count} {kind}" for kind, count in sorted(s.failures.items()))
        self.figures["errors"].setToolTip(reasons or self.tr("no order failed"))
        ttft_tip = self.tr("Time to first token of an LLM answer: p50·p95, seconds")
        if s.ttft_p99 is not None:  # the tail, where the figure has no room for it
            ttft_tip += f" · p99 {seconds_text(s.ttft_p99)}"
        self.figures["ttft"].setToolTip(ttft_tip)
        verdict = self.verdict_text(shown)
        # A short panel shows the makespan right above: its verdict leaves it out, on one line
        # (two lines of verdict took the orders' lanes below 40 % of a kitchen in Chinese).
        self.verdict.setText(self.short_verdict_text(shown) if self.compact else verdict)
        self.verdict.setToolTip(verdict)
        self.own_work.setText(own_work_text(s, shown.planned, with_ratio=not cooking) or " ")

    def short_verdict_text(self, shown: KitchenFigures) -> str:
        """The verdict without the time taken, which the makespan beside it says."""
        expected = shown.summary.expected_makespan
        if shown.state not in (KitchenState.COOKING, KitchenState.FINISHED) or expected is None:
            return self.verdict_text(shown)
        if shown.ratio is None:  # still cooking: the makespan beside it is counting
            return self.tr("expected {0:.2f} s").format(expected)
        return self.tr("expected {0:.2f} s (×{1:.2f})").format(expected, shown.ratio)

    def verdict_text(self, shown: KitchenFigures) -> str:
        s, state = shown.summary, shown.state
        expected = s.expected_makespan
        if state is KitchenState.WAITING_TURN:
            return self.tr("waiting its turn: one kitchen at a time")
        if state in (KitchenState.STOPPED, KitchenState.FAILED):
            # Nothing to hold to theory: it did not serve what it was sent.
            word = self.tr("stopped") if state is KitchenState.STOPPED else self.tr("failed")
            return self.tr("{0}: {1} of {2} served, {3} failed — no ratio to theory").format(
                word, s.served, shown.planned, s.failed
            )
        if expected is None:
            return " "
        if state is KitchenState.COOKING:
            return self.tr("expected {0:.2f} s · cooking for {1}").format(
                expected, seconds(shown.makespan)
            )
        if s.makespan is None or shown.ratio is None:
            return self.tr("expected {0:.2f} s").format(expected)
        return self.tr("expected {0:.2f} s, took {1:.2f} s (×{2:.2f})").format(
            expected, s.makespan, shown.ratio
        )
