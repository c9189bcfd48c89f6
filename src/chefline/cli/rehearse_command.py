"""``chefline rehearse``: run every scene of the talk headless and check its caption's claims.

A speaker's dress rehearsal on the machine of the talk, and how the recorded races that
ship with the app (``--record resources/talk/replays``) are made.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

from chefline.assets import resource_path
from chefline.cli import exit_codes
from chefline.cli.options import kitchen_settings
from chefline.cli.stop_signals import StopSignals
from chefline.client.export import save_json
from chefline.client.plan import scene_plan
from chefline.client.race import RaceResult
from chefline.engine import Restaurant, SpareCores
from chefline.kitchen.scenes import Scene, load_talk
from chefline.process import race_collections, raise_open_file_limit
from chefline.texts import current_language, translate


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scene",
        action="append",
        metavar="ID",
        help=translate("Cli", "only this scene (repeat for several; default: all)"),
    )
    parser.add_argument(
        "--scenes",
        metavar="FILE",
        type=Path,
        help=translate("Cli", "rehearse the talk in this file instead of the built-in one"),
    )
    parser.add_argument(
        "--record",
        metavar="DIR",
        type=Path,
        help=translate("Cli", "save each scene's race there (<scene>.json.gz) to replay"),
    )


def run(args: argparse.Namespace) -> int:
    talk = load_talk(args.scenes or resource_path("talk", "scenes.json"))
    chosen = args.scene or [scene.id for scene in talk.scenes]
    scenes = [talk.scenes[talk.index_of(scene_id)] for scene_id in chosen]
    raise_open_file_limit()
    if args.record:
        args.record.mkdir(parents=True, exist_ok=True)
    failed = done = 0
    language = current_language()
    signals = StopSignals()
    with signals.installed():
        try:
            for scene in scenes:
                spare = SpareCores()
                result = rehearse(scene, args, signals)
                summaries = {name: t.summary() for name, t in result.timelines.items()}
                costs = {name: t.cost for name, t in result.timelines.items()}
                times = ", ".join(f"{n} {s.makespan or 0:.2f} s" for n, s in summaries.items())
                title = scene.text("title", language)
                if signals.received is not None:  # what it measured, but no verdict on it
                    print(translate("Cli", "■ {0}: stopped ({1})").format(title, times))
                    break
                problems = scene.problems(summaries, costs, spare.cores())
                print(f"{'✓' if not problems else '✗'} {title}: {times}")
                for problem in problems:
                    print(f"    {problem}")
                failed += bool(problems)
                done += 1
                if args.record:
                    save_json(result, args.record / f"{scene.id}.json.gz")
        except KeyboardInterrupt:  # between two races, or while kitchens opened or closed
            signals.received = signals.received or signal.SIGINT
    if signals.code is not None:
        print(translate("Cli", "Stopped after {0} of {1} scenes; {2} behave as their captions "
                               "say").format(done, len(scenes), done - failed))  # fmt: skip
        return signals.code
    print(translate("Cli", "{0} of {1} scenes behave as their captions say").format(
        len(scenes) - failed, len(scenes)))  # fmt: skip
    return exit_codes.FAILED if failed else exit_codes.OK


def rehearse(scene: Scene, args: argparse.Namespace, signals: StopSignals | None = None
             ) -> RaceResult:  # fmt: skip
    """One scene's race, headless; a stop signal ends it with what it measured."""
    signals = signals or StopSignals()
    restaurant = Restaurant(kitchen_settings(args))
    try:
        plan = restaurant.check_plan(scene_plan(scene), scene.kitchens)
        restaurant.open_or_raise(scene.kitchens)
        print(translate("Cli", "  {0}: serving {1} orders…").format(
            scene.id, plan.arrivals.customers), file=sys.stderr)  # fmt: skip
        runner = restaurant.race(plan)

        async def race() -> RaceResult:
            with signals.while_racing(runner.cancel):
                return await runner.run()

        with race_collections():
            return asyncio.run(race())
    finally:
        restaurant.close()
