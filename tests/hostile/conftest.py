"""Fixtures of the hostile-input suite (kept in hostile_helpers, importable by name)."""

from hostile_helpers import run, scenario_file  # noqa: F401
