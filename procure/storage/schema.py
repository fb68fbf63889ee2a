"""The database schema: one set of tables for plan files (SQLite) and team servers (PostgreSQL).

A *plan* has a base scenario and named variants; each is a full ``scenario`` row
with its own vendors, chips, workloads and fleet, so a variant can be read, solved
and exported on its own (the scenario-analysis work may later store overrides on
top of these, without changing what a loaded variant means). Per-period values
and a workload's efficiencies are JSON arrays/objects on their row: they are always
read and written whole, so this keeps the 50,000-row plan's open time down to
reading rows, and an edit rewrites one small row.

Every editable row carries a ``version`` for optimistic locking, and every scenario
a ``change_count`` that each edit bumps (see :mod:`procure.storage.edit_writer`).
Entity ids are ``AUTOINCREMENT`` on SQLite so a deleted row's id is never reused
while someone may still hold it. This module describes the newest schema; the
migrations in ``procure/storage/migrations`` build the same thing step by step and
a test checks that the two agree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from procure.storage.types import Json, UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

APPLICATION_ID = 0x50524F43  # "PROC": SQLite's header field that names the owning application
FILE_FORMAT = "procure-plan"  # the marker row in procure_meta

_AUTOINC: dict[str, Any] = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _scenario_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), nullable=False)


class Meta(Base):
    """Key/value facts about the database itself; ``format = procure-plan`` marks ours."""

    __tablename__ = "procure_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Plan(Base):
    """A plan and its place in the review workflow; ``(name, revision)`` is unique."""

    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="draft")
    parent_revision: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(Text, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (Index("ix_plan_name_revision", "name", "revision", unique=True), _AUTOINC)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's own protocol


class ScenarioRow(Base):
    """The base scenario (``variant = ''``) or a named variant, with its plan-wide settings."""

    __tablename__ = "scenario"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), nullable=False)
    variant: Mapped[str] = mapped_column(Text, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    derived_from: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str | None] = mapped_column(Text)
    periods: Mapped[Any] = mapped_column(Json, nullable=False)
    hours: Mapped[Any] = mapped_column(Json, nullable=True)
    energy_price: Mapped[Any] = mapped_column(Json, nullable=True)
    pue: Mapped[Any] = mapped_column(Json, nullable=True)
    power_cap_kw: Mapped[Any] = mapped_column(Json, nullable=True)
    shortfall_penalty: Mapped[float | None] = mapped_column(Double)
    integer_mode: Mapped[bool] = mapped_column(Boolean, nullable=False)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    # Planning model version 2 (NULL: as version 1); model_version is not the row's
    # optimistic-locking ``version``.
    model_version: Mapped[int | None] = mapped_column(Integer)
    discount_rate: Mapped[float | None] = mapped_column(Double)
    periods_per_year: Mapped[int | None] = mapped_column(Integer)
    fx: Mapped[Any] = mapped_column(Json, nullable=True)
    risk_groups: Mapped[Any] = mapped_column(Json, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    change_count: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        Index("ix_scenario_plan_variant", "plan_id", "variant", unique=True), _AUTOINC,
    )


class BudgetRow(Base):
    __tablename__ = "budget"
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), primary_key=True
    )
    total: Mapped[float | None] = mapped_column(Double)
    per_period: Mapped[Any] = mapped_column(Json, nullable=True)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class LimitsRow(Base):
    """Risk limits; ``category_share`` is an ordered JSON object of ``{min, max, x}``."""

    __tablename__ = "limits"
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), primary_key=True
    )
    vendor_max_share: Mapped[float | None] = mapped_column(Double)
    category_share: Mapped[Any] = mapped_column(Json, nullable=False)
    max_weighted_risk: Mapped[float | None] = mapped_column(Double)
    outage_coverage: Mapped[float] = mapped_column(Double, nullable=False)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class VendorRow(Base):
    __tablename__ = "vendor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = _scenario_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    ident: Mapped[str] = mapped_column(Text, nullable=False)
    name: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text, nullable=False)
    risk: Mapped[float] = mapped_column(Double, nullable=False)
    max_share: Mapped[float | None] = mapped_column(Double)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        Index("ix_vendor_scenario_ident", "scenario_id", "ident", unique=True), _AUTOINC,
    )


class ChipRow(Base):
    """A chip; ``price`` and ``supply`` are JSON arrays with one number per period."""

    __tablename__ = "chip"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = _scenario_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    ident: Mapped[str] = mapped_column(Text, nullable=False)
    vendor: Mapped[str] = mapped_column(Text, nullable=False)
    name: Mapped[str | None] = mapped_column(Text)
    peak_pflops: Mapped[float] = mapped_column(Double, nullable=False)
    price: Mapped[Any] = mapped_column(Json, nullable=False)
    supply: Mapped[Any] = mapped_column(Json, nullable=True)
    lead_time: Mapped[int] = mapped_column(Integer, nullable=False)
    lifetime: Mapped[int | None] = mapped_column(Integer)
    lot_size: Mapped[int] = mapped_column(Integer, nullable=False)
    power_kw: Mapped[float] = mapped_column(Double, nullable=False)
    memory_gb: Mapped[float | None] = mapped_column(Double)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    price_currency: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        Index("ix_chip_scenario_ident", "scenario_id", "ident", unique=True), _AUTOINC,
    )


class WorkloadRow(Base):
    """A workload; ``demand`` is a JSON array, ``efficiency`` an ordered object chip -> value."""

    __tablename__ = "workload"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = _scenario_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    ident: Mapped[str] = mapped_column(Text, nullable=False)
    name: Mapped[str | None] = mapped_column(Text)
    demand: Mapped[Any] = mapped_column(Json, nullable=False)
    efficiency: Mapped[Any] = mapped_column(Json, nullable=False)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    memory_demand: Mapped[Any] = mapped_column(Json, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        Index("ix_workload_scenario_ident", "scenario_id", "ident", unique=True), _AUTOINC,
    )


class FleetRow(Base):
    __tablename__ = "fleet_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = _scenario_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    chip: Mapped[str] = mapped_column(Text, nullable=False)
    units: Mapped[float] = mapped_column(Double, nullable=False)
    retire_after: Mapped[str | None] = mapped_column(Text)
    x: Mapped[Any] = mapped_column(Json, nullable=True)
    in_service_from: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        Index("ix_fleet_entry_scenario_position", "scenario_id", "position"), _AUTOINC,
    )


class ResultRow(Base):
    """A solve result: the whole ``procure-result/1`` object plus what it was computed from."""

    __tablename__ = "result"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), nullable=False)
    scenario_id: Mapped[int] = _scenario_fk()
    variant: Mapped[str] = mapped_column(Text, nullable=False)
    computed_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    computed_by: Mapped[str] = mapped_column(Text, nullable=False)
    scenario_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    objective: Mapped[float | None] = mapped_column(Double)
    content: Mapped[Any] = mapped_column(Json, nullable=False)
    kind: Mapped[str | None] = mapped_column(String(16))  # NULL: a solve; "hedge": a hedge
    __table_args__ = (Index("ix_result_scenario_id", "scenario_id"), _AUTOINC)


class AuditRow(Base):
    """Who changed what, when, from what to what; values are JSON text."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    user_name: Mapped[str] = mapped_column(Text, nullable=False)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    plan_name: Mapped[str] = mapped_column(Text, nullable=False)
    revision: Mapped[int | None] = mapped_column(Integer)
    variant: Mapped[str | None] = mapped_column(Text)
    change_number: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    path: Mapped[str] = mapped_column(Text, nullable=False)
    old_value: Mapped[Any] = mapped_column(Json, nullable=True)
    new_value: Mapped[Any] = mapped_column(Json, nullable=True)
    __table_args__ = (Index("ix_audit_entry_plan_id", "plan_id", "id"), _AUTOINC)


metadata = Base.metadata
plan_t = cast(Table, Plan.__table__)
scenario_t = cast(Table, ScenarioRow.__table__)
budget_t = cast(Table, BudgetRow.__table__)
limits_t = cast(Table, LimitsRow.__table__)
vendor_t = cast(Table, VendorRow.__table__)
chip_t = cast(Table, ChipRow.__table__)
workload_t = cast(Table, WorkloadRow.__table__)
fleet_t = cast(Table, FleetRow.__table__)
result_t = cast(Table, ResultRow.__table__)
audit_t = cast(Table, AuditRow.__table__)
meta_t = cast(Table, Meta.__table__)
