"""How the window shows numbers and money, following the user's settings.

The wording of amounts comes from :mod:`procure.wording` (``1.2 bn CNY``) so
the window, the command line and the memo say the same thing; this module only
adds the user's choices: digit grouping, the locale's separators, and whether
money is compact (``1.2 bn CNY``), written out, or shown with a symbol.
Like ``QLocale.setDefault``, the choice is process-wide: every view reads it
when it paints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLocale

from procure import phrases, wording
from ui import i18n

SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


@dataclass
class NumberStyle:
    """The user's number and currency preferences (see ``ui.settings``)."""

    number_format: str = "grouped"  # grouped | plain | locale
    currency_display: str = "compact"  # compact | full | symbol


_style = NumberStyle()


def configure(number_format: str, currency_display: str) -> None:
    """Set the process-wide style; views repaint on their next update."""
    _style.number_format = number_format
    _style.currency_display = currency_display


def style() -> NumberStyle:
    return _style


def number(value: float | None, decimals: int | None = None) -> str:
    """A plain figure, e.g. ``12,345`` or ``0.148``; empty for ``None``."""
    if value is None:
        return ""
    if not math.isfinite(value):
        return str(value)
    if decimals is None:
        decimals = _auto_decimals(value)
    if _style.number_format == "locale":
        return QLocale().toString(float(value), "f", decimals)
    grouping = "," if _style.number_format == "grouped" else ""
    text = f"{value:{grouping}.{decimals}f}"
    if decimals and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _auto_decimals(value: float) -> int:
    a = abs(value)
    if a == 0 or float(value).is_integer():
        return 0
    if a >= 100:
        return 1
    if a >= 1:
        return 3
    return 4


def percent(share: float | None, digits: int = 0) -> str:
    """``0.35`` as ``35%``; empty for ``None``."""
    if share is None:
        return ""
    return wording.percent(share, digits)


def money_example(amount: float, display: str, currency: str = "CNY") -> str:
    """``amount`` as it would read with currency display ``display`` (Settings' samples)."""
    chosen = _style.currency_display
    _style.currency_display = display
    try:
        return money(amount, currency)
    finally:
        _style.currency_display = chosen


def money(amount: float | None, currency: str = "CNY") -> str:
    """Money in the user's chosen form, in the UI's language: compact amounts read
    ``1.2 bn CNY`` in English and ``12.00 亿元`` in Chinese, as the memo writes them."""
    if amount is None:
        return ""
    if _style.currency_display == "full":
        return f"{number(amount, 0)} {currency}"
    zh = i18n.current_prose_language() == "zh"
    compact = phrases.money(amount, currency, "zh") if zh else wording.money(amount, currency)
    if _style.currency_display == "symbol" and currency in SYMBOLS:
        unit = phrases.currency_unit(currency, "zh") if zh else f" {currency}"
        body = compact[: -len(unit)].strip() if compact.endswith(unit) else compact
        sign = "-" if body.startswith("-") else ""
        return f"{sign}{SYMBOLS[currency]}{body.lstrip('-')}"
    return compact
