"""The Faults menu: burnt or slow dishes, and customers who walk out, for showing failure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from chefline.kitchen.faults import FaultKind, Faults
from chefline.texts import QT_TRANSLATE_NOOP
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.race_plan_model import RacePlanModel

FAULT_CHOICES = [
    (QT_TRANSLATE_NOOP("FaultsMenu", "No faults"), Faults()),
    (QT_TRANSLATE_NOOP("FaultsMenu", "Every 5th dish burns (HTTP 500)"), Faults(FaultKind.BURN, 5)),
    (QT_TRANSLATE_NOOP("FaultsMenu", "Every 10th dish burns (HTTP 500)"),
     Faults(FaultKind.BURN, 10)),
    (QT_TRANSLATE_NOOP("FaultsMenu", "Every 5th dish takes 3× as long"), Faults(FaultKind.SLOW, 5)),
]  # fmt: skip
PATIENCE_CHOICES = [
    (QT_TRANSLATE_NOOP("FaultsMenu", "Customers wait as long as it takes"), None),
    (QT_TRANSLATE_NOOP("FaultsMenu", "Customers walk out after 2 s"), 2.0),
    (QT_TRANSLATE_NOOP("FaultsMenu", "Customers walk out after 5 s"), 5.0),
]


class FaultsMenu(Retranslating, QMenu):
    """The race plan's faults and the customers' patience (``RacePlanModel``)."""

    def __init__(self, model: RacePlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faultsMenu")
        self.model = model
        self._labels: list[tuple[QAction, str]] = []
        self._faults = self._choices(FAULT_CHOICES)
        self.addSeparator()
        self._patience = self._choices(PATIENCE_CHOICES)
        self.retranslate()
        self.choose(model.plan.faults, model.plan.patience)
        for group in (self._faults, self._patience):
            group.triggered.connect(lambda _: model.set_faults(self.faults, self.patience))
        model.sig_changed.connect(lambda: self.choose(model.plan.faults, model.plan.patience))

    def retranslate(self) -> None:
        self.setTitle(self.tr("F&aults"))
        for action, label in self._labels:
            action.setText(self.tr(label))

    def _choices(self, choices: Sequence[tuple[str, object]]) -> QActionGroup:
        group = QActionGroup(self)
        group.setExclusive(True)
        for index, (label, value) in enumerate(choices):
            action = QAction(self.tr(label), self)
            self._labels.append((action, label))
            action.setCheckable(True)
            action.setChecked(index == 0)
            action.setData(value)
            group.addAction(action)
            self.addAction(action)
        return group

    @property
    def faults(self) -> Faults:
        return cast(Faults, self._faults.checkedAction().data())

    @property
    def patience(self) -> float | None:
        return cast(float | None, self._patience.checkedAction().data())

    def choose(self, faults: Faults, patience: float | None) -> None:
        """Select the entries matching these settings, adding them if the menu has none."""
        for group, value, label in (
            (self._faults, faults, faults.describe()),
            (self._patience, patience,
             self.tr("Customers walk out after {0:g} s").format(patience)
             if patience is not None else ""),
        ):  # fmt: skip
            match = next((a for a in group.actions() if a.data() == value), None)
            if match is None:
                match = QAction(label, self)
                match.setCheckable(True)
                match.setData(value)
                group.addAction(match)
                self.addAction(match)
            match.setChecked(True)
