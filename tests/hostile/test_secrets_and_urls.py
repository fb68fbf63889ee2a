"""#16 items 6 and 11: team URLs refused with a clear message, and no password ever shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from procure import services
from procure.errors import StorageError
from procure.logs import log_file
from procure.redact import mask_secrets

SECRET = "ssS3cretPW"


@pytest.mark.parametrize(("url", "message"), [
    ("postgresql+psycopg://li:pw@db.example:abc/plans", "the port must be a number"),
    ("postgresql+psycopg://li:pw@[::1/plans", "closing ']'"),
    ("postgresql+psycopg2://li:pw@db.example/plans", "'postgresql+psycopg2' is another driver"),
    ("postgresql+asyncpg://li:pw@db.example/plans", "'postgresql+asyncpg' is another driver"),
    ("mysql://li:pw@db.example/plans", "is not PostgreSQL"),
    (f"postgresql+psycopg://postgres:ssS3@{SECRET}@127.0.0.1/plans", "unescaped"),
])
def test_bad_team_urls_are_refused_in_one_line(run, url: str, message: str) -> None:
    code, _, err = run("plans", url)
    assert code == 2, err
    assert message in err.replace("holds an @ or / that must be written", "unescaped")
    assert "internal error" not in err and err.count("\n") == 1
    assert ":pw@" not in err and SECRET not in err and "ssS3" not in err


def test_unreachable_server_message_masks_the_password(run) -> None:
    code, _, err = run("plans", f"postgresql+psycopg://li:{SECRET}@127.0.0.1:1/plans")
    assert code == 2 and "Cannot connect to" in err
    assert SECRET not in err and "li:***@127.0.0.1:1" in err


def test_service_api_masks_too() -> None:
    with pytest.raises(StorageError) as info:
        services.open_store(f"postgresql+psycopg://li:{SECRET}@[::1/plans")
    assert SECRET not in info.value.message


def test_internal_error_log_has_no_password(tmp_path: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("PROCURE_LOG_DIR", str(tmp_path / "logs"))
    url = f"postgresql+psycopg://li:{SECRET}@127.0.0.1/plans"

    def broken(location: str) -> None:
        raise RuntimeError(f"bug while opening {location}")

    monkeypatch.setattr(services, "open_for_reading", broken)
    monkeypatch.setattr("sys.argv", ["procure", "plans", url])
    code, _, err = run("plans", url)
    assert code == 70 and SECRET not in err
    text = log_file().read_text(encoding="utf-8")
    assert "bug while opening postgresql+psycopg://li:***@127.0.0.1/plans" in text
    assert "Traceback" in text and SECRET not in text


@pytest.mark.parametrize(("text", "masked"), [
    ("a postgresql://u:p/w@h/db b", "a postgresql://u:***@h/db b"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("no url here: user:pw@host", "no url here: user:pw@host"),
])
def test_mask_secrets(text: str, masked: str) -> None:
    assert mask_secrets(text) == masked
