"""Keeping plans: plan files on SQLite, shared plans on PostgreSQL, one schema for both.

The GUI and the command line use :mod:`procure.services`; this package is its
machinery. ORM rows never leave it: callers get domain dataclasses
(:class:`~procure.domain.model.Scenario`, :class:`~procure.domain.result.Result`)
and the plain records of :mod:`procure.storage.records`. See ``docs/storage.md``.

Modules: ``schema`` (tables), ``codec`` (rows <-> domain values), ``scenario_io``
(bulk read/write), ``edit_writer`` (edits with optimistic locking), ``plans``
(plans, variants, review workflow), ``results``, ``audit``, ``transfer`` (copying
between stores), ``plan_file`` and ``locations`` (opening files and servers),
``store`` (engine and transactions), ``lockfile``, ``migrate`` and ``migrations``.
"""
