"""Regenerate the window's translations: ``procure_zh_CN.ts`` from the sources, then ``.qm``.

Usage (from the repository root)::

    .venv/bin/python resources/i18n/update_translations.py          # lupdate + lrelease
    .venv/bin/python resources/i18n/update_translations.py --check  # fail if .ts is out of date

``pyside6-lupdate`` collects every ``_tr("...")`` (an alias of ``tr``, filed under the
empty context, see ``ui/i18n.py``), every ``QCoreApplication.translate("Ctx", "...")``
and every ``QT_TRANSLATE_NOOP`` from ``ui/``, keeping the translations already in the
``.ts``; new texts appear as unfinished, to be translated in Qt Linguist
(``pyside6-linguist resources/i18n/procure_zh_CN.ts``). ``pyside6-lrelease`` then
compiles the ``.qm`` the application loads. Both files are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), "-tr-function-alias", "tr+=_tr", "-no-obsolete",
                    "-locations", "none", *sources(), "-ts", str(ts)], cwd=REPO, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=REPO, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report whether the .ts files miss texts from the sources")
    args = parser.parse_args(argv)
    stale = []
    for language in LANGUAGES:
        ts = HERE / f"procure_{language}.ts"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                lupdate(copy)
                if copy.read_text(encoding="utf-8") != ts.read_text(encoding="utf-8"):
                    stale.append(ts.name)
            continue
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
    if stale:
        print("out of date:", ", ".join(stale), "- run update_translations.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
