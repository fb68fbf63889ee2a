"""The stress templates' titles, field labels, help and choices, for translation.

The core words them in English (:mod:`procure.analysis.templates`); the GUI shows them
through ``QCoreApplication.translate("Templates", text)``. ``pyside6-lupdate`` only sees
literal strings, so they are listed here; a test checks the list is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEMPLATE_TEXTS = (
    QT_TRANSLATE_NOOP("Templates", "Export licence requirement"),
    QT_TRANSLATE_NOOP("Templates", "From quarter"),
    QT_TRANSLATE_NOOP("Templates", "Until quarter (licences resume after it)"),
    QT_TRANSLATE_NOOP("Templates", "Vendors (default: all imported)"),
    QT_TRANSLATE_NOOP("Templates", "Chips"),
    QT_TRANSLATE_NOOP("Templates", "Orders in transit"),
    QT_TRANSLATE_NOOP("Templates", "stranded: paid, never delivered; cancelled: not paid"),
    QT_TRANSLATE_NOOP("Templates", "stranded"),
    QT_TRANSLATE_NOOP("Templates", "cancelled"),
    QT_TRANSLATE_NOOP("Templates", "delivered"),
    QT_TRANSLATE_NOOP("Templates", "Licence with a fee and a volume cap"),
    QT_TRANSLATE_NOOP("Templates", "Until quarter"),
    QT_TRANSLATE_NOOP("Templates", "Fee (share of the price)"),
    QT_TRANSLATE_NOOP("Templates", "Volume cap (share of the allocation)"),
    QT_TRANSLATE_NOOP("Templates", "Volume cap (units per quarter)"),
    QT_TRANSLATE_NOOP("Templates", "Buyer-side import ban"),
    QT_TRANSLATE_NOOP("Templates", "cancelled: not paid; stranded: paid, never delivered"),
    QT_TRANSLATE_NOOP("Templates", "A supplier exits"),
    QT_TRANSLATE_NOOP("Templates", "Vendor"),
    QT_TRANSLATE_NOOP("Templates", "Quarters its fleet stays supported (empty: to the end)"),
    QT_TRANSLATE_NOOP("Templates", "In-house chip slips"),
    QT_TRANSLATE_NOOP("Templates", "Quarters of slip"),
    QT_TRANSLATE_NOOP("Templates", "Chips (default: all in-house)"),
    QT_TRANSLATE_NOOP("Templates", "Known from quarter (default: when its supply starts)"),
    QT_TRANSLATE_NOOP("Templates", "HBM shortage"),
    QT_TRANSLATE_NOOP("Templates", "Supply cut (share)"),
    QT_TRANSLATE_NOOP("Templates", "Memory type (matches e.g. HBM3e for HBM)"),
    QT_TRANSLATE_NOOP("Templates", "Chips (instead of the memory type)"),
    QT_TRANSLATE_NOOP("Templates", "Price shock"),
    QT_TRANSLATE_NOOP("Templates", "Price change (share, 0.2 = +20%)"),
    QT_TRANSLATE_NOOP("Templates", "Vendors"),
    QT_TRANSLATE_NOOP("Templates", "Categories (all chips if nothing is chosen)"),
    QT_TRANSLATE_NOOP("Templates", "Loss of a shared supplier (risk group)"),
    QT_TRANSLATE_NOOP("Templates", "Risk group"),
    QT_TRANSLATE_NOOP("Templates", "Installed units"),
    QT_TRANSLATE_NOOP("Templates", "kept: they keep working; dark: out of service from the quarter"),  # noqa: E501 (one literal, for lupdate)
    QT_TRANSLATE_NOOP("Templates", "Exchange-rate shock"),
    QT_TRANSLATE_NOOP("Templates", "Currency"),
    QT_TRANSLATE_NOOP("Templates", "Rate change (share, 0.1 = +10%)"),
    QT_TRANSLATE_NOOP("Templates", "What is cut"),
    QT_TRANSLATE_NOOP("Templates", "Risk group (its chips, instead of the memory type)"),
    QT_TRANSLATE_NOOP("Templates", "supply: units of the chips; memory: the HBM on each unit (version 2, where workloads have a memory demand), for the whole horizon"),  # noqa: E501
)
