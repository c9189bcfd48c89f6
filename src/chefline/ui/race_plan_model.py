"""The race the window serves next, in one place, owned by the session.

The control bar shows and edits it, the Faults menu sets its faults and the customers'
patience, the model dialog the built-in model's speed and what every customer asks; a scene
of the talk, the command line and the LLM menu set it whole. Serve reads it. Each of them
binds to this model (``sig_changed``) instead of reading the others' widgets.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from chefline.client.plan import RacePlan
from chefline.kitchen.faults import Faults
from chefline.kitchen.llm import DEFAULT_MODEL_SPEED, ChatOrder, ModelSpeed


class RacePlanModel(QObject):
    sig_changed = Signal()
    """The plan changed; read ``plan`` (and ``speed``, ``chat`` for the LLM dish)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = RacePlan()
        self.speed: ModelSpeed = DEFAULT_MODEL_SPEED
        """The built-in model's speed (the Model menu), for an LLM race."""
        self.chat = ChatOrder()
        """What every customer asks the model (its prompt and temperature; the control bar
        sets how many tokens)."""

    @property
    def plan(self) -> RacePlan:
        return self._plan

    def set_plan(self, plan: RacePlan, *, keep_faults: bool = False) -> None:
        """The race to serve next: ``plan`` whole (a scene, the command line), or, with
        ``keep_faults``, its orders with the faults and patience chosen before (the control
        bar's fields, which do not set those)."""
        if keep_faults:
            plan = replace(plan, faults=self._plan.faults, patience=self._plan.patience)
        if plan.chat is not None and plan.speed is not None:
            self.speed, self.chat = plan.speed, plan.chat
        if plan != self._plan:
            self._plan = plan
            self.sig_changed.emit()

    def set_faults(self, faults: Faults, patience: float | None) -> None:
        self.set_plan(replace(self._plan, faults=faults, patience=patience))

    def set_model(self, speed: ModelSpeed | None = None, chat: ChatOrder | None = None) -> None:
        """The built-in model's speed and what customers ask it, for the LLM dish."""
        self.speed = speed or self.speed
        self.chat = chat or self.chat
        plan = self._plan
        if plan.chat is not None:  # an LLM race already set: it asks the new question
            ask = ChatOrder(self.chat.prompt, plan.chat.max_tokens, self.chat.temperature)
            plan = replace(RacePlan.for_chat(ask, self.speed, plan.arrivals, plan.faults,
                                             plan.patience), in_turn=plan.in_turn)  # fmt: skip
        self._plan = plan
        self.sig_changed.emit()
