"""One language layer: Chinese words live in the catalogues, money axes follow one rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from procure import phrases

CORE = Path(__file__).resolve().parents[2] / "procure"
CATALOGUES = {"phrases.py", "exports/prose_strings.py"}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _chinese_strings(path: Path) -> list[str]:
    """String constants with Chinese in them, docstrings (examples for readers) aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(
                body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
    return [f"{path.relative_to(CORE)}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and CJK.search(node.value)]


def test_chinese_text_is_only_in_the_catalogues():
    offenders = [line for path in CORE.rglob("*.py")
                 if str(path.relative_to(CORE)) not in CATALOGUES
                 for line in _chinese_strings(path)]
    assert offenders == []


def test_the_check_sees_an_offender(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text('"""文档可以。"""\nUNIT = "万元"\n', encoding="utf-8")
    assert len(_chinese_strings_in(sample)) == 1


def _chinese_strings_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = tree.body[0].value if isinstance(tree.body[0], ast.Expr) else None
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and n is not doc and CJK.search(n.value)]


@pytest.mark.parametrize(("peak", "lang", "words", "expected"), [
    (2.0e11, "en", False, (1e9, "bn CNY")),
    (3.5e7, "en", False, (1e6, "m CNY")),
    (2.0e11, "en", True, (1e9, "billion CNY")),
    (900.0, "en", False, (1.0, "CNY")),
    (2.0e11, "zh", False, (1e8, "亿元")),
    (5.0e6, "zh", True, (1e4, "万元")),
    (5.0e6, "zh", False, (1e4, "万元")),
    (50.0, "zh", False, (1.0, "元")),
])
def test_one_axis_scale_for_every_chart(peak, lang, words, expected):
    assert phrases.axis_scale(peak, "CNY", lang, words=words) == expected
    assert phrases.axis_scale(-peak, "CNY", lang, words=words) == expected
