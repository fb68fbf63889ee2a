"""An edit the storage layer has no writer for is refused, never saved as nothing."""

from __future__ import annotations

import dataclasses

import pytest
from storage_helpers import Backend, assert_same

from procure import services
from procure.domain.model import Scenario


@dataclasses.dataclass(frozen=True)
class _Rename:
    """A well-formed edit of a kind the writer has never heard of."""

    name: str

    def apply(self, scenario: Scenario) -> tuple[Scenario, _Rename]:
        return dataclasses.replace(scenario, name=self.name), _Rename(scenario.name or "")

    @property
    def areas(self) -> frozenset[str]:
        return frozenset({"settings"})

    @property
    def label(self) -> str:
        return "Rename"


def test_an_unknown_kind_of_edit_raises_and_saves_nothing(backend: Backend,
                                                          rich: Scenario) -> None:
    store = backend.open()
    services.create_plan(store, "p", rich)
    doc = services.open_plan(store, "p")
    with pytest.raises(TypeError, match="_Rename"):
        services.apply_edit(doc, _Rename("renamed"))  # type: ignore[arg-type]
    assert_same(services.open_plan(backend.open(user="bob"), "p").scenario, rich)
