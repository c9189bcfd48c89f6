"""The race runner over httpx, and its live event feed. No Qt."""

from chefline.client.feed import EventFeed
from chefline.client.plan import RacePlan
from chefline.client.race import RaceResult, RaceRunner, RaceTarget

__all__ = ["EventFeed", "RacePlan", "RaceResult", "RaceRunner", "RaceTarget"]
