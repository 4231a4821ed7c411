"""WCAG 2 contrast: relative luminance, contrast ratio, and a colour moved just far enough in
lightness to reach a ratio against its background (text 4.5:1, marks and bars 3:1 — level AA).

Colours are (red, green, blue) in 0–255; a translucent tint is first laid over its background
(`over`), as the screen shows it.
"""

from __future__ import annotations

import colorsys

RGB = tuple[int, int, int]
TEXT_AA = 4.5  # WCAG 2.1 SC 1.4.3, normal text
GRAPHIC_AA = 3.0  # WCAG 2.1 SC 1.4.11, marks, bars and other non-text parts


def luminance(colour: RGB) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = colour
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def ratio(first: RGB, second: RGB) -> float:
    a, b = luminance(first), luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def over(tint: RGB, alpha: float, background: RGB) -> RGB:
    """A translucent tint laid over a background."""
    red, green, blue = (round(t * alpha + b * (1 - alpha))
                        for t, b in zip(tint, background, strict=True))
    return red, green, blue


def reaching(colour: RGB, background: RGB, wanted: float) -> RGB:
    """`colour` with its hue and saturation kept and its lightness moved away from the
    background's, step by step, until it stands `wanted`:1 against it (unchanged if it does)."""
    if ratio(colour, background) >= wanted:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*(value / 255 for value in colour))
    darker = luminance(background) > 0.18  # a light background: go darker
    step = -0.02 if darker else 0.02
    while 0.0 <= lightness <= 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        red, green, blue = (round(v * 255) for v in colorsys.hls_to_rgb(hue, lightness,
                                                                          saturation))
        moved = (red, green, blue)
        if ratio(moved, background) >= wanted or lightness in (0.0, 1.0):
            return moved
    return colour
