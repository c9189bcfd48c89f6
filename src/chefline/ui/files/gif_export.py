"""A replay as an animated GIF: frames grabbed from the window as the replay moves.

Qt reads GIFs but cannot write them, and an imaging library would cost the frozen app more
than this: Qt maps each frame onto a fixed palette (in C++), and the LZW packing, the one
part GIF needs beyond that, is written out here.
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from chefline.ui.files.replay_player import ReplayPlayer
from chefline.ui.off_thread import off_gui_thread

GIF_WIDTH = 960
"""Half of 1080p: sharp enough for a slide, small enough to mail."""
MAX_FRAMES = 60
MIN_DELAY_CS = 5
"""Browsers slow down frames shorter than about 2 cs; 5 cs (20 frames/s) is smooth."""


def palette() -> list[int]:
    """256 colours: a 6×7×6 cube of RGB and four greys (what the charts are drawn with)."""
    colours = [
        QColor(r * 51, g * 255 // 6, b * 51).rgb() for r in range(6) for g in range(7)
        for b in range(6)
    ]  # fmt: skip
    colours += [QColor(v, v, v).rgb() for v in (64, 128, 192, 230)]
    return colours


def lzw(indices: bytes, min_code_size: int = 8) -> bytes:
    """GIF's variable-length LZW of ``indices`` (one byte per pixel)."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    out = bytearray()
    bits = count = 0
    size = min_code_size + 1

    def emit(code: int) -> None:
        nonlocal bits, count
        bits |= code << count
        count += size
        while count >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            count -= 8

    table: dict[int, int] = {}
    next_code = end + 1
    emit(clear)
    prefix = indices[0]
    for byte in indices[1:]:
        key = prefix << 8 | byte
        code = table.get(key)
        if code is not None:
            prefix = code
            continue
        emit(prefix)
        if next_code < 4096:
            table[key] = next_code
            next_code += 1
            if next_code > 1 << size and size < 12:
                size += 1
        else:  # the table is full: start again, as the decoder will
            emit(clear)
            table.clear()
            next_code, size = end + 1, min_code_size + 1
        prefix = byte
    emit(prefix)
    emit(end)
    if count:
        out.append(bits & 0xFF)
    return bytes(out)


def gif_bytes(frames: Sequence[bytes], width: int, height: int, colours: Sequence[int],
              delay_cs: int) -> bytes:  # fmt: skip
    """An endlessly looping GIF89a of ``frames`` (palette indices, row by row)."""
    table = b"".join(struct.pack("BBB", (c >> 16) & 255, (c >> 8) & 255, c & 255)
                     for c in colours)  # fmt: skip
    out = bytearray(b"GIF89a")
    out += struct.pack("<HHBBB", width, height, 0xF7, 0, 0) + table
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop for ever
    for frame in frames:
        out += struct.pack("<BBBBHBB", 0x21, 0xF9, 4, 0, delay_cs, 0, 0)
        out += struct.pack("<BHHHHB", 0x2C, 0, 0, width, height, 0) + b"\x08"
        data = lzw(frame)
        for start in range(0, len(data), 255):
            chunk = data[start : start + 255]
            out += bytes([len(chunk)]) + chunk
        out += b"\x00"
    out += b"\x3b"
    return bytes(out)


def indexed(image: QImage, colours: list[int], width: int) -> tuple[bytes, int]:
    """The frame scaled to ``width`` and mapped onto ``colours``: its bytes and height."""
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    frame = scaled.convertToFormat(QImage.Format.Format_Indexed8, colours,
                                   Qt.ImageConversionFlag.ThresholdDither)  # fmt: skip
    # PySide6's stubs say object; a scan line is a memoryview.
    lines = (cast(memoryview, frame.constScanLine(y)) for y in range(frame.height()))
    rows = [bytes(line)[:width] for line in lines]
    return b"".join(rows), frame.height()


async def export_replay_gif(
    player: ReplayPlayer,
    view: QWidget,
    path: Path,
    frames: int = MAX_FRAMES,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Step the replay from start to end, grab ``view`` at each step, write the GIF.

    Frames are grabbed on the GUI thread with the loop turning between them; the packing,
    the slow part, runs in a thread of its own, so the window stays alive throughout.
    """
    if not player.active:
        raise RuntimeError("start a replay first")
    player.pause()
    colours = palette()
    count = max(2, min(frames, MAX_FRAMES))
    pictures: list[bytes] = []
    height = 0
    for step in range(count):
        player.seek(player.duration * step / (count - 1))
        view.repaint()
        picture, height = indexed(view.grab().toImage(), colours, GIF_WIDTH)
        pictures.append(picture)
        if progress is not None:
            progress(step + 1, count)
        await asyncio.sleep(0)
    delay = max(MIN_DELAY_CS, round(100 * player.duration / (count - 1)))
    data = await off_gui_thread(lambda: gif_bytes(pictures, GIF_WIDTH, height, colours, delay))
    path.write_bytes(data)
    return path
