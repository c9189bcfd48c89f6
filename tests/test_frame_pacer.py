"""The window's frames slow down when drawing is heavy, so the in-app kitchens keep the GIL."""

from chefline.ui.frame_pacer import FramePacer


def run(pacer: FramePacer, cost_ms: float, frames: int) -> int:
    """Frames that each take ``cost_ms`` of the GUI thread's CPU; the pace they settle at."""
    cpu = wall = 0.0
    pacer.next_interval(cpu, wall)
    for _ in range(frames):
        wall += pacer.interval_ms / 1000
        cpu += cost_ms / 1000
        pacer.next_interval(cpu, wall)
    return pacer.interval_ms


def test_cheap_frames_keep_the_fastest_pace():
    assert run(FramePacer(25, 100, 0.12), cost_ms=1.0, frames=50) == 25


def test_heavy_frames_slow_down_to_their_share_and_no_further_than_the_slowest():
    # 6 ms a frame at a 12 % share: one frame every 50 ms.
    assert 48 <= run(FramePacer(25, 100, 0.12), cost_ms=6.0, frames=50) <= 52
    assert run(FramePacer(25, 100, 0.12), cost_ms=30.0, frames=50) == 100


def test_a_race_starts_at_the_fastest_pace_again():
    pacer = FramePacer(25, 100, 0.12)
    run(pacer, cost_ms=30.0, frames=20)
    assert pacer.restart(100, 0.12) == 25
    assert pacer.next_interval(5.0, 5.0) == 25  # no frame measured yet


def test_each_race_brings_its_own_pace():
    pacer = FramePacer(25, 100, 0.12)
    pacer.restart(60, 0.2)  # a race side by side: lighter pacing, never slower than 60 ms
    assert run(pacer, cost_ms=30.0, frames=50) == 60
