"""Columns (and fields) declared once: key, header, how to read, show, parse and edit a value.

Table models hold a tuple of :class:`Column` and answer ``data``, ``headerData``,
``flags`` and ``setData`` by looking the column up; the delegate builds its editor
from the same declaration, and paste parses text with it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from procure import wording
from ui import formatting
from ui.i18n import tr as _tr


class Kind(Enum):
    """What a cell holds; decides its editor, its display and how pasted text is read."""

    TEXT = "text"
    NUMBER = "number"
    INTEGER = "integer"
    PERCENT = "percent"  # a share 0..1, shown and typed as 0..100 %
    SCORE = "score"  # a 0..1 figure shown as such (risk, efficiency)
    MONEY = "money"
    YEAR = "year"  # a calendar year: 2022, never "2,022"
    CHOICE = "choice"
    FLAG = "flag"


NUMERIC = frozenset({Kind.NUMBER, Kind.INTEGER, Kind.PERCENT, Kind.SCORE, Kind.MONEY,
                     Kind.YEAR})

Choices = Callable[[Any], list[tuple[Any, str]]]
"""scenario -> [(value, label)] for a choice column."""


def _default_get(key: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, key)


@dataclass(frozen=True)
class Column:
    """One column of a table model (or one row of a field list).

    ``header`` is English and marked for translation with ``QT_TRANSLATE_NOOP`` in
    the context ``"Columns"``; ``optional`` means an empty cell is ``None`` (no
    limit, the default applies); ``minimum``/``maximum`` bound the spin box only:
    range rules belong to validation, which marks the cell.
    """

    key: str
    header: str
    kind: Kind = Kind.TEXT
    editable: bool = True
    optional: bool = False
    get: Callable[[Any], Any] | None = None
    choices: Choices | None = None
    minimum: float = 0.0
    maximum: float = 1e15
    decimals: int = 3
    empty_text: str = ""  # shown for None, e.g. "unlimited"
    tooltip: str = ""

    def value(self, row: Any) -> Any:
        return (self.get or _default_get(self.key))(row)

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Columns", self.header)

    @property
    def alignment(self) -> Qt.AlignmentFlag:
        if self.kind in NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def display(self, value: Any, scenario: Any = None, currency: str = "CNY") -> str:
        """The text a cell shows for ``value``."""
        if value is None:
            return QCoreApplication.translate("Columns", self.empty_text) if self.empty_text else ""
        if self.kind is Kind.CHOICE and self.choices is not None and scenario is not None:
            for choice, label in self.choices(scenario):
                if choice == value:
                    return label
            return str(value)
        return display_value(self.kind, value, currency, self.decimals, entered=self.editable)

    def parse(self, value: Any) -> Any:
        """A typed or pasted value as the model stores it; ``ValueError`` says why not."""
        return parse_value(self.kind, value, self.optional)


def display_value(kind: Kind, value: Any, currency: str = "CNY", decimals: int = 3, *,
                  entered: bool = True) -> str:
    """A cell's text. Shares and scores a planner typed keep every digit they were typed
    with (a risk limit of 0.435 is 0.435, not 0.43), as the CLI, workbook and memo show
    them (:func:`procure.wording.figure`); computed ones show three significant digits."""
    if kind is Kind.PERCENT:
        return wording.limit_percent(float(value), entered=entered)
    if kind is Kind.SCORE:
        return wording.figure(float(value), entered=entered)
    if kind is Kind.MONEY:
        return formatting.number(value, 0)
    if kind is Kind.YEAR:
        return str(int(value))
    if kind is Kind.INTEGER:
        return formatting.number(value, 0)
    if kind is Kind.NUMBER:
        return formatting.number(value)
    if kind is Kind.FLAG:
        return ""
    return str(value)


def parse_number(text: str) -> float:
    """``"1,234.5"``, ``" 35% "``, ``"1e6"`` -> float; spreadsheets paste all of these."""
    cleaned = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    scale = 1.0
    if cleaned.endswith("%"):
        cleaned, scale = cleaned[:-1], 0.01
    try:
        value = float(cleaned) * scale
    except ValueError:
        raise ValueError(_tr("“{text}” is not a number").format(text=text.strip())) from None
    if not math.isfinite(value):
        raise ValueError(_tr("“{text}” is not a finite number").format(text=text.strip()))
    return value


# Money as planners write it: "3400亿", "340 bn", "1.2 billion CNY", "350m", "3.4e11".
_MAGNITUDES = {"亿": 1e8, "万": 1e4, "bn": 1e9, "b": 1e9, "billion": 1e9, "m": 1e6,
               "mn": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}
_CURRENCY_WORDS = ("元", "cny", "rmb", "usd", "eur", "¥", "$", "€")


def parse_money(text: str) -> float:
    """An amount with an optional magnitude word and currency; ``ValueError`` says why not."""
    cleaned = text.strip().lower().replace(",", "").replace("\u00a0", "").replace(" ", "")
    for word in _CURRENCY_WORDS:
        cleaned = cleaned.removeprefix(word).removesuffix(word)
    for word, scale in sorted(_MAGNITUDES.items(), key=lambda kv: -len(kv[0])):
        if cleaned.endswith(word) and cleaned[: -len(word)]:
            number = cleaned[: -len(word)]
            try:
                value = float(number) * scale
            except ValueError:
                break
            if math.isfinite(value):
                return value
    return parse_number(text.strip().rstrip("元").strip())


def parse_value(kind: Kind, value: Any, optional: bool = False) -> Any:
    """Convert editor or clipboard input to the stored value."""
    if isinstance(value, str):
        text = value.strip()
        if text == "" or text in ("-", "—"):
            if optional:
                return None
            if kind in NUMERIC:
                raise ValueError(_tr("a value is required here"))
            return ""
        if kind is Kind.PERCENT:
            number = parse_number(text)
            return number if text.endswith("%") else (number / 100 if number > 1 else number)
        if kind is Kind.MONEY:
            return parse_money(text)
        if kind is Kind.INTEGER:
            number = parse_number(text)
            if not number.is_integer():
                raise ValueError(_tr("“{text}” is not a whole number").format(text=text))
            return int(number)
        if kind in NUMERIC:
            return parse_number(text)
        if kind is Kind.FLAG:
            return text.lower() in ("1", "true", "yes", "y", "x", "✓", "是")
        return text
    if value is None:
        if optional:
            return None
        raise ValueError(_tr("a value is required here"))
    if kind is Kind.INTEGER:
        return int(value)
    if kind in NUMERIC:
        return float(value)
    return value
