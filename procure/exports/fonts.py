"""Fonts for the PDF memo, and markup that renders Chinese names inside English text.

Latin text uses Helvetica (in every PDF viewer). Anything Helvetica cannot
show, Chinese above all, is set in a TrueType CJK font embedded as a subset,
so the memo renders the same on a machine with no Chinese fonts. The font is
looked for in the usual places (WenQuanYi on Linux, Microsoft YaHei / SimSun
on Windows; ``PROCURE_CJK_FONT`` overrides); only if none is found does the
memo fall back to reportlab's built-in STSong-Light, which is not embedded and
relies on the reader's fonts.

User text is escaped here before it reaches reportlab's paragraph parser, so a
name like ``<b>x</b> & co`` is printed as typed, never interpreted as markup.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CJK_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
)
CJK_NAME = "ProcureCJK"
_FALLBACK_CID = "STSong-Light"


@dataclass(frozen=True)
class FontSet:
    """The memo's font names; ``cjk_embedded`` is False only on the CID fallback."""

    regular: str
    bold: str
    cjk: str
    cjk_embedded: bool

    def for_language(self, language: str) -> FontSet:
        """Chinese memos set all text in the CJK font (it has Latin glyphs too)."""
        if language == "zh":
            return FontSet(self.cjk, self.cjk, self.cjk, self.cjk_embedded)
        return self


def _candidates() -> list[tuple[str, int]]:
    override = os.environ.get("PROCURE_CJK_FONT")
    found = [(override, 0)] if override else []
    return found + list(CJK_FONT_CANDIDATES)


@functools.cache
def memo_fonts() -> FontSet:
    """Register the memo's fonts once per process and say which were found."""
    for path, index in _candidates():
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(CJK_NAME, path, subfontIndex=index))
        except (TTFError, OSError):
            continue  # e.g. a CFF-outline font reportlab cannot embed; try the next
        return FontSet("Helvetica", "Helvetica-Bold", CJK_NAME, True)
    pdfmetrics.registerFont(UnicodeCIDFont(_FALLBACK_CID))
    return FontSet("Helvetica", "Helvetica-Bold", _FALLBACK_CID, False)


def latin_only(text: str) -> bool:
    """True when Helvetica (WinAnsi encoding) can show every character of ``text``."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


_RUN = re.compile(r"([^\x00-\x7f]+)")


def markup(text: str, fonts: FontSet) -> str:
    """Escape user text for a reportlab Paragraph and switch font for non-Latin runs."""
    if fonts.regular == fonts.cjk:
        return escape(text)
    parts = []
    for piece in _RUN.split(text):
        if piece and not latin_only(piece):
            parts.append(f'<font name="{fonts.cjk}">{escape(piece)}</font>')
        else:
            parts.append(escape(piece))
    return "".join(parts)


def font_for(text: str, fonts: FontSet, bold: bool = False) -> str:
    """The font that can draw the whole of ``text`` (chart labels cannot switch mid-string)."""
    if not latin_only(text):
        return fonts.cjk
    return fonts.bold if bold else fonts.regular
