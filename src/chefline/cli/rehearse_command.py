"""``chefline rehearse``: run every scene of the talk headless and check its caption's claims.

A speaker's dress rehearsal on the machine of the talk, and how the recorded races that
ship with the app (``--record resources/talk/replays``) are made.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from chefline.assets import resource_path
from chefline.cli.options import kitchen_settings
from chefline.client.export import save_json
from chefline.client.plan import scene_plan
from chefline.client.race import RaceResult
from chefline.engine import Restaurant
from chefline.kitchen.scenes import Scene, load_talk
from chefline.process import race_collections, raise_open_file_limit
from chefline.servers.spare_cores import SpareCores
from chefline.texts import current_language, translate


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scene",
        action="append",
        metavar="ID",
        help=translate("Cli", "only this scene (repeat for several; default: all)"),
    )
    parser.add_argument(
        "--record",
        metavar="DIR",
        type=Path,
        help=translate("Cli", "save each scene's race there (<scene>.json.gz) to replay"),
    )


def run(args: argparse.Namespace) -> int:
    talk = load_talk(resource_path("talk", "scenes.json"))
    chosen = args.scene or [scene.id for scene in talk.scenes]
    scenes = [talk.scenes[talk.index_of(scene_id)] for scene_id in chosen]
    raise_open_file_limit()
    if args.record:
        args.record.mkdir(parents=True, exist_ok=True)
    failed = 0
    language = current_language()
    for scene in scenes:
        spare = SpareCores()
        result = rehearse(scene, args)
        summaries = {name: t.summary() for name, t in result.timelines.items()}
        costs = {name: t.cost for name, t in result.timelines.items()}
        problems = scene.problems(summaries, costs, spare.cores())
        times = ", ".join(f"{n} {s.makespan or 0:.2f} s" for n, s in summaries.items())
        print(f"{'✓' if not problems else '✗'} {scene.text('title', language)}: {times}")
        for problem in problems:
            print(f"    {problem}")
        failed += bool(problems)
        if args.record:
            save_json(result, args.record / f"{scene.id}.json.gz")
    print(translate("Cli", "{0} of {1} scenes behave as their captions say").format(
        len(scenes) - failed, len(scenes)))  # fmt: skip
    return 1 if failed else 0


def rehearse(scene: Scene, args: argparse.Namespace) -> RaceResult:
    restaurant = Restaurant(kitchen_settings(args))
    try:
        plan = restaurant.check_plan(scene_plan(scene), scene.kitchens)
        restaurant.open_or_raise(scene.kitchens)
        print(translate("Cli", "  {0}: serving {1} orders…").format(
            scene.id, plan.arrivals.customers), file=sys.stderr)  # fmt: skip
        with race_collections():
            return asyncio.run(restaurant.race(plan).run())
    finally:
        restaurant.close()
