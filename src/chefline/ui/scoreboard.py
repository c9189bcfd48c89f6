"""The live figures of one kitchen, and after the race, measured against theory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from chefline.kitchen.cost import KitchenCost
from chefline.kitchen.timeline import TimelineSummary
from chefline.ui.session import RaceSession


def seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def cost_texts(cost: KitchenCost | None) -> dict[str, str]:
    if cost is None:
        return {"processes": "–", "threads": "–", "memory": "–"}
    return {
        "processes": cost.processes_text(),
        "threads": str(cost.threads),
        "memory": cost.memory_text(),
    }


class Scoreboard(QFrame):
    FIELDS = (
        ("served", "served"),
        ("makespan", "makespan"),
        ("throughput", "throughput"),
        ("p50", "p50 wait"),
        ("p95", "p95 wait"),
        ("peak", "most at once"),
        ("chefs", "chefs"),
        ("errors", "errors"),
        ("tokens", "tokens/s"),
        ("busy", "threads busy"),
        ("waits", "waits held"),
        ("ttft", "TTFT"),
        ("processes", "processes"),
        ("threads", "threads held"),
        ("memory", "memory"),
    )
    COLUMNS = 4
    REFRESH_EVERY = 6
    """Frames between refreshes: figures change slower than the picture moves."""

    def __init__(self, session: RaceSession, kitchen: str, parent: QWidget | None = None,
                 columns: int = COLUMNS) -> None:  # fmt: skip
        super().__init__(parent)
        self.columns = columns
        self.session = session
        self.kitchen = kitchen
        self.setObjectName(f"scoreboard_{kitchen}")
        self.setProperty("role", "scoreboard")
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        for position, (key, caption) in enumerate(self.FIELDS):
            # Rows of four keep a kitchen readable in half of a 1280-pixel screen.
            row, column = divmod(position, self.columns)
            figure = QLabel("–")
            figure.setProperty("role", "figure")
            figure.setObjectName(f"figure_{key}")
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label = QLabel(caption)
            label.setProperty("role", "caption")
            grid.addWidget(figure, row, 2 * column)
            grid.addWidget(label, row, 2 * column + 1)
            self.figures[key] = figure
        self.verdict = QLabel(" ")
        self.verdict.setObjectName("verdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figures["busy"].setToolTip("Threads with an order in hand right now")
        self.figures["processes"].setToolTip(
            "Processes of the kitchen's own (\"in app\": it runs inside Chefline's process)"
        )
        self.figures["threads"].setToolTip(
            "OS threads the kitchen holds: now during a race, the most at once after it"
        )
        self.figures["memory"].setToolTip(
            "Memory of the kitchen's processes (PSS on Linux); a kitchen inside the app has "
            "none of its own to measure"
        )
        self.figures["ttft"].setToolTip("Time to first token of an LLM answer: p50·p95, seconds")
        self.figures["waits"].setToolTip(
            "Orders waiting on the stove right now (a sleep, or a model's tokens): an async "
            "kitchen holds them all on one thread, a sync one needs a thread for each"
        )
        rows = -(-len(self.FIELDS) // self.columns)
        grid.addWidget(self.verdict, rows, 0, 1, 2 * self.columns)
        self._frames = 0
        session.sig_frame.connect(self._on_frame)
        session.sig_race_finished.connect(self.refresh)
        session.sig_cleared.connect(self.refresh)
        session.sig_race_started.connect(self.refresh)

    def _on_frame(self) -> None:
        self._frames += 1
        if self._frames % self.REFRESH_EVERY == 0:
            self.refresh()

    def refresh(self) -> None:
        timeline = self.session.timelines.get(self.kitchen)
        if timeline is None or self.session.plan is None:
            for figure in self.figures.values():
                figure.setText("–")
            self.verdict.setText(" ")
            return
        total = self.session.plan.arrivals.customers
        running = self.session.live
        s = timeline.summary(self.session.clock() if running else None)
        makespan = self.session.elapsed() if running else s.makespan
        throughput = s.served / makespan if makespan else None
        values = {
            "served": f"{s.served}/{total}",
            "makespan": seconds(makespan),
            "throughput": "–" if throughput is None else f"{throughput:.1f}/s",
            "p50": seconds(s.latency_p50),
            "p95": seconds(s.latency_p95),
            "peak": str(s.peak_concurrency),
            "chefs": str(s.chefs),
            "errors": str(s.failed),
        }
        values["busy"] = values["waits"] = "–"
        if running:  # the meter shows this moment; after the race there is none
            now = timeline.kitchen_now()
            values["busy"], values["waits"] = str(now.chefs_busy), str(now.on_stove)
        values["ttft"] = "–" if s.ttft_p50 is None else f"{s.ttft_p50:.2f}·{s.ttft_p95 or 0:.2f} s"
        tokens_per_s = s.tokens / makespan if s.tokens and makespan else None
        values["tokens"] = "–" if tokens_per_s is None else f"{tokens_per_s:.0f}"
        values.update(cost_texts(self.session.cost_of(self.kitchen)))
        for key, text in values.items():
            self.figures[key].setText(text)
        reasons = ", ".join(f"{count} {kind}" for kind, count in sorted(s.failures.items()))
        self.figures["errors"].setToolTip(reasons or "no order failed")
        self.verdict.setText(self.verdict_text(s, running, makespan))

    def verdict_text(self, s: TimelineSummary, running: bool, makespan: float | None) -> str:
        expected = s.expected_makespan
        if expected is None:
            return " "
        if running:
            return f"expected {expected:.2f} s · cooking for {seconds(makespan)}"
        if s.makespan is None:
            return f"expected {expected:.2f} s"
        ratio = s.makespan / expected if expected else 0.0
        return f"expected {expected:.2f} s, took {s.makespan:.2f} s (×{ratio:.2f})"
