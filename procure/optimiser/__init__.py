"""The optimiser: a pure function from a scenario to an explained result.

scipy (and so HiGHS) is imported only inside this package, and only when a
solve starts, so the command line and the GUI start quickly.
"""

from procure.optimiser.solver import SolveOptions, solve

__all__ = ["SolveOptions", "solve"]
