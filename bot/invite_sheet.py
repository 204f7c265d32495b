"""Invite sheets: the one-time codes of a roster import, as a workbook for the admin and as printable
A4 cards (eight a page, cut along the dashed lines) handed to each person.

A card carries the person's name and unit, the bot's add-friend link and its QR code, the code and
two steps: add the bot as a friend, send the code. Codes are stored hashed, so these files are the
only place their plain text is kept: they are written once per run and never overwritten.

The PDF embeds Laksaman (Debian ``fonts-thai-tlwg``), the metric twin of "TH Sarabun New" that the
workbooks name, with text shaping so marks above and below Thai letters sit where they belong. The
QR code is one image, embedded once and placed on every card (the link is the bot's, the same for all).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import segno
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from bot import invite_sheet_texts as it
from bot.export_xlsx import FONT_NAME
from scoring.fiscal import BANGKOK, bangkok_date
from scoring.thai import thai_date
from store.roster import Invite

ADD_FRIEND = "https://line.me/R/ti/p/{basic_id}"
TLWG = Path("/usr/share/fonts/truetype/tlwg")
FAMILY = "Laksaman"


class InviteSheetError(RuntimeError):
    """The sheets cannot be written (a font, a setting, the folder); the message is for the admin."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path

    def check(self) -> None:
        for path in (self.regular, self.bold):
            if not path.is_file():
                raise InviteSheetError(it.FONT_MISSING.format(path=path))


LAKSAMAN = FontFiles(TLWG / "Laksaman.ttf", TLWG / "Laksaman-Bold.ttf")


def add_friend_url(basic_id: str | None) -> str:
    """The bot's add-friend link from its basic id ("@123abcde")."""
    if not basic_id:
        raise InviteSheetError(it.NEED_BASIC_ID)
    basic_id = basic_id.strip()
    if not basic_id.startswith("@") or len(basic_id) < 2 or any(c.isspace() or c == "/" for c in basic_id):
        raise InviteSheetError(it.BAD_BASIC_ID.format(value=basic_id))
    return ADD_FRIEND.format(basic_id=basic_id)


def sheet_paths(out_dir: Path, now: datetime) -> tuple[Path, Path]:
    stamp = now.astimezone(BANGKOK).strftime("%Y%m%d-%H%M%S")
    return out_dir / f"invites-{stamp}.xlsx", out_dir / f"invites-{stamp}.pdf"


def write_invite_sheets(
    invites: Sequence[Invite], out_dir: Path, *, url: str, now: datetime, fonts: FontFiles = LAKSAMAN
) -> tuple[Path, Path]:
    """Write the workbook and the cards; refuses to overwrite (an earlier sheet holds live codes)."""
    fonts.check()
    xlsx, pdf = sheet_paths(out_dir, now)
    for path in (xlsx, pdf):
        if path.exists():
            raise InviteSheetError(it.SHEET_EXISTS.format(path=path))
    ordered = by_unit(invites)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_invite_xlsx(ordered, xlsx, url=url)
        write_invite_pdf(ordered, pdf, url=url, fonts=fonts)
    except OSError as exc:
        raise InviteSheetError(it.CANNOT_WRITE.format(error=exc)) from exc
    return xlsx, pdf


def by_unit(invites: Sequence[Invite]) -> list[Invite]:
    """Grouped by unit (cards are handed out per unit), units and people in roster order."""
    first: dict[str, int] = {}
    for n, invite in enumerate(invites):
        first.setdefault(invite.unit, n)
    return sorted(invites, key=lambda i: first[i.unit])


def _until(invite: Invite) -> str:
    return thai_date(bangkok_date(invite.expires_at))


# --- the workbook -------------------------------------------------------------------------------------

_COLUMNS = (
    (it.ORDER, 7),
    (it.NAME, 28),
    (it.UNIT, 40),
    (it.POSITION, 28),
    (it.CODE, 22),
    (it.LINK, 36),
    (it.VALID_UNTIL, 14),
)


