"""A write loop killed with SIGKILL loses nothing it reported as saved, and the file stays sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from procure import services
from procure.domain.model import Scenario

WRITER = textwrap.dedent("""
    import sys
    from procure import services
    from procure.domain.edits import AddRows, SetField
    from procure.domain.model import FleetEntry

    doc = services.open_plan(services.open_store(sys.argv[1], user="crash-test"))
    i = 0
    while True:
        i += 1
        row = FleetEntry(chip="h20", units=float(i), x={"edit": i})
        services.apply_edit(doc, AddRows("fleet", ((len(doc.scenario.fleet), row),)))
        services.apply_edit(doc, SetField(("chips", "h20", "price", "2027Q1"), float(i)))
        print(i, flush=True)  # only now is edit i shown as done
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("after", [25, 60])
def test_sigkill_loses_no_committed_edit(tmp_path: Path, rich: Scenario, after: int) -> None:
    path = tmp_path / "plan.procure"
    start_fleet = len(rich.fleet)
    services.create_plan_file(path, rich).store.close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                              text=True, cwd=Path(__file__).parents[2])
    assert writer.stdout is not None
    reported = 0
    deadline = time.monotonic() + 60
    while reported < after and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        reported = int(line)
    os.kill(writer.pid, signal.SIGKILL)
    rest = writer.stdout.read()  # lines printed before the kill landed
    writer.wait(timeout=30)
    reported = max([reported, *(int(n) for n in rest.split())])
    assert writer.returncode == -signal.SIGKILL
    assert reported >= after, "the writer did not get going"

    con = sqlite3.connect(path)  # replays the WAL the killed writer left behind
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    con.close()

    store = services.open_store(path)  # the dead writer's lock does not block us
    assert not store.read_only
    scenario = services.open_plan(store).scenario
    added = [f.units for f in scenario.fleet[start_fleet:]]
    price = scenario.chips[0].price[0]
    store.close()
    # Every reported edit is there, in order; at most the one in flight beyond it.
    assert added[:reported] == [float(i) for i in range(1, reported + 1)]
    assert len(added) in (reported, reported + 1)
    assert price in (float(reported), float(reported + 1))
    assert price <= len(added)
