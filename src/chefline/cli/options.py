"""Command-line options shared by the subcommands, turned into domain objects with clear errors."""

from __future__ import annotations

import argparse
from pathlib import Path

from chefline.client.export import load_json
from chefline.client.plan import RacePlan
from chefline.engine import ModelLink
from chefline.kitchen import limits
from chefline.kitchen.arrivals import DEFAULT_SEED, Arrivals
from chefline.kitchen.errors import BadInput
from chefline.kitchen.faults import FaultKind, Faults
from chefline.kitchen.llm import DEFAULT_MODEL_SPEED, DEFAULT_PROMPT, ChatOrder, ModelSpeed
from chefline.kitchen.modes import MODES, KitchenSettings, get_mode
from chefline.kitchen.recipe import DEFAULT_STEP_CPU_S, DishKind, Recipe
from chefline.kitchen.scenes import load_talk
from chefline.texts import translate

DEFAULT_MODES = ["flask-one-chef", "fastapi-async"]
DEFAULT_CUSTOMERS = 10
DEFAULT_DURATION_S = 10.0


def add_kitchen_options(
    parser: argparse.ArgumentParser, default_modes: list[str] | None = None
) -> None:
    """``default_modes``: the kitchens the command races when none is named (for its help)."""
    defaults = default_modes or DEFAULT_MODES
    named = " and ".join(defaults) if len(defaults) < 3 else ", ".join(defaults)
    parser.add_argument(
        "--mode",
        "-m",
        action="append",
        metavar="MODE",
        help=translate(
            "Cli", "a kitchen to race (repeat for several; default: {0}). Modes: {1}"
        ).format(named, ", ".join(MODES)),
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=4,
        metavar="K",
        help=translate("Cli", "chefs in flask-pool ({0}-{1}, default 4)").format(
            limits.MIN_POOL_SIZE, limits.MAX_POOL_SIZE
        ),
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=4,
        metavar="K",
        help=translate("Cli", "worker processes in flask-processes ({0}-{1}, default 4)").format(
            limits.MIN_WORKERS, limits.MAX_WORKERS
        ),
    )
    parser.add_argument(
        "--thread-cap",
        type=int,
        default=40,
        metavar="C",
        help=translate("Cli", "anyio thread limit in fastapi-def (default 40, as in FastAPI)"),
    )


def add_dish_options(parser: argparse.ArgumentParser) -> None:
    """What each order is: its slow step's wait, I/O or CPU, or a model's answer."""
    parser.add_argument(
        "--wait",
        "-d",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help=translate("Cli", "the slow step of each dish (0-{0:g} s, default 0.5)").format(
            limits.MAX_WAIT_S
        ),
    )
    parser.add_argument(
        "--dish",
        choices=[DishKind.IO.value, DishKind.CPU.value],
        default=DishKind.IO.value,
        help=translate(
            "Cli", "io: the slow step waits (sleep/await); cpu: it needs the chef's hands (hashing)"
        ),
    )
    add_llm_options(parser)


def add_race_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--customers",
        "-n",
        type=int,
        default=None,
        metavar="N",
        help=translate("Cli", "orders per kitchen ({0}-{1}, default 10)").format(
            limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS
        ),
    )
    add_dish_options(parser)
    parser.add_argument(
        "--prep",
        type=float,
        default=DEFAULT_STEP_CPU_S,
        metavar="SECONDS",
        help=translate("Cli", "prep CPU work"),
    )
    parser.add_argument(
        "--plate",
        type=float,
        default=DEFAULT_STEP_CPU_S,
        metavar="SECONDS",
        help=translate("Cli", "plating CPU"),
    )
    parser.add_argument(
        "--fault",
        choices=[kind.value for kind in FaultKind],
        default=FaultKind.NONE.value,
        help=translate(
            "Cli", "burn: one order in every K gets an HTTP 500; slow: it takes 3× as long"
        ),
    )
    parser.add_argument(
        "--every",
        type=int,
        default=5,
        metavar="K",
        help=translate("Cli", "how often --fault strikes (default 5)"),
    )
    parser.add_argument(
        "--patience",
        type=float,
        default=None,
        metavar="SECONDS",
        help=translate("Cli", "customers walk out after this long (default: well past the theory)"),
    )
    parser.add_argument(
        "--gap",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help=translate("Cli", "seconds between arrivals (default 0: everyone orders at once)"),
    )
    add_rate_options(parser)


def add_rate_options(parser: argparse.ArgumentParser, *, rate: bool = True) -> None:
    """``--rate``/``--duration``/``--seed``: customers as a Poisson stream (``rate``: the
    option ``--rate`` too; a sweep by rate names its rates with ``--rates``)."""
    if rate:
        parser.add_argument(
            "--rate",
            type=float,
            metavar="R",
            help=translate(
                "Cli",
                "customers arrive at a steady rate: R a second on average, as a Poisson "
                "stream (instead of --customers); latency counts from when each meant to order",
            ),
        )
    parser.add_argument(
        "--duration",
        type=float,
        default=DEFAULT_DURATION_S,
        metavar="SECONDS",
        help=translate("Cli", "how long a steady stream of customers lasts (default {0:g} s)")
        .format(DEFAULT_DURATION_S),
    )  # fmt: skip
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=translate("Cli", "which stream of arrival times to draw (default {0})").format(
            DEFAULT_SEED
        ),
    )


def arrivals_of(args: argparse.Namespace) -> Arrivals:
    """A burst, a stagger, or a steady rate, as the options say; BadInput for a mix."""
    rate = getattr(args, "rate", None)
    if rate is None:
        return Arrivals(DEFAULT_CUSTOMERS if args.customers is None else args.customers, args.gap)
    if args.customers is not None or args.gap:
        raise BadInput(
            translate("Cli", "--rate sets how customers come; leave out --customers and --gap")
        )
    return Arrivals.at_rate(rate, args.duration, args.seed)


