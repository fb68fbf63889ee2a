"""A typo'd field name is named with the field that was meant."""

from __future__ import annotations

import pytest
from factories import two_vendor_data

from procure.errors import ValidationError
from procure.formats.scenario_json import scenario_from_data


def _problems(data) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        scenario_from_data(data)
    return {p.location: p.message for p in caught.value.problems}


def test_prcie_suggests_price():
    data = two_vendor_data()
    data["chips"][0]["prcie"] = data["chips"][0].pop("price")
    assert "did you mean 'price'?" in _problems(data)["chips[0].prcie"]


def test_a_name_close_to_nothing_gets_no_guess():
    data = two_vendor_data()
    data["chips"][0]["colour"] = "red"
    message = _problems(data)["chips[0].colour"]
    assert message.startswith("unknown field") and "did you mean" not in message
