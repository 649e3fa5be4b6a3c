"""Draw the app icon: a blue rounded square bearing a white 督, in the bundled CJK font.

    python build/make_icon.py

Writes ``resources/icons/app.png`` (256×256, the window icon) and ``resources/icons/app.ico``
(16–256 px, the Windows executable and installer icon). Each size is drawn on its own rather
than scaled down, so small sizes stay crisp.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
)

ROOT = Path(__file__).resolve().parents[1]
PNG_SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
GLYPH = "督"
TOP_BLUE = QColor("#3478c9")
BOTTOM_BLUE = QColor("#1f5fae")


def cjk_family(font_file: Path) -> str:
    """Register the bundled font and return its family name."""
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise SystemExit(f"cannot load the font {font_file}")
    return families[0]


def draw_icon(size: int, family: str) -> QImage:
    """The icon drawn at ``size``×``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    margin = 0.0 if size <= 16 else size / 32
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(square.topLeft(), square.bottomLeft())
    gradient.setColorAt(0.0, TOP_BLUE)
    gradient.setColorAt(1.0, BOTTOM_BLUE)
    radius = square.width() * 0.22
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(square, radius, radius)

    font = QFont(family)
    font.setPixelSize(max(1, round(square.height() * 0.72)))
    glyph = QPainterPath()
    glyph.addText(QPointF(0, 0), font, GLYPH)
    bounds = glyph.boundingRect()
    glyph.translate(square.center() - bounds.center())
    painter.setBrush(QColor("white"))
    painter.drawPath(glyph)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """The image as an ICO bitmap entry: a BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, and an
    all-zero AND mask (transparency comes from the alpha channel)."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    pixels = bytes(argb.constBits())
    row = size * 4
    xor = b"".join(pixels[y * row : (y + 1) * row] for y in reversed(range(size)))
    mask = bytes(((size + 31) // 32) * 4 * size)
    header = struct.pack(
        "<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(xor) + len(mask), 0, 0, 0, 0
    )
    return header + xor + mask


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file holding ``images`` (square): bitmaps below 256 px for older readers such as
    resource compilers, PNG at 256 px as Windows expects."""
    entries = [png_bytes(img) if img.width() >= 256 else dib_bytes(img) for img in images]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory = b""
    for image, data in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 stands for 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(entries)


def make_icons() -> list[Path]:
    """Draw the icon and write the PNG and ICO files; returns their paths."""
    sys.path.insert(0, str(ROOT))
    from resources import APP_ICON_ICO, APP_ICON_PNG, CJK_FONT_FILE

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    family = cjk_family(CJK_FONT_FILE)
    APP_ICON_PNG.parent.mkdir(parents=True, exist_ok=True)
    APP_ICON_PNG.write_bytes(png_bytes(draw_icon(PNG_SIZE, family)))
    APP_ICON_ICO.write_bytes(ico_bytes([draw_icon(size, family) for size in ICO_SIZES]))
    return [APP_ICON_PNG, APP_ICON_ICO]


if __name__ == "__main__":
    for path in make_icons():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
