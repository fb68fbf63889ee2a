"""#16 items 5 and 6: unbounded and malformed inputs are refused quickly, exit 2, by location.

Every input is generated here: devices, pipes, big and deep JSON, zip bombs.
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hostile_helpers import example_data, snapshot, write_json

from procure import services
from procure.errors import StorageError, ValidationError
from procure.formats import strict_json


def _refused(run, tmp_path: Path, *argv: object) -> str:
    before = snapshot(tmp_path)
    code, out, err = run(*argv)
    assert code == 2, err
    assert out == ""
    assert "internal error" not in err and "Traceback" not in err
    assert snapshot(tmp_path) == before
    return err


@pytest.mark.parametrize("name", ["zero.json", "zero.procure", "zero"])
def test_symlink_to_dev_zero_is_refused(tmp_path: Path, run, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    err = _refused(run, tmp_path, "validate", link)
    assert "not a regular file" in err


@pytest.mark.parametrize("name", ["pipe.json", "pipe.procure", "pipe.xlsx"])
def test_named_pipe_is_refused_without_hanging(tmp_path: Path, run, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    command = "import-xlsx" if name.endswith(".xlsx") else "validate"
    err = _refused(run, tmp_path, command, fifo)
    assert "not a regular file" in err


def test_a_file_too_large_is_refused_before_it_is_parsed(tmp_path: Path, run) -> None:
    big = tmp_path / "big.json"
    with big.open("w") as handle:
        handle.write('{"name": "')
        handle.write("a" * (strict_json.MAX_FILE_BYTES + 10))
        handle.write('"}')
    err = _refused(run, tmp_path, "validate", big)
    assert "larger than 8 MB" in err


def test_a_list_no_plan_reaches_is_refused(tmp_path: Path, run) -> None:
    data = example_data()
    data["vendors"] = [{}] * (strict_json.MAX_LIST + 1)
    path = write_json(tmp_path / "many.json", data)
    tracemalloc.start()
    err = _refused(run, tmp_path, "validate", path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "vendors: 100,001 items; at most 100,000" in err
    assert peak < 200 * 1024 * 1024


@pytest.mark.parametrize("depth", [70, 990, 5000])
def test_deep_nesting_is_refused_with_its_place(tmp_path: Path, run, depth: int) -> None:
    data = example_data()
    text = json.dumps(data)[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    path = tmp_path / "deep.json"
    path.write_text(text)
    err = _refused(run, tmp_path, "validate", path)
    assert "nested more than 64 levels deep" in err


@pytest.mark.parametrize(("where", "value", "message"), [
    ("lot_size", "4611686018427387904", "chips[0].lot_size: the integer 4.61e+18 is too large"),
    ("lead_time", "1" + "0" * 500, "integer of 501 digits is far too large"),
    ("price", "1e400", "chips[0].price: the number is too large"),
])
def test_numbers_too_large_are_refused_with_their_place(
    tmp_path: Path, run, where: str, value: str, message: str
) -> None:
    data = example_data()
    data["chips"][0][where] = "@@"
    path = tmp_path / "big-number.json"
    path.write_text(json.dumps(data).replace('"@@"', value))
    err = _refused(run, tmp_path, "validate", path)
    assert message in err


def test_service_api_refuses_the_same_inputs(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(ValidationError, match="not a regular file"):
        services.load_scenario(str(link))
    plan_link = tmp_path / "zero.procure"
    plan_link.symlink_to("/dev/zero")
    with pytest.raises(StorageError, match="not a regular file"):
        services.load_scenario(str(plan_link))


def _template(tmp_path: Path, run) -> bytes:
    book = tmp_path / "template.xlsx"
    assert run("template-xlsx", book)[0] == 0
    data = book.read_bytes()
    book.unlink()
    return data


def _with_part(original: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
        dst.writestr(name, content)
    return out.getvalue()


def test_zip_bomb_part_is_refused_in_bounded_memory(tmp_path: Path, run) -> None:
    bomb = _with_part(_template(tmp_path, run), "xl/worksheets/sheet1.xml", b" " * (20 << 20))
    assert len(bomb) < 200_000
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)
    tracemalloc.start()
    err = _refused(run, tmp_path, "import-xlsx", path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "times its packed size (a zip bomb)" in err
    assert peak < 64 * 1024 * 1024


ENTITIES = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>
"""


@pytest.mark.parametrize("content", [ENTITIES, EXTERNAL], ids=["expansion", "external"])
def test_entities_are_refused(tmp_path: Path, run, content: bytes) -> None:
    path = tmp_path / "entities.xlsx"
    path.write_bytes(_with_part(_template(tmp_path, run), "xl/sharedStrings.xml", content))
    err = _refused(run, tmp_path, "import-xlsx", path)
    assert "declares a document type" in err


@pytest.mark.parametrize("content", [
    b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData>",
    b"<worksheet\x01>",
], ids=["truncated", "control-character"])
def test_damaged_sheet_xml_is_refused(tmp_path: Path, run, content: bytes) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(_with_part(_template(tmp_path, run), "xl/worksheets/sheet1.xml", content))
    err = _refused(run, tmp_path, "import-xlsx", path)
    assert "cannot read the workbook" in err
