"""The source of the route a kitchen runs, as the speaker shows it beside the kitchen.

Read from the very functions the kitchen's app serves (``inspect``), followed by the step that
does the waiting, so what is on screen is what is running, not a retelling of it.

``reader_code`` folds that source down to what a reader would write (the reference's two
routes): the route's decorator and ``def`` line, the model call, and the line that waits; the
recording Chefline adds (tickets, relays, chef names) is folded away. Every line it keeps is
a line of the running code; ``route_code`` is the whole of it ("show what Chefline adds").

The model call carries a comment naming the client it reads the model with (``httpx.Client``
or ``aiohttp.ClientSession``), taken from the annotation of the function it calls, so the
panel cannot name one library while the kitchen uses another.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from functools import cache
from typing import Any

from chefline.kitchen.modes import CodeStep, Framework, KitchenMode, RouteStyle, get_mode
from chefline.kitchen.recipe import DishKind
from chefline.servers.apps.cooking import DishTicket
from chefline.servers.apps.fastapi_kitchen import create_fastapi_app
from chefline.servers.apps.flask_kitchen import create_flask_app
from chefline.servers.apps.llm_cooking import LlmTicket
from chefline.servers.relay import EventRelay


def _endpoint(mode: KitchenMode, path: str) -> Callable[..., Any]:
    serving = mode.serving
    if serving is None:
        raise LookupError(f"{mode.name} does not declare how it is served")
    if serving.framework is Framework.FASTAPI:
        app = create_fastapi_app(mode.name, EventRelay(), serving.route)
        for route in app.routes:
            if getattr(route, "path", None) == path:
                return route.endpoint  # type: ignore[attr-defined, no-any-return]
        raise LookupError(path)
    async_view = serving.route is RouteStyle.ASYNC
    flask = create_flask_app(mode.name, EventRelay(), async_view=async_view)
    for rule in flask.url_map.iter_rules():
        if rule.rule == path:
            return flask.view_functions[rule.endpoint]
    raise LookupError(path)


def _step(mode: KitchenMode, dish: DishKind) -> Callable[..., Any]:
    """The step the code view shows after the route: where the chef waits (or works)."""
    awaits = mode.serving is not None and mode.serving.code_step is CodeStep.AWAITING
    if dish is DishKind.LLM:
        return LlmTicket.stream_awaiting if awaits else LlmTicket.stream_holding
    if dish is DishKind.CPU:
        return DishTicket.work
    return DishTicket.await_sleep if awaits else DishTicket.sleep


def _source(function: Callable[..., Any]) -> str:
    return textwrap.dedent(inspect.getsource(function)).strip()


MODEL_CALLED = re.compile(r"^(\s*\w+ = (stream_tokens\w*)\(.*\))$", re.M)
"""The route's line that calls the model, and the function it calls."""


def model_client(endpoint: Callable[..., Any], source: str) -> str | None:
    """The client class the route reads the model with ("httpx.Client"): the annotation of
    the first parameter of the function its model call calls. None: the route calls none."""
    found = MODEL_CALLED.search(source)
    called = None if found is None else endpoint.__globals__.get(found.group(2))
    if called is None:
        return None
    first = next(iter(inspect.signature(called).parameters.values())).annotation
    if isinstance(first, str):  # as written (annotations are not evaluated: httpx loads late)
        return first
    return f"{first.__module__.partition('.')[0]}.{first.__qualname__}"


def _name_the_client(endpoint: Callable[..., Any], source: str) -> str:
    """``source`` with its model call's line ending in a comment naming the client."""
    client = model_client(endpoint, source)
    if client is None:
        return source
    return MODEL_CALLED.sub(lambda line: f"{line.group(1)}  # {client}", source, count=1)


@cache
def route_code(mode: str, dish: DishKind = DishKind.IO) -> str:
    """The route of ``mode`` at /cook (or /chat for the LLM dish), then the step of it that
    takes the time. Without the sources (a frozen app built without them): the one-liner."""
    kitchen = get_mode(mode)
    try:
        endpoint = _endpoint(kitchen, "/chat" if dish is DishKind.LLM else "/cook")
        route = _name_the_client(endpoint, _source(endpoint))
        step = _step(kitchen, dish)
        step_source = _source(step)
    except (OSError, TypeError, LookupError):
        return f"# {kitchen.chat_route if dish is DishKind.LLM else kitchen.route}"
    server = kitchen.route.partition(", ")[2]
    return f"# {server}\n{route}\n\n# → {step.__qualname__}\n{step_source}"


WAITING_LINE = re.compile(
    r"await asyncio\.sleep\(seconds\)|time\.sleep\(seconds\)|burn_cpu\(seconds\)"
    r"|= (await )?a?next\(tokens|for token in tokens"
)
"""The lines of a step where the chef waits (or works): what the talk points at."""
MODEL_CALL = re.compile(r"^(\s*\w+ = stream_tokens\w*)\(.*\)(?:  # (\w+)\.\w+)?$")
"""The model call, and the library of the client it names (the reader's line keeps only
the library: a talk's code panel has the width of a quarter of the screen)."""
DEF_LINE = re.compile(r"^((?:async )?def \w+)\((.*?)\).*:$")


@cache
def reader_code(mode: str, dish: DishKind = DishKind.IO) -> str:
    """The route of ``mode`` as a reader would write it, folded from the running source."""
    full = route_code(mode, dish)
    route, _, step = full.partition("\n\n# → ")
    kept = []
    for line in route.splitlines():
        if line.startswith(("#", "@")):
            kept.append(line)
        elif (found := DEF_LINE.match(line)) is not None:
            kept.append(f"{found.group(1)}({'…' if found.group(2) else ''}):")
        elif (found := MODEL_CALL.match(line)) is not None:
            client = f"  # {found.group(2)}" if found.group(2) else ""
            kept.append(f"    {found.group(1).strip()}(…){client}")
    waits = step.splitlines()[1:]
    body = []
    for number, line in enumerate(waits):
        if WAITING_LINE.search(line):
            body.append("    " + line.strip())
            if line.strip().endswith(":"):  # a loop over tokens: what each turn sends on
                sent = next((w for w in waits[number + 1 :] if "yield" in w), None)
                if sent is not None:
                    body.append("        " + sent.strip())
    if not body:
        return full
    return "\n".join(kept + body)
