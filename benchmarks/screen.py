"""Watching an X screen from outside an application: a private Xvfb, the pixels of chosen
regions each time the X server reports drawing (the DAMAGE extension), and synthetic input
(XTEST) — what a window-watching harness needs to tell when text is on screen.

A region's picture is kept as its green channel (one byte a pixel: enough to tell text from
background in either theme). "Ink" is every pixel that differs clearly from the region's
dominant shade; two pictures match when their ink differs in at most a small share of pixels.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

Rect = tuple[int, int, int, int]  # x, y, width, height on the root window
SCREEN = "1600x900x24"
INK_CONTRAST = 40  # green-channel steps from the background that count as ink
MATCH_SHARE = 0.02  # a picture matches when its ink differs in at most 2% of the other's ink
MIN_INK = 20  # pixels: fewer, and a region shows no text yet


def xvfb_available() -> bool:
    return shutil.which("Xvfb") is not None


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb on a free display number (Xvfb picks it: -displayfd); its name, ":N"."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp", "-br",
         "+extension", "DAMAGE", "+extension", "XTEST"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 30
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read, 16) if ready else b""
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=10)


@dataclass(frozen=True)
class Frame:
    at: float  # time.monotonic() just before the pixels were read
    regions: tuple[bytes, ...]  # green channel of each watched region


def ink_table(picture: bytes) -> bytes:
    """A translate() table mapping each shade to 1 (ink) or 0 (background), the background
    being the picture's dominant shade."""
    background = Counter(picture[::61]).most_common(1)[0][0]
    return bytes(int(abs(shade - background) > INK_CONTRAST) for shade in range(256))


def ink(picture: bytes, table: bytes) -> int:
    return picture.translate(table).count(1)


def differing_ink(picture: bytes, reference: bytes, table: bytes) -> int:
    """Pixels that are ink in one picture and not the other (C-speed: masks of 0/1 bytes
    xor-ed as integers, one bit a pixel)."""
    one = int.from_bytes(picture.translate(table))
    other = int.from_bytes(reference.translate(table))
    return (one ^ other).bit_count()


def matches(frame: Frame, reference: Frame, tables: Sequence[bytes]) -> bool:
    """Every region shows text and shows what the reference shows (within MATCH_SHARE)."""
    for picture, wanted, table in zip(frame.regions, reference.regions, tables, strict=True):
        expected = ink(wanted, table)
        if expected < MIN_INK or differing_ink(picture, wanted, table) > MATCH_SHARE * expected:
            return False
    return True


def has_text(frame: Frame) -> bool:
    return all(ink(picture, ink_table(picture)) >= MIN_INK for picture in frame.regions)


class Watcher:
    """One connection to the X server, told of every drawing on the screen."""

    def __init__(self, display_name: str) -> None:
        from Xlib import X, display
        from Xlib.ext import damage, xtest  # noqa: F401 - loads the extensions' methods

        self._x = X
        self.display = display.Display(display_name)
        for extension in ("DAMAGE", "XTEST"):
            if not self.display.has_extension(extension):
                raise RuntimeError(f"the X server has no {extension} extension")
        self.display.damage_query_version()
        self.root = self.display.screen().root
        # NonEmpty: one event until the damage is subtracted, so bursts of drawing coalesce.
        self.damage = self.root.damage_create(damage.DamageReportNonEmpty)
        self.display.sync()

    def close(self) -> None:
        self.display.close()

    def grab(self, rects: Sequence[Rect]) -> Frame:
        at = time.monotonic()
        regions = []
        for x, y, width, height in rects:
            image = self.root.get_image(x, y, width, height, self._x.ZPixmap, 0xFFFFFFFF)
            regions.append(bytes(image.data[1::4]))  # 32 bits a pixel, B G R X
        return Frame(at, tuple(regions))

    def wait_for_drawing(self, timeout: float) -> bool:
        """True when something was drawn (the damage is then cleared), False on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            drawn = False
            while self.display.pending_events():
                self.display.next_event()  # DamageNotify (the only events asked for)
                drawn = True
            if drawn:
                self.display.damage_subtract(self.damage)
                self.display.flush()
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            select.select([self.display.fileno()], [], [], left)
            self.display.pending_events()  # reads what arrived

    def point_at(self, x: int, y: int) -> None:
        self.display.xtest_fake_input(self._x.MotionNotify, x=x, y=y)
        self.display.sync()

    def wheel_down(self) -> None:
        """One notch of the mouse wheel, down, where the pointer is."""
        self.display.xtest_fake_input(self._x.ButtonPress, 5)
        self.display.xtest_fake_input(self._x.ButtonRelease, 5)
        self.display.flush()


def watch(watcher: Watcher, rects: Sequence[Rect], settle: float, limit: float,
          on_frame: Callable[[Frame], None] | None = None) -> list[Frame]:
    """The distinct pictures of `rects`, as drawn, until they have shown text and not changed
    visibly (beyond MATCH_SHARE: a blinking caret does not count) for `settle` seconds, or
    `limit` seconds passed. `on_frame` sees each new picture."""
    frames = [watcher.grab(rects)]
    started = frames[0].at
    changed = frames[0]  # the last picture that differed visibly from the one before it
    tables = [ink_table(picture) for picture in changed.regions]
    while True:
        now = time.monotonic()
        if (has_text(changed) and now - changed.at >= settle) or now - started >= limit:
            return frames
        # Drawing the screen wakes the watcher; a slow poll catches anything not reported.
        watcher.wait_for_drawing(min(settle, 0.25))
        frame = watcher.grab(rects)
        if frame.regions != frames[-1].regions:
            frames.append(frame)
            if not matches(frame, changed, tables):
                changed = frame
                tables = [ink_table(picture) for picture in changed.regions]
            if on_frame is not None:
                on_frame(frame)


def text_on_screen(frames: Sequence[Frame]) -> float | None:
    """When the regions first showed what they show at the end, and kept showing it: the time
    of the first picture after the last one that did not match the settled picture (a visible
    jump after the text appeared counts: the text was not settled yet)."""
    settled = frames[-1]
    if not has_text(settled):
        return None
    tables = [ink_table(picture) for picture in settled.regions]
    at = settled.at
    for frame in reversed(frames):
        if not matches(frame, settled, tables):
            break
        at = frame.at
    return at
