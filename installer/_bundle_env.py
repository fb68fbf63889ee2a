"""Process settings shared by the bundle's executables, applied before Procure loads.

The bundle carries a CJK font (WenQuanYi Micro Hei) so that Chinese memos embed
the same font on every workstation; it is used only when the user has not chosen
one with ``PROCURE_CJK_FONT`` and the system has none of the fonts the memo code
looks for (``procure.exports.fonts.CJK_FONT_CANDIDATES``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_SYSTEM_CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


def configure() -> None:
    """Point the memo at the bundled CJK font when nothing better is available."""
    bundle = Path(getattr(sys, "_MEIPASS", ""))
    font = bundle / "procure" / "_resources" / "fonts" / "wqy-microhei" / "wqy-microhei.ttc"
    if os.environ.get("PROCURE_CJK_FONT") or not font.is_file():
        return
    if not any(Path(p).is_file() for p in _SYSTEM_CJK_FONTS):
        os.environ["PROCURE_CJK_FONT"] = str(font)
