"""Passwords never leave Procure: one function masks them in every message and log line.

A team server URL may carry a password (``postgresql+psycopg://li:PW@host/db``), and
a password may itself hold an unescaped ``@`` or ``/``, which URL parsers then read
as part of the host. So the mask does not parse: in each ``scheme://`` word it
replaces everything between the first ``:`` of the user part and the *last* ``@``
of the word. Masking too much is harmless; showing a password is not. Better still
is no password in the URL at all: ``~/.pgpass`` (see docs/limits.md).
"""

from __future__ import annotations

import re

_URL_WORD = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<rest>[^\s'\"<>()]+)")
MASK = "***"


def _mask_word(match: re.Match[str]) -> str:
    rest = match["rest"]
    userinfo, at, host = rest.rpartition("@")
    if not at or ":" not in userinfo:
        return match.group(0)
    user = userinfo.split(":", 1)[0]
    return f"{match['scheme']}{user}:{MASK}@{host}"


def mask_secrets(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***``."""
    if "://" not in text:
        return text
    return _URL_WORD.sub(_mask_word, text)