def add_llm_options(parser: argparse.ArgumentParser) -> None:
    llm = parser.add_argument_group(
        translate("Cli", "LLM dish"),
        translate(
            "Cli", "--llm orders a streamed answer from a language model at each kitchen's /chat"
        ),
    )
    llm.add_argument(
        "--llm", action="store_true", help=translate("Cli", "serve the LLM dish instead of a wait")
    )
    llm.add_argument(
        "--prompt", default=DEFAULT_PROMPT, help=translate("Cli", "what every customer asks")
    )
    llm.add_argument("--max-tokens", type=int, default=16, metavar="T",
                     help=translate("Cli", "answer length (1-{0}, default 16)").format(
                         limits.MAX_MAX_TOKENS))  # fmt: skip
    llm.add_argument(
        "--temperature", type=float, default=0.7, help=translate("Cli", "0-2 (default 0.7)")
    )
    add_speed_options(llm)
    llm.add_argument(
        "--model-url",
        metavar="URL",
        help=translate("Cli", "your OpenAI server, e.g. http://127.0.0.1:11434/v1"),
    )
    llm.add_argument("--model", metavar="NAME", help=translate("Cli", "the model to ask there"))
    llm.add_argument(
        "--api-key-env",
        metavar="VAR",
        help=translate("Cli", "environment variable holding the API key (never written anywhere)"),
    )


def add_speed_options(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """The built-in model's speed (``race --llm``, and ``serve``'s ``POST /chat``)."""
    parser.add_argument(
        "--ttft",
        type=float,
        default=DEFAULT_MODEL_SPEED.ttft,
        metavar="SECONDS",
        help=translate("Cli", "built-in model: time to first token (default {0:g})").format(
            DEFAULT_MODEL_SPEED.ttft
        ),
    )
    parser.add_argument(
        "--tokens-per-s",
        type=float,
        default=DEFAULT_MODEL_SPEED.tokens_per_s,
        metavar="R",
        help=translate("Cli", "built-in model: tokens per second (default {0:g})").format(
            DEFAULT_MODEL_SPEED.tokens_per_s
        ),
    )


def add_file_options(parser: argparse.ArgumentParser) -> None:
    """A speaker's own talk and a saved race, for the window and its snapshot."""
    parser.add_argument(
        "--scenes",
        metavar="FILE",
        type=Path,
        help=translate("Cli", "the talk's scenes from this file instead of the built-in talk"),
    )
    parser.add_argument(
        "--open",
        metavar="FILE",
        type=Path,
        help=translate("Cli", "a saved race (.json or .json.gz) to replay, with its kitchens"),
    )


def check_files(args: argparse.Namespace) -> None:
    """The talk and the saved race named by ``--scenes`` and ``--open``, read and checked
    now (BadInput): a snapshot has nobody to show a dialog to."""
    if args.open is not None and args.scene is not None:
        raise BadInput("a snapshot shows either a saved race (--open) or a scene (--scene)")
    if args.scenes is not None:
        load_talk(args.scenes)
    if args.open is not None:
        load_json(args.open)


def model_speed(args: argparse.Namespace) -> ModelSpeed:
    return ModelSpeed(args.ttft, args.tokens_per_s)


def chat_order(args: argparse.Namespace) -> ChatOrder:
    return ChatOrder(args.prompt, args.max_tokens, args.temperature)


def chosen_modes(args: argparse.Namespace) -> list[str]:
    names = args.mode or DEFAULT_MODES
    for name in names:
        get_mode(name)  # raises with the list of known modes
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise BadInput(f"each kitchen can race once; repeated: {', '.join(sorted(duplicates))}")
    return names


def kitchen_settings(args: argparse.Namespace) -> KitchenSettings:
    return KitchenSettings(
        pool_size=args.pool_size, thread_cap=args.thread_cap, workers=args.workers
    )


def race_plan(args: argparse.Namespace, speed: ModelSpeed | None = None) -> RacePlan:
    """The race the options ask for; an LLM race uses ``speed`` (measured) or the options'."""
    fault = FaultKind(args.fault)
    faults = Faults(fault, args.every if fault is not FaultKind.NONE else 0)
    arrivals = arrivals_of(args)
    if args.llm:
        speed = speed or model_speed(args)
        return RacePlan.for_chat(chat_order(args), speed, arrivals, faults, args.patience)
    if args.model_url or args.model or args.api_key_env:
        raise BadInput("--model-url, --model and --api-key-env go with --llm")
    recipe = Recipe(wait=args.wait, dish=DishKind(args.dish), prep=args.prep, plate=args.plate)
    return RacePlan(recipe, arrivals, faults, args.patience)


def model_link(args: argparse.Namespace) -> ModelLink | None:
    """The user's own model, if the options name one (``--model-url`` and ``--model``)."""
    if not args.model_url and not args.model and not args.api_key_env:
        return None
    if not args.model_url or not args.model:
        raise BadInput("name your model with both --model-url and --model")
    return ModelLink(args.model_url, args.model, args.api_key_env)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise BadInput(f"size must look like 1920x1080, not {text!r}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise BadInput(f"size must be between 320x240 and 7680x4320, not {text}")
    return width, height


def snapshot_target(args: argparse.Namespace) -> tuple[Path, tuple[int, int]]:
    """The image file and window size of ``chefline snapshot``, checked."""
    out = Path(args.out)
    if out.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
        raise BadInput(f"the snapshot must be a .png or .jpg file, not {out.name}")
    return out, parse_size(args.size)
