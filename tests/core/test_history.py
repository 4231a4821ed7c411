"""Back and Forward through the places a reader has been."""

from __future__ import annotations

from desktop.core.history import History


def test_back_and_forward_walk_the_places_and_a_new_jump_drops_those_ahead() -> None:
    """Guards browser-like history: back, forward, and a new place after going back
    replaces the ones that were ahead."""
    history = History()
    for unit in ("a/1", "a/2", "b/3"):
        history.visit(unit)
    assert history.back() == "a/2"
    assert history.back() == "a/1"
    assert history.back() is None and not history.can_go_back()
    assert history.forward() == "a/2"
    history.visit("c/9")
    assert history.places() == ["a/1", "a/2", "c/9"]
    assert not history.can_go_forward()


def test_a_run_of_steps_counts_as_one_place_and_repeats_are_not_places() -> None:
    """Guards keyboard stepping: Back after several Ctrl+Down returns to where the steps
    began; arriving twice at the same unit records it once."""
    history = History()
    history.visit("a/1")
    history.visit("a/1")
    for unit in ("a/2", "a/3", "a/4"):
        history.visit(unit, step=True)
    assert history.places() == ["a/1", "a/4"]
    assert history.back() == "a/1"
    history.visit("a/2", step=True)  # a step after going back starts a new place
    assert history.places() == ["a/1", "a/2"]


def test_history_keeps_a_bounded_number_of_places() -> None:
    """Guards memory over a long session: the oldest places go first."""
    history = History(limit=3)
    for number in range(5):
        history.visit(f"a/{number}")
    assert history.places() == ["a/2", "a/3", "a/4"]
    assert history.current() == "a/4"


def test_a_history_kept_across_a_restart_comes_back_without_lost_places() -> None:
    """Guards Back after a restart: the places come back with the reader where they were;
    places the rebuilt corpus no longer has are dropped, the reader staying at the nearest
    earlier one; only the newest `limit` are kept."""
    history = History()
    history.restore(["a", "b", "c", "d"], 2)
    assert history.current() == "c" and history.back() == "b" and history.forward() == "c"
    assert history.forward() == "d" and not history.can_go_forward()

    history.restore(["a", "gone", "c"], 1, known=lambda place: place != "gone")
    assert history.places() == ["a", "c"] and history.current() == "a"

    short = History(limit=2)
    short.restore(["a", "b", "c"], 2)
    assert short.places() == ["b", "c"] and short.current() == "c"
    short.restore(["a", "b"], 7)  # out of range: the last place
    assert short.current() == "b"
    short.restore([], -1)
    assert short.current() is None and not short.can_go_back()
