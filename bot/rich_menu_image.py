"""The picture of a rich menu: one panel per button, each a theme-coloured disc with a simple icon over
its Thai label, drawn with Pillow and saved as PNG.

Thai needs complex text layout: a tone mark over an upper vowel (นี้) must be lifted, and a lower
vowel (รุ) hangs below the line; Pillow does that only with its Raqm engine (bundled with its wheels),
so text is laid out with Raqm when present, and each label is sized to its full ink box, marks
included, so nothing is clipped. Everything is drawn at twice the size and scaled down, because
Pillow's shapes have no anti-aliasing of their own.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from bot.line_menus import MENU_SIZE, Icon, MenuSpec, button_bounds

# Debian's fonts-thai-tlwg: Laksaman is the TLWG build of TH Sarabun, the Thai government's typeface.
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf"),
    Path("/usr/share/fonts/truetype/tlwg/Loma-Bold.ttf"),
    Path("/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf"),
    Path("/usr/share/fonts/truetype/thai-tlwg/Laksaman-Bold.ttf"),
)
MAX_BYTES = 1024 * 1024  # LINE's limit for a rich menu image
SCALE = 2  # drawn at twice the size, then reduced: smooth edges
BACKGROUND = "#F3F5F7"
CARD = "#FFFFFF"
INK = "#1F2933"
DIVIDER = "#D9DEE3"


class FontMissing(RuntimeError):
    """No Thai font: without one, labels would be drawn as boxes."""


def find_font(candidates: tuple[Path, ...] = FONT_CANDIDATES) -> Path:
    for path in candidates:
        if path.is_file():
            return path
    raise FontMissing(", ".join(str(p) for p in candidates))


def render_menu(spec: MenuSpec, font_path: Path | None = None) -> bytes:
    """The menu's PNG, exactly ``MENU_SIZE``, panels on the same bounds as the tap areas."""
    font_file = font_path or find_font()
    width, height = MENU_SIZE
    image = Image.new("RGB", (width * SCALE, height * SCALE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    bounds = button_bounds(len(spec.buttons))
    label_w = (min(w for _, _, w, _ in bounds) - 120) * SCALE
    font, ink_top, ink_bottom = _label_font(draw, [b.label for b in spec.buttons], font_file, label_w, 190 * SCALE)
    # One size and one baseline for every label; the tallest marks of any label decide where it sits.
    baseline = (16 + 600) * SCALE - (ink_top + ink_bottom) / 2
    draw.rectangle((0, 0, width * SCALE, 16 * SCALE), fill=spec.colour)  # the theme band along the top
    for button, (x, y, w, h) in zip(spec.buttons, bounds, strict=True):
        box = tuple(v * SCALE for v in (x + 22, y + 16 + 22, x + w - 22, y + h - 22))
        draw.rounded_rectangle(box, radius=36 * SCALE, fill=CARD, outline=DIVIDER, width=2 * SCALE)
        cx = (x + w / 2) * SCALE
        disc_cy = (y + 16 + 290) * SCALE
        radius = 185 * SCALE
        draw.ellipse((cx - radius, disc_cy - radius, cx + radius, disc_cy + radius), fill=spec.colour)
        ICONS[button.icon](draw, cx, disc_cy, 100 * SCALE, spec.colour, font_file)
        draw.text((cx, baseline), button.label, font=font, fill=INK, anchor="ms")
    small = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    data = out.getvalue()
    if len(data) > MAX_BYTES:
        raise ValueError(f"rich menu image is {len(data)} bytes, over LINE's {MAX_BYTES}")
    return data


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, layout_engine=engine)


def _label_font(
    draw: ImageDraw.ImageDraw, labels: list[str], font_path: Path, max_w: float, max_h: float
) -> tuple[ImageFont.FreeTypeFont, float, float]:
    """The largest font in which every label fits ``max_w``, and all of them together ``max_h`` from the
    highest mark to the lowest; with the ink's top and bottom relative to the baseline."""
    size = 132 * SCALE
    while True:
        font = _font(font_path, size)
        boxes = [draw.textbbox((0, 0), label, font=font, anchor="ls") for label in labels]
        top = min(box[1] for box in boxes)
        bottom = max(box[3] for box in boxes)
        widest = max(box[2] - box[0] for box in boxes)
        if (widest <= max_w and bottom - top <= max_h) or size <= 40 * SCALE:
            return font, top, bottom
        size -= 4 * SCALE


# --- icons: white shapes on the disc, ``s`` is half the icon's size -------------------------------

Draw = ImageDraw.ImageDraw


def _clipboard(d: Draw, cx: float, cy: float, s: float, colour: str, _: Path) -> None:
    d.rounded_rectangle((cx - 0.66 * s, cy - 0.8 * s, cx + 0.66 * s, cy + 0.95 * s), radius=0.14 * s, fill="white")
    d.rounded_rectangle(
        (cx - 0.32 * s, cy - 0.98 * s, cx + 0.32 * s, cy - 0.62 * s),
        radius=0.1 * s,
        fill=colour,
        outline="white",
        width=int(0.08 * s),
    )
    line = int(0.11 * s)
    for i, dy in enumerate((-0.3, 0.12, 0.54)):
        y = cy + dy * s
        d.line((cx - 0.1 * s, y, cx + 0.46 * s, y), fill=colour, width=line)
        if i < 2:  # done items get a tick, the last one waits
            d.line(
                (cx - 0.48 * s, y, cx - 0.36 * s, y + 0.12 * s, cx - 0.18 * s, y - 0.14 * s), fill=colour, width=line
            )
        else:
            d.rectangle((cx - 0.46 * s, y - 0.1 * s, cx - 0.26 * s, y + 0.1 * s), outline=colour, width=int(0.06 * s))


def _chart(d: Draw, cx: float, cy: float, s: float, colour: str, _: Path) -> None:
    base = cy + 0.75 * s
    for i, h in enumerate((0.6, 1.0, 1.45)):
        x = cx - 0.78 * s + i * 0.56 * s
        d.rounded_rectangle((x, base - h * s, x + 0.4 * s, base), radius=0.06 * s, fill="white")
    d.line((cx - 0.95 * s, base + 0.1 * s, cx + 0.95 * s, base + 0.1 * s), fill="white", width=int(0.1 * s))


def _question(d: Draw, cx: float, cy: float, s: float, colour: str, font_path: Path) -> None:
    d.rounded_rectangle((cx - 0.95 * s, cy - 0.8 * s, cx + 0.95 * s, cy + 0.6 * s), radius=0.35 * s, fill="white")
    d.polygon(
        [(cx - 0.45 * s, cy + 0.5 * s), (cx - 0.55 * s, cy + 1.0 * s), (cx - 0.05 * s, cy + 0.55 * s)], fill="white"
    )
    font = _font(font_path, int(1.35 * s))
    left, top, right, bottom = d.textbbox((0, 0), "?", font=font)
    d.text((cx - (left + right) / 2, cy - 0.1 * s - (top + bottom) / 2), "?", font=font, fill=colour)


def _building(d: Draw, cx: float, cy: float, s: float, colour: str, _: Path) -> None:
    d.polygon([(cx - 1.0 * s, cy - 0.45 * s), (cx, cy - 1.0 * s), (cx + 1.0 * s, cy - 0.45 * s)], fill="white")
    d.rectangle((cx - 0.95 * s, cy - 0.4 * s, cx + 0.95 * s, cy - 0.25 * s), fill="white")
    for i in range(4):
        x = cx - 0.8 * s + i * 0.47 * s
        d.rectangle((x, cy - 0.18 * s, x + 0.22 * s, cy + 0.62 * s), fill="white")
    d.rectangle((cx - 1.0 * s, cy + 0.68 * s, cx + 1.0 * s, cy + 0.82 * s), fill="white")
    d.rectangle((cx - 1.1 * s, cy + 0.88 * s, cx + 1.1 * s, cy + 1.0 * s), fill="white")
    d.ellipse((cx - 0.1 * s, cy - 0.72 * s, cx + 0.1 * s, cy - 0.52 * s), fill=colour)


def _clock(d: Draw, cx: float, cy: float, s: float, colour: str, _: Path) -> None:
    r = 0.98 * s
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill="white")
    for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
        d.line(
            (cx + dx * 0.72 * s, cy + dy * 0.72 * s, cx + dx * 0.86 * s, cy + dy * 0.86 * s),
            fill=colour,
            width=int(0.1 * s),
        )
    d.line((cx, cy, cx - 0.42 * s, cy - 0.24 * s), fill=colour, width=int(0.14 * s))  # ten past ten
    d.line((cx, cy, cx + 0.5 * s, cy - 0.42 * s), fill=colour, width=int(0.11 * s))
    d.ellipse((cx - 0.1 * s, cy - 0.1 * s, cx + 0.1 * s, cy + 0.1 * s), fill=colour)


