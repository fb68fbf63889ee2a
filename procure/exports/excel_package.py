"""The guard in front of openpyxl: a workbook is a zip of XML, and both can be weapons.

Before openpyxl sees a workbook, the whole package is checked here: the file is a
regular file of at most :data:`MAX_WORKBOOK_BYTES`; it has at most
:data:`MAX_PARTS` parts; no part unpacks to more than :data:`MAX_PART_BYTES` or
beyond :data:`MAX_RATIO` times its packed size (a zip bomb), nor all of them to more
than :data:`MAX_TOTAL_BYTES`; and no XML part has a document type declaration. Excel
and LibreOffice never write one, and it is what entity expansion ("billion laughs")
and external entities (reading a local file into a cell) need, so refusing it closes
both whichever XML parser openpyxl uses.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from procure.errors import Problem, ValidationError
from procure.fs import MiB, read_bounded

MAX_WORKBOOK_BYTES = 32 * MiB
MAX_PARTS = 2_000
MAX_PART_BYTES = 128 * MiB
MAX_TOTAL_BYTES = 512 * MiB
MAX_RATIO = 200  # typical sheets pack 5-20 times; bombs pack 1000 times and more
_RATIO_FLOOR = 4 * MiB  # small parts may pack as tightly as they like
_DOCTYPE = b"<!doctype"


def read_package(path: Path) -> io.BytesIO:
    """The workbook's bytes, checked as the module docstring says, ready for openpyxl."""
    data = read_bounded(path, MAX_WORKBOOK_BYTES, "workbook")
    problem = _check(data)
    if problem is not None:
        raise ValidationError([Problem("", f"cannot read the workbook: {problem}")], str(path))
    return io.BytesIO(data)


def _check(data: bytes) -> str | None:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return "not an Excel .xlsx workbook"
    with package:
        parts = package.infolist()
        if len(parts) > MAX_PARTS:
            return f"it has {len(parts):,} parts (at most {MAX_PARTS:,})"
        total = 0
        for info in parts:
            size = info.file_size
            total += size
            if size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                return f"the part {info.filename} unpacks to more than {MAX_PART_BYTES // MiB} MB"
            if size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                return (f"the part {info.filename} unpacks {size // max(info.compress_size, 1):,} "
                        "times its packed size (a zip bomb)")
            if info.filename.endswith((".xml", ".rels", ".vml")):
                problem = _scan_xml(package, info)
                if problem is not None:
                    return problem
    return None


def _scan_xml(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """Refuse a DOCTYPE anywhere in the part, reading it in pieces (bounded memory)."""
    tail = b""
    try:
        with package.open(info) as part:
            while chunk := part.read(MiB):
                window = (tail + chunk).lower()
                if _DOCTYPE in window:
                    return (f"the part {info.filename} declares a document type (entities), "
                            "which no spreadsheet program writes")
                tail = window[-len(_DOCTYPE):]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        return f"the part {info.filename} is damaged ({exc})"
    return None