def write_invite_xlsx(invites: Sequence[Invite], path: Path, *, url: str) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = it.SHEET_TITLE
    body, bold = Font(name=FONT_NAME, size=14), Font(name=FONT_NAME, size=14, bold=True)
    sheet.append([header for header, _ in _COLUMNS])
    for n, invite in enumerate(invites, start=1):
        sheet.append([n, invite.name, invite.unit, invite.position, invite.code, url, _until(invite)])
        sheet.cell(row=n + 1, column=6).hyperlink = url
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.font = bold if cell.row == 1 or cell.column == 5 else body
            cell.alignment = Alignment(vertical="center", wrap_text=cell.column in (3, 4))
    for cell in sheet[1]:
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
    for index, (_, width) in enumerate(_COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    workbook.save(path)


# --- the cards ----------------------------------------------------------------------------------------

MARGIN = 10.0  # mm
COLUMNS, ROWS = 2, 4
CARD_W = (210.0 - 2 * MARGIN) / COLUMNS
CARD_H = (297.0 - 2 * MARGIN) / ROWS
PAD = 4.5
QR_SIZE = 28.0  # with its quiet zone (4 modules): about 2 cm of code, read by phones at arm's length
TEXT_W = CARD_W - 2 * PAD - QR_SIZE
CARDS_PER_PAGE = COLUMNS * ROWS
_GREY = (90, 90, 90)
_BLUE = (6, 69, 173)


def qr_png(url: str) -> bytes:
    """The add-friend link as a QR code (error correction M), 10 pixels a module, quiet zone included."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def write_invite_pdf(invites: Sequence[Invite], path: Path, *, url: str, fonts: FontFiles = LAKSAMAN) -> None:
    fonts.check()
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(it.PDF_TITLE)
    pdf.set_creator("Tidtam")
    pdf.add_font(FAMILY, "", str(fonts.regular))
    pdf.add_font(FAMILY, "B", str(fonts.bold))
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(False)
    qr = qr_png(url)
    for n, invite in enumerate(invites):
        slot = n % CARDS_PER_PAGE
        if slot == 0:
            pdf.add_page()
        x = MARGIN + (slot % COLUMNS) * CARD_W
        y = MARGIN + (slot // COLUMNS) * CARD_H
        _card(pdf, invite, x, y, url, qr)
    pdf.output(str(path))


def _fitting(pdf: FPDF, text: str, width: float, size: float, smallest: float, style: str = "") -> float:
    """The largest font size from ``size`` down to ``smallest`` at which ``text`` fits ``width``."""
    while True:
        pdf.set_font(FAMILY, style, size)
        if size <= smallest or pdf.get_string_width(text) <= width:
            return size
        size -= 0.5


def _fit(pdf: FPDF, text: str, width: float, size: float, smallest: float, style: str = "") -> None:
    pdf.set_font(FAMILY, style, _fitting(pdf, text, width, size, smallest, style))


def _line(pdf: FPDF, x: float, y: float, w: float, h: float, text: str, **font: float | str) -> None:
    _fit(pdf, text, w, float(font.get("size", 10)), float(font.get("smallest", 7)), str(font.get("style", "")))
    pdf.set_xy(x, y)
    pdf.cell(w, h, text)


def _card(pdf: FPDF, invite: Invite, x: float, y: float, url: str, qr: bytes) -> None:
    """Name across the top; unit, position and the code beside the QR; the two steps below."""
    pdf.set_draw_color(160, 160, 160)
    pdf.set_line_width(0.2)
    with pdf.local_context():
        pdf.set_dash_pattern(dash=2, gap=1.5)
        pdf.rect(x, y, CARD_W, CARD_H)
    left, top, wide = x + PAD, y + PAD, CARD_W - 2 * PAD
    pdf.set_text_color(0, 0, 0)
    _line(pdf, left, top, wide, 8, invite.name, size=15, smallest=9, style="B")
    beside = top + 8
    pdf.image(io.BytesIO(qr), x + CARD_W - PAD - QR_SIZE + 2, beside - 1, QR_SIZE, QR_SIZE)
    _line(pdf, left, beside, TEXT_W, 6, invite.unit, size=11, smallest=7)
    pdf.set_text_color(*_GREY)
    _line(pdf, left, beside + 5.5, TEXT_W, 6, invite.position, size=10, smallest=7)
    _line(pdf, left, beside + 11.5, TEXT_W, 5, it.CODE_LABEL, size=9)
    pdf.set_fill_color(238, 242, 250)
    pdf.rect(left, beside + 16.5, TEXT_W, 10, style="F")
    pdf.set_text_color(0, 0, 0)
    _fit(pdf, invite.code, TEXT_W - 2, 20, 14, "B")
    pdf.set_xy(left, beside + 16.5)
    pdf.cell(TEXT_W, 10, invite.code, align="C")

    steps = beside + QR_SIZE
    size = min(_fitting(pdf, text, wide, 10.5, 8) for text in (it.STEP_ADD_FRIEND, it.STEP_SEND_CODE))
    _line(pdf, left, steps, wide, 5.5, it.STEP_ADD_FRIEND, size=size, smallest=size)
    pdf.set_text_color(*_BLUE)
    _fit(pdf, url, wide - 4, 9.5, 7)
    pdf.set_xy(left + 4, steps + 5.5)
    pdf.cell(wide - 4, 5.5, url, link=url)
    pdf.set_text_color(0, 0, 0)
    _line(pdf, left, steps + 11, wide, 5.5, it.STEP_SEND_CODE, size=size, smallest=size)
    pdf.set_text_color(*_GREY)
    _line(pdf, left, steps + 16.5, wide, 5.5, it.ONE_TIME.format(until=_until(invite)), size=8.5, smallest=7)
