"""Where the kitchens' language model comes from: the built-in one, or the user's own server.

The window and the CLI both go through this: the built-in model starts on first use; a
model of the user's is called once (a probe) before it is used, so that a wrong address,
model or key is reported before a race, and so that its measured speed gives the theory.
"""

from __future__ import annotations

from chefline.kitchen import limits
from chefline.kitchen.errors import BadInput
from chefline.kitchen.llm import ModelSpeed
from chefline.servers.llm.model_link import ModelLink, Supplier
from chefline.servers.llm.model_probe import ModelProbe, probe_model
from chefline.servers.llm.model_process import ModelProcess

MAX_REMOTE_CUSTOMERS = 20
"""Customers per kitchen when the model is not on this machine: a race must not turn into a
load test of somebody's server."""


def speed_of(probe: ModelProbe) -> ModelSpeed:
    """The speed the theory assumes for a model measured by a probe, within our bounds."""
    ttft = min(max(probe.ttft, 0.0), limits.MAX_TTFT_S)
    rate = min(max(probe.tokens_per_s, limits.MIN_TOKENS_PER_S), limits.MAX_TOKENS_PER_S)
    return ModelSpeed(ttft, rate)


class ModelSupply:
    """The model every kitchen of a window or CLI run calls (through ``supplier``)."""

    def __init__(self) -> None:
        self.supplier = Supplier()
        self.builtin: ModelProcess | None = None
        self.own: ModelLink | None = None
        self.own_speed: ModelSpeed | None = None

    def prepare_builtin(self, speed: ModelSpeed) -> None:
        """Start the built-in model's process now, without waiting for it: a window does
        this at start so that its first LLM race finds the model ready."""
        if self.builtin is None:
            self.builtin = ModelProcess(speed)

    def builtin_link(self, speed: ModelSpeed) -> ModelLink:
        """The built-in model (started on first use), set to ``speed``; the kitchens keep
        calling whichever model they call."""
        if self.builtin is None:
            self.builtin = ModelProcess(speed)
        else:
            self.builtin.set_speed(speed)
        return self.builtin.link()

    def use_builtin(self, speed: ModelSpeed) -> ModelSpeed:
        """Point the kitchens at the built-in model, set to ``speed``."""
        self.supplier.link = self.builtin_link(speed)
        self.own, self.own_speed = None, None
        return speed

    def use_own(self, link: ModelLink) -> ModelProbe:
        """Point the kitchens at the user's model after one call to it; raises ModelError."""
        probe = probe_model(link)
        self.own, self.own_speed = link, speed_of(probe)
        self.supplier.link = link
        return probe

    def check_customers(self, customers: int) -> None:
        if self.own is not None and not self.own.on_loopback and customers > MAX_REMOTE_CUSTOMERS:
            raise BadInput(
                f"the model at {self.own.shown_url} is not on this machine: races against it "
                f"are limited to {MAX_REMOTE_CUSTOMERS} customers per kitchen"
            )

    def close(self) -> None:
        self.supplier.close()
        if self.builtin is not None:
            self.builtin.stop()
            self.builtin = None
