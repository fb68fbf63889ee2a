"""The extensive form of a hedge (two-stage programme), stacked from the futures' own LPs.

No second formulation: every future's rows, bounds and costs are exactly those
:func:`procure.optimiser.lp.build_lp` makes for it, placed block-diagonally.
What is added here is only what ties the futures together:

* nonanticipativity: future s's order columns of the here-and-now periods equal
  the first future's (matched by chip id, since the chip order may differ; on
  plan units, so in integer mode the lot counts are equal, the lots being the
  same);
* the weights: each future's LP is in its own money units (``money_scale``), so
  its cost is multiplied by p_s m_s / M with one common unit M;
* with a CVaR weight, η (free) and one u_s >= z_s - η, u_s >= 0 per future.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from procure.optimiser.index import ScenarioIndex
from procure.optimiser.lp import LinearProgramme


@dataclass(frozen=True)
class Block:
    """One future's programme and where its columns sit in the extensive form."""

    ix: ScenarioIndex
    lp: LinearProgramme
    offset: int
    order_map: Mapping[tuple[str, str], str | None] | None = None

    @property
    def size(self) -> int:
        return len(self.lp.cost)

    def take(self, x: np.ndarray) -> np.ndarray:
        return x[self.offset: self.offset + self.size]

    def order_column(self, chip: str, period: int) -> int | None:
        """Column of b_ct (lots in integer mode) in the extensive form; None: not linked."""
        if self.order_map is not None:
            mapped = self.order_map.get((chip, self.ix.periods[period]), chip)
            if mapped is None:
                return None
            chip = mapped
        c = self.ix.chip_ids.index(chip)
        return self.offset + self.lp.columns.b + c * self.lp.columns.n_periods + period


@dataclass(frozen=True)
class ExtensiveForm:
    """The stacked programme, as a :class:`LinearProgramme` the one solver runner accepts."""

    lp: LinearProgramme
    blocks: tuple[Block, ...]
    money_unit: float  # M: objective units of the extensive form
    eta: int | None  # column of η (None without CVaR)


def _eq_block(lp: LinearProgramme) -> sp.csr_matrix:
    if lp.a_eq is None:
        return sp.csr_matrix((0, len(lp.cost)))
    return lp.a_eq


def _copies(block: Block) -> set[str]:
    return {c for c in (block.order_map or {}).values() if c is not None}


def _nonanticipativity(blocks: Sequence[Block], through: int, n: int
                       ) -> tuple[sp.csr_matrix, int]:
    """Rows b^s_ct - b^1_ct = 0 in plan units, for s after the first and t <= through."""
    first = blocks[0]
    rows, cols, vals = [], [], []
    r = 0
    for block in blocks[1:]:
        for chip in (c for c in first.ix.chip_ids if c not in _copies(first)):
            for t in range(through + 1):
                j1, js = first.order_column(chip, t), block.order_column(chip, t)
                if j1 is None or js is None:
                    continue
                rows += [r, r]
                cols += [js, j1]
                vals += [block.lp.col_scale[js - block.offset],
                         -first.lp.col_scale[j1 - first.offset]]
                r += 1
    return sp.csr_matrix((vals, (rows, cols)), shape=(r, n)), r