def _dashboard(d: Draw, cx: float, cy: float, s: float, colour: str, _: Path) -> None:
    d.rounded_rectangle((cx - 1.0 * s, cy - 0.8 * s, cx + 1.0 * s, cy + 0.55 * s), radius=0.12 * s, fill="white")
    d.rectangle((cx - 0.1 * s, cy + 0.55 * s, cx + 0.1 * s, cy + 0.85 * s), fill="white")
    d.rounded_rectangle((cx - 0.5 * s, cy + 0.82 * s, cx + 0.5 * s, cy + 0.98 * s), radius=0.06 * s, fill="white")
    base = cy + 0.35 * s
    for i, h in enumerate((0.35, 0.7, 0.5, 0.95)):
        x = cx - 0.72 * s + i * 0.38 * s
        d.rectangle((x, base - h * s, x + 0.24 * s, base), fill=colour)


def _calendar(d: Draw, cx: float, cy: float, s: float, colour: str, _: Path) -> None:
    d.rounded_rectangle((cx - 0.9 * s, cy - 0.75 * s, cx + 0.9 * s, cy + 0.95 * s), radius=0.14 * s, fill="white")
    d.rectangle((cx - 0.9 * s, cy - 0.42 * s, cx + 0.9 * s, cy - 0.32 * s), fill=colour)
    for dx in (-0.45, 0.45):
        d.rounded_rectangle(
            (cx + (dx - 0.08) * s, cy - 0.98 * s, cx + (dx + 0.08) * s, cy - 0.55 * s),
            radius=0.06 * s,
            fill="white",
            outline=colour,
            width=int(0.05 * s),
        )
    for row in range(3):
        for column in range(4):
            x = cx - 0.7 * s + column * 0.38 * s
            y = cy - 0.15 * s + row * 0.36 * s
            fill = colour if (row, column) != (2, 3) else None
            d.rectangle((x, y, x + 0.24 * s, y + 0.22 * s), fill=fill, outline=colour, width=int(0.05 * s))


ICONS: dict[Icon, Callable[[Draw, float, float, float, str, Path], None]] = {
    Icon.clipboard: _clipboard,
    Icon.chart: _chart,
    Icon.question: _question,
    Icon.building: _building,
    Icon.clock: _clock,
    Icon.dashboard: _dashboard,
    Icon.calendar: _calendar,
}
