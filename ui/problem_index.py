"""Validation problems indexed by the cell they belong to.

:func:`procure.domain.validation.validate_scenario` names each problem's place in
the file's notation (``chips[3].price["2026Q2"]``). Views address cells by the
same parts (``("chips", 3, "price", "2026Q2")``), so a cell can ask for its
problems in one dictionary lookup and the problem list can jump to the cell.
Messages are asked for in a language (``en`` / ``zh``, see
:meth:`procure.errors.Problem.text`), so cells show them in the window's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from procure.errors import Problem

Parts = tuple[str | int, ...]

_TOKEN = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def parse_location(location: str) -> Parts:
    """``chips[3].price["2026Q2"]`` -> ``("chips", 3, "price", "2026Q2")``.

    Unknown syntax ends the parse: the parts read so far are returned, so a
    problem still lands on the nearest thing that can show it.
    """
    parts: list[str | int] = []
    pos = 0
    while pos < len(location):
        match = _TOKEN.match(location, pos)
        if match is None:
            break
        name, index, key = match.groups()
        if name is not None:
            parts.append(name)
        elif index is not None:
            parts.append(int(index))
        else:
            parts.append(json.loads(key))
        pos = match.end()
    return tuple(parts)


class ProblemIndex:
    """The problems of one scenario, found by cell."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.parts: tuple[Parts, ...] = tuple(parse_location(p.location) for p in self.problems)
        self._by_parts: dict[Parts, list[Problem]] = {}
        for parts, problem in zip(self.parts, self.problems, strict=True):
            self._by_parts.setdefault(parts, []).append(problem)

    def __len__(self) -> int:
        return len(self.problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def messages(self, parts: Parts, lang: str = "en") -> list[str]:
        """Problems of the cell at ``parts``, and of the whole field or row it belongs to.

        ``chips[3].price`` (wrong number of values) marks every price cell of chip 3;
        a row's own problems mark the row; a lone collection name (``vendors``: none
        listed) marks nothing. Each is worded in ``lang`` (``en`` or ``zh``).
        """
        found: list[str] = []
        for n in range(len(parts), 1, -1):
            found += [p.text(lang) for p in self._by_parts.get(parts[:n], [])]
        return found

    def under(self, prefix: Parts) -> int:
        """How many problems lie at or below ``prefix`` (for a page's badge)."""
        n = len(prefix)
        return sum(1 for parts in self.parts if parts[:n] == prefix)