def build_extensive_form(
    ixs: Sequence[ScenarioIndex],
    lps: Sequence[LinearProgramme],
    probabilities: Sequence[float],
    through: int,
    *,
    cvar_alpha: float | None = None,
    cvar_weight: float = 0.0,
    order_maps: Sequence[Mapping[tuple[str, str], str | None] | None] | None = None,
) -> ExtensiveForm:
    """``(1 - λ) sum_s p_s z_s + λ CVaR_α(z)``, the orders through period ``through`` common."""
    offsets = np.concatenate([[0], np.cumsum([len(lp.cost) for lp in lps])]).astype(int)
    maps = list(order_maps) if order_maps is not None else [None] * len(lps)
    blocks = tuple(Block(ix, lp, int(off), m)
                   for ix, lp, off, m in zip(ixs, lps, offsets, maps, strict=False))
    n_plan = int(offsets[-1])
    unit = max(lp.money_scale for lp in lps)
    weight = float(cvar_weight)
    use_cvar = weight > 0
    n_s = len(lps)
    n = n_plan + (1 + n_s if use_cvar else 0)
    p = np.asarray(probabilities, dtype=float)

    # z_s in units of M: (m_s / M) c_s . x_s
    z_rows = [lp.cost * (lp.money_scale / unit) for lp in lps]
    cost = np.zeros(n)
    for block, z, prob in zip(blocks, z_rows, p, strict=True):
        cost[block.offset: block.offset + block.size] = (1.0 - weight) * prob * z

    a_ub = sp.block_diag([lp.a_ub for lp in lps], format="csr")
    b_ub = np.concatenate([lp.b_ub for lp in lps])
    a_ub = sp.hstack([a_ub, sp.csr_matrix((a_ub.shape[0], n - n_plan))], format="csr")
    eta = None
    if use_cvar:
        assert cvar_alpha is not None
        eta = n_plan
        u = n_plan + 1 + np.arange(n_s)
        cost[eta] = weight
        cost[u] = weight * p / (1.0 - cvar_alpha)
        # z_s - η - u_s <= 0
        z_mat = sp.block_diag([z[None, :] for z in z_rows], format="csr")
        cvar_rows = sp.hstack([z_mat, sp.csr_matrix(-np.ones((n_s, 1))), -sp.identity(n_s)],
                              format="csr")
        a_ub = sp.vstack([a_ub, cvar_rows], format="csr")
        b_ub = np.concatenate([b_ub, np.zeros(n_s)])

    a_eq = sp.block_diag([_eq_block(lp) for lp in lps], format="csr")
    a_eq = sp.hstack([a_eq, sp.csr_matrix((a_eq.shape[0], n - n_plan))], format="csr")
    b_eq = np.concatenate([lp.b_eq if lp.b_eq is not None else np.zeros(0) for lp in lps])
    linking, n_link = _nonanticipativity(blocks, through, n)
    a_eq = sp.vstack([a_eq, linking], format="csr")
    b_eq = np.concatenate([b_eq, np.zeros(n_link)])

    bounds = [lp.bounds() for lp in lps]
    lower = np.concatenate([b[0] for b in bounds] + [np.zeros(n - n_plan)])
    upper = np.concatenate([b[1] for b in bounds] + [np.full(n - n_plan, np.inf)])
    if eta is not None:
        lower[eta] = -np.inf
    integrality = None
    if any(lp.integrality is not None for lp in lps):
        integrality = np.concatenate(
            [lp.integrality if lp.integrality is not None else np.zeros(len(lp.cost))
             for lp in lps] + [np.zeros(n - n_plan)])
    col_scale = np.concatenate([lp.col_scale for lp in lps] + [np.ones(n - n_plan)])
    stacked = LinearProgramme(
        cost, a_ub, b_ub, a_eq if a_eq.shape[0] else None, b_eq if a_eq.shape[0] else None,
        integrality, [], lps[0].columns, unit, col_scale, 0, lower, upper,
    )
    return ExtensiveForm(stacked, blocks, unit, eta)


def cvar_of(values: Sequence[float], probabilities: Sequence[float], alpha: float) -> float:
    """CVaR_α = min_η η + 1/(1-α) sum_s p_s max(0, z_s - η), exactly.

    The function of η is piecewise linear and convex with kinks at the z_s, so
    its minimum is at one of them.
    """
    z = np.asarray(values, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    return float(min(eta + np.sum(p * np.maximum(0.0, z - eta)) / (1.0 - alpha) for eta in z))


__all__ = ["Block", "ExtensiveForm", "build_extensive_form", "cvar_of"]
