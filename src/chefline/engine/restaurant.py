"""The open kitchens of a window or a command-line run, the model they call, their customers.

Opening kitchens, choosing the model, checking that a race fits and starting it used to be
written three times (window, ``chefline race``, ``chefline rehearse``); this is the one place.
Nothing here knows Qt: the window calls the slow parts off its GUI thread and turns the
failures into messages, the command line turns them into exit codes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from chefline.client.customer_process import CustomerProcess
from chefline.client.plan import RacePlan
from chefline.client.race import Listener, RaceRunner
from chefline.engine.your_app import start_your_app
from chefline.kitchen.errors import ChefError
from chefline.kitchen.llm import DEFAULT_MODEL_SPEED, ModelSpeed
from chefline.kitchen.modes import KitchenSettings, get_mode
from chefline.kitchen.your_app import ReportSource, YourAppSpec
from chefline.process import share_the_gil_finely
from chefline.servers.kitchens import Kitchen, start_kitchen
from chefline.servers.llm.model_link import ModelLink
from chefline.servers.llm.model_probe import ModelProbe, probe_model
from chefline.servers.llm.model_supply import ModelSupply
from chefline.texts import QT_TRANSLATE_NOOP, translate

OPEN_FAILED = QT_TRANSLATE_NOOP("Engine", "The {0} kitchen could not open: {1}")
REOPEN_FAILED = QT_TRANSLATE_NOOP("Engine", "The {0} kitchen could not open again: {1}")


def check_fits(plan: RacePlan, names: Sequence[str], settings: KitchenSettings) -> None:
    """Refuse (BadInput) a race that would last too long at one of the kitchens
    ``names``: before any server starts."""
    for name in names:
        plan.check_fits(get_mode(name), settings)


def side_by_side(works: Sequence[Callable[[], object]]) -> None:
    """Run ``works`` each in a thread of its own and return when all are done: starting or
    stopping a server takes up to a few hundred ms, most of it waiting."""
    threads = [threading.Thread(target=work, daemon=True) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@dataclass(frozen=True)
class KitchenFailure:
    """A kitchen that did not open, and why (the server's own error)."""

    name: str
    error: Exception
    again: bool = False
    """True when it was open before and could not be opened again."""

    def sentence(self) -> str:
        """One sentence for the user, in their language."""
        text = translate("Engine", REOPEN_FAILED if self.again else OPEN_FAILED)
        return text.format(self.name, self.error)


@dataclass
class Opening:
    """Kitchens started for a request to open some (``Restaurant.start``), not yet in use."""

    started: dict[str, Kitchen] = field(default_factory=dict)
    failures: list[KitchenFailure] = field(default_factory=list)

    def cancel(self) -> None:
        for kitchen in self.started.values():
            kitchen.stop()


class Restaurant:
    """The kitchens open at one time, the language model they call, and their customers.

    ``keep_customers``: one customers' process for the restaurant's life (a window, where
    races follow one another), instead of one per race (a command-line run).
    """

    def __init__(
        self, settings: KitchenSettings | None = None, *, keep_customers: bool = False
    ) -> None:
        self.settings = settings or KitchenSettings()
        share_the_gil_finely()  # its kitchens cook in this process: prompt GIL hand-offs
        self.kitchens: list[Kitchen] = []
        self.models = ModelSupply()
        self._keep_customers = keep_customers
        self._your_app_first = False
        self._customers = CustomerProcess() if keep_customers else None

    # -- kitchens ---------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        return [kitchen.name for kitchen in self.kitchens]

    @property
    def your_apps(self) -> list[Kitchen]:
        """The open kitchens that are your app (their reports come from a middleware)."""
        return [k for k in self.kitchens if k.report is ReportSource.RELAY]

    def with_your_app(self, names: Sequence[str]) -> list[str]:
        """``names`` and your app's kitchen, if one is open: it stays while the built-in
        kitchens change."""
        yours = [k.name for k in self.your_apps if k.name not in names]
        return [*yours, *names] if self._your_app_first else [*names, *yours]

    def start(self, names: Sequence[str], ports: Mapping[str, int] | None = None) -> Opening:
        """Start the kitchens of ``names`` not open yet, side by side (any thread; a kitchen
        in a process of its own takes most of a second). ``settle`` puts them in use.
        ``ports``: where some should listen (a busy one is replaced, with a notice)."""
        missing = [name for name in names if name not in self.names]
        opening = Opening()
        ports = ports or {}

        def start_one(name: str) -> None:  # list appends are atomic: no lock needed
            try:
                kitchen = start_kitchen(name, self.settings, port=ports.get(name, 0),
                                        supplier=self.models.supplier)  # fmt: skip
            except ChefError as error:
                opening.failures.append(KitchenFailure(name, error))
                return
            opening.started[name] = kitchen

        side_by_side([partial(start_one, name) for name in missing])
        # Measured once every kitchen has opened, in the background (opening stays quick):
        # a kitchen importing its framework beside one calibrating was counted in its CPU
        # (8 ms an order for flask-threaded opened with three others, where it spends 1).
        for kitchen in opening.started.values():
            kitchen.measure_own_cost_soon()
        return opening

    def settle(self, names: Sequence[str], opening: Opening) -> list[KitchenFailure]:
        """Run exactly ``names``: those open stay, those started join, the rest stop."""
        opened = dict(opening.started)
        for kitchen in self.kitchens:
            if kitchen.name in names:
                twin = opened.get(kitchen.name)
                if twin is not None:  # started meanwhile by an earlier request: one is enough
                    twin.stop()
                opened[kitchen.name] = kitchen
            else:
                kitchen.stop()
        self.kitchens = [opened[name] for name in names if name in opened]
        return opening.failures

    def open(
        self, names: Sequence[str], ports: Mapping[str, int] | None = None
    ) -> list[KitchenFailure]:
        """Run exactly these kitchens (your app too, if open); what failed to open."""
        names = self.with_your_app(names)
        return self.settle(names, self.start(names, ports))

    def open_or_raise(self, names: Sequence[str], ports: Mapping[str, int] | None = None) -> None:
        """``open``, for a run that cannot go on without every kitchen: the first failure's
        own error is raised (KitchenError, BadInput); the kitchens that did open
        stay until ``close``."""
        failures = self.open(names, ports)
        if failures:
            raise failures[0].error

    def kitchens_down(self) -> list[str]:
        """The open kitchens whose server no longer runs: it died (or was stopped)."""
        return [kitchen.name for kitchen in self.kitchens if not kitchen.server.running]

    def put_your_app(self, kitchen: Kitchen | None, *, first: bool = False) -> None:
        """Race ``kitchen`` (your app, started by the caller) in place of the one open
        before, or none. ``first``: it leads the kitchens (the command line's table shows it
        on top); else it follows them (the window's last panel)."""
        for old in self.your_apps:
            old.stop()
            self.kitchens.remove(old)
        self._your_app_first = first
        if kitchen is not None:
            self.kitchens.insert(0 if first else len(self.kitchens), kitchen)

    def open_your_app(self, spec: YourAppSpec, *, first: bool = False,
                      on_output: Callable[[str], None] | None = None) -> Kitchen:  # fmt: skip
        """Start your app as ``spec`` says (on its own Python) and race it in place of the
        one open before; YourAppError (one sentence) when it cannot. ``first``: as in
        ``put_your_app``; ``on_output``: each line your app writes."""
        kitchen = start_your_app(spec, self.settings, on_output=on_output)
        self.put_your_app(kitchen, first=first)
        return kitchen

    def stop_kitchen(self, name: str) -> None:
        """Close one kitchen (as if it crashed); its orders fail, the others go on."""
        for kitchen in self.kitchens:
            if kitchen.name == name:
                kitchen.stop()

    def restart_kitchen(self, name: str) -> KitchenFailure | None:
        """Open ``name`` again on a new port, even mid-race; why not, if it failed."""
        for index, kitchen in enumerate(self.kitchens):
            if kitchen.name != name:
                continue
            kitchen.stop()
            try:
                fresh = kitchen.reopen()
                self.kitchens[index] = fresh or start_kitchen(
                    name, self.settings, supplier=self.models.supplier
                )
            except ChefError as error:
                return KitchenFailure(name, error, again=True)
            return None
        return None

    # -- the model --------------------------------------------------------------------------

    def warm_up_model(self, speed: ModelSpeed | None = None) -> None:
        """Start the built-in model's process now, so that the first LLM race finds it."""
        self.models.prepare_builtin(speed or DEFAULT_MODEL_SPEED)

    def use_builtin_model(self, speed: ModelSpeed | None = None) -> ModelSpeed:
        """Have the kitchens call the built-in model at ``speed`` (started now if it is not
        running): ``chefline serve`` answers ``POST /chat`` as a race does."""
        return self.models.use_builtin(speed or DEFAULT_MODEL_SPEED)

    def use_own_model(self, link: ModelLink) -> ModelProbe:
        """Have the kitchens call the user's model, after one call to it (ModelError)."""
        return self.models.use_own(link)

    @property
    def own_model(self) -> ModelLink | None:
        """The user's model the kitchens call (None: the built-in one)."""
        return self.models.own

    def builtin_link(self, speed: ModelSpeed) -> ModelLink:
        """Where the built-in model answers at ``speed`` (started if it is not running)."""
        return self.models.builtin_link(speed)

    @staticmethod
    def probe_model(link: ModelLink) -> ModelProbe:
        """One call to the model at ``link``, timed (ModelError): nothing changes."""

        return probe_model(link)

    # -- races ------------------------------------------------------------------------------

    def check_plan(self, plan: RacePlan, names: Sequence[str] | None = None) -> RacePlan:
        """The plan to race at ``names`` (default: the open built-in kitchens), refused with
        BadInput if it would last too long at one of them; an LLM plan gets the model the
        kitchens will call: the built-in one at the plan's speed, or the user's own at its
        measured speed (and within its customer limit)."""
        if names is None:
            names = [k.name for k in self.kitchens if k.report is ReportSource.BODY]
        if plan.chat is not None and self.models.own is not None:
            self.models.check_customers(plan.arrivals.customers)
            assert self.models.own_speed is not None
            plan = RacePlan.for_chat(plan.chat, self.models.own_speed, plan.arrivals,
                                     plan.faults, plan.patience)  # fmt: skip
        check_fits(plan, names, self.settings)  # at the speed the kitchens will meet
        if plan.speed is not None and self.models.own is None:
            self.models.use_builtin(plan.speed)
        return plan

    def race(self, plan: RacePlan, listener: Listener | None = None) -> RaceRunner:
        """A race of ``plan`` (checked with ``check_plan``) at every open kitchen, ready to
        ``await run()``; ``cancel()`` stops it. Raises ValueError with no kitchen open,
        BadInput for a plan that does not fit, CustomersGone if the customers cannot come."""
        if self._keep_customers and (self._customers is None or not self._customers.alive):
            self._customers = CustomerProcess()  # ended by the system or a crash: a new one
        return RaceRunner(self.kitchens, plan, listener=listener, customers=self._customers)

    def wait_for_customers(self) -> None:
        """Return once the kept customers' process has started (CustomersGone if it cannot)."""
        if self._customers is not None:
            self._customers.wait_ready()

    def drop_customers(self) -> None:
        """Send the customers away at once (closing mid-race): their open orders go too."""
        if self._customers is not None:
            self._customers.kill()

    # -- closing ----------------------------------------------------------------------------

    def stoppers(self) -> list[Callable[[], None]]:
        """What stops every kitchen, the model and the customers, each to run in a thread of
        its own (``side_by_side``). The restaurant is empty at once."""
        stops = [kitchen.stop for kitchen in self.kitchens] + [self.models.close]
        if self._customers is not None:
            stops.append(self._customers.close)
        self.kitchens = []
        return stops

    def close(self) -> None:
        """Stop everything and return once it has stopped."""
        side_by_side(self.stoppers())
