"""Render the application icon (``resources/icons/procure.svg``) for the installers.

Writes into ``installer/build/icons`` (or the folder given): ``procure-SIZE.png``
for the freedesktop hicolor sizes, ``procure.ico`` (Windows) and ``procure.icns``
(macOS). Runs with Qt's offscreen platform, so it needs no display::

    .venv/bin/python installer/make_icons.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "procure.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def render(size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    out = Path(argv[0]) if argv else HERE / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        target = out / f"procure-{size}.png"
        if not render(size).save(str(target), "PNG"):
            raise SystemExit(f"make_icons: could not write {target}")
    for name, fmt in (("procure.ico", "ICO"), ("procure.icns", "ICNS")):
        if not render(256).save(str(out / name), fmt):
            sys.stderr.write(f"make_icons: Qt cannot write {fmt} here; {name} skipped\n")
    sys.stdout.write(f"make_icons: icons in {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
