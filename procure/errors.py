"""The exceptions Procure raises at its boundaries.

Every error a user can cause derives from :class:`ProcureError`, so the command
line and the GUI can show its message and nothing else; anything that is not a
``ProcureError`` is a bug and is logged with its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from procure.phrases import say


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with where it is.

    ``location`` uses the file's own paths (``chips[3].price["2026Q2"]``) so a
    planner can find the cell; ``message`` says what is wrong and what was found,
    in English. A problem made by :meth:`phrased` also keeps its sentence of
    :mod:`procure.phrases` and the values, so the GUI can say it in the window's
    language (:meth:`text`); they take no part in comparisons, so a phrased problem
    equals the plain ``Problem(location, message)`` it replaced.
    """

    location: str
    message: str
    key: str | None = field(default=None, compare=False, repr=False)
    values: tuple[tuple[str, object], ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def phrased(cls, location: str, key: str, **values: object) -> Problem:
        """A problem worded by the phrase ``key``; ``message`` is its English."""
        return cls(location, say(key, "en", **values), key, tuple(values.items()))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``en`` or ``zh``); English for unphrased problems."""
        if self.key is None or lang != "zh":
            return self.message
        return say(self.key, lang, **dict(self.values))

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ProcureError(Exception):
    """Root of the errors that carry a message meant for the user."""

    default_message = "Procure could not complete the operation."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self.args[0])


class ValidationError(ProcureError):
    """Input that cannot be used; holds every problem found, not just the first."""

    default_message = "The input is not valid."

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        count = len(self.problems)
        head = f"{source}: " if source else ""
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}{count} {noun} found"] + [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class OptimisationError(ProcureError):
    """The solver failed for a reason other than an infeasible or unbounded plan."""

    default_message = (
        "The optimiser failed. Check that the figures are in sensible units "
        "(prices in currency per unit, demand in PFLOP/s) and try again."
    )


class Cancelled(ProcureError):
    """The user stopped a long operation; not an error to report."""

    default_message = "Cancelled."


class StorageError(ProcureError):
    """A plan file or database could not be read or written."""

    default_message = "The plan could not be read or written."
