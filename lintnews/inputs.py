"""Reading the files to lint: their bytes, the text in them, and a one-line
note for each odd one.

What lintnews makes of a file's bytes:

* **UTF-8**, with or without a BOM, and **UTF-16 or UTF-32 with a BOM**
  (what Windows calls "Unicode"): the text.
* **Not valid UTF-8** (an old archive's Latin-1 or Windows-1252): each byte
  that is not part of valid UTF-8 is read as **Windows-1252**, the superset of
  Latin-1 those files were written in, as browsers read them (its five unused
  bytes become the Latin-1 control characters). A warning names the file and
  the first such byte. One byte stays one character, so lines, columns and
  offsets are the file's. ``--fix`` writes such a file back in Windows-1252
  (and leaves it alone if a fix has no Windows-1252 form); a file that mixes
  valid UTF-8 with other bytes is linted but not fixed.
* **Binary** (in its first 8 KB a NUL byte, with control characters making
  up more than 1% and at least 8 of its bytes): passed over with a note. A
  stray NUL in text is no reason to skip an article: such a file is linted,
  with a warning, the NUL kept as U+0000 so that offsets stay right.
* **Empty** (or only white space): a note.
* **Larger than the size limit** (10 MB unless ``--max-file-size`` says
  otherwise; linting takes about 1.5 s and 40 MB of memory per MB): passed
  over with a note, unread.
* **A line of over a million characters**: a note; linted.

None of these is an error (exit status 2 is for what the user must fix: an
unreadable file, a bad option or pack); every note goes to stderr as one
line ``lintnews: FILE: ...``.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

from .errors import LintError, note

MAX_FILE_BYTES = 10_000_000
SNIFF_BYTES = 8192
LONG_LINE = 1_000_000
WINDOWS_1252 = "windows-1252"

# Control bytes that do not occur in text (tab, line feed, vertical tab,
# form feed, carriage return and escape do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")


def _windows_1252_table() -> str:
    """Windows-1252 as the WHATWG Encoding Standard (and so every browser)
    decodes it: the five bytes it leaves undefined map to U+0081 etc."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


_DECODE_1252 = _windows_1252_table()
_ENCODE_1252 = codecs.charmap_build(_DECODE_1252)


def _bytes_as_1252(exc: UnicodeDecodeError):
    """Decoding error handler: bytes that are not UTF-8 read as Windows-1252."""
    return "".join(_DECODE_1252[b] for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error("lintnews-windows-1252", _bytes_as_1252)


class Skipped(Exception):
    """A file passed over; ``str()`` says which and why (a note, not an error)."""


@dataclass
class Input:
    """A file's text and how to write it back."""
    name: str
    data: bytes
    text: str
    #: The codec the file was read with (its BOM apart); None if it mixes
    #: encodings and cannot be written back as read.
    encoding: str | None = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """``text`` as this file's bytes: same encoding, same BOM. Raises
        ``UnicodeError`` if the file cannot hold it (see ``encoding``)."""
        if self.encoding is None:
            raise UnicodeError("it mixes UTF-8 with another encoding; convert it to UTF-8 first")
        try:
            if self.encoding == WINDOWS_1252:
                return self.bom + codecs.charmap_encode(text, "strict", _ENCODE_1252)[0]
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise UnicodeError(f"{exc.object[exc.start]!r} has no place in its encoding, "
                               f"{self.encoding}") from None


def decode(data: bytes, name: str) -> Input:
    """The text of a file's bytes. Anything odd about it is noted (an
    ``InputWarning``); raises ``Skipped`` for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8":
                break
            try:
                return _checked(Input(name, data, data[len(bom):].decode(codec), codec, bom))
            except UnicodeDecodeError as exc:
                raise Skipped(f"{name}: passed over: it starts like {codec.upper()[:6]} text but is not "
                              f"(byte {exc.start + len(bom)})") from None
    _refuse_binary(data, name)
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    body = data[len(bom):]
    try:
        got = Input(name, data, body.decode("utf-8"), bom=bom)
    except UnicodeDecodeError as exc:
        got = _fallback(name, data, bom, exc.start)
    return _checked(got)


def _refuse_binary(data: bytes, name: str) -> None:
    sample = data[:SNIFF_BYTES]
    if b"\0" not in sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls >= 8 and controls * 100 > len(sample):
        raise Skipped(f"{name}: passed over: binary data, not text (NUL bytes)")


def _fallback(name: str, data: bytes, bom: bytes, error: int) -> Input:
    """Read bytes that are not UTF-8 as Windows-1252 (``error``: the first
    of them, counted after the BOM)."""
    body = data[len(bom):]
    text = body.decode("utf-8", "lintnews-windows-1252")
    single_byte = text == codecs.charmap_decode(body, "strict", _DECODE_1252)[0]
    where = f"byte 0x{body[error]:02X} at {_line_col(body, error)}"
    if single_byte:
        note(f"{name}: warning: not valid UTF-8 ({where}); read as Windows-1252 (Latin-1)")
    else:
        note(f"{name}: warning: mixes UTF-8 with other bytes ({where}); those read as "
             f"Windows-1252 (Latin-1); the file will not be fixed")
    return Input(name, data, text, WINDOWS_1252 if single_byte else None, bom)


def _line_col(body: bytes, offset: int) -> str:
    """``line L, column C`` of a byte offset, counted as ``Document`` does."""
    starts = [m.end() for m in _LINE_BREAK_BYTES.finditer(body, 0, offset)]
    line_start = starts[-1] if starts else 0
    column = len(body[line_start:offset].decode("utf-8", "lintnews-windows-1252")) + 1
    return f"line {len(starts) + 1}, column {column}"


def _checked(got: Input) -> Input:
    """Note what is odd about lintable text."""
    text, name = got.text, got.name
    if not text.strip():
        note(f"{name}: note: {'empty' if not text else 'only white space'}; nothing to lint")
        return got
    nuls = text.count("\0")
    if nuls:
        first = text.index("\0")
        note(f"{name}: warning: {nuls} NUL character{'s' * (nuls > 1)} "
             f"(the first at offset {first}); linted as text")
    if len(text) > LONG_LINE:
        line, length = _longest_line(text)
        if length > LONG_LINE:
            note(f"{name}: note: line {line} is {length:,} characters long; linted")
    return got


def _longest_line(text: str) -> tuple[int, int]:
    """1-based number and length of the longest line."""
    best = best_line = 0
    line, start = 1, 0
    for m in _LINE_BREAK.finditer(text):
        if m.start() - start > best:
            best, best_line = m.start() - start, line
        line, start = line + 1, m.end()
    if len(text) - start > best:
        best, best_line = len(text) - start, line
    return best_line, best


def read(path: str, *, max_bytes: int | None = MAX_FILE_BYTES) -> Input:
    """Read and decode a file (``-``: stdin). Raises ``LintError`` if it
    cannot be read, ``Skipped`` if it is passed over."""
    name = "<stdin>" if path == "-" else path
    limit = None if not max_bytes else max_bytes
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1) if limit else sys.stdin.buffer.read()
        if limit and len(data) > limit:
            raise Skipped(f"{name}: passed over: larger than the {_human(limit)} limit (--max-file-size)")
        return decode(data, name)
    try:
        on_disk = os.stat(path).st_size
        if limit and on_disk > limit:
            raise Skipped(f"{name}: passed over: {_human(on_disk)} is over the {_human(limit)} limit "
                          f"(--max-file-size)")
        with open(path, "rb") as f:  # read no more than the limit: a device may never end
            data = f.read(limit + 1) if limit else f.read()
    except IsADirectoryError:
        raise LintError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise LintError(f"{path}: no such file") from None
    except OSError as exc:
        raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if limit and len(data) > limit:
        raise Skipped(f"{name}: passed over: larger than the {_human(limit)} limit (--max-file-size)")
    return decode(data, name)


def read_or_skip(path: str, *, max_bytes: int | None = MAX_FILE_BYTES) -> Input | None:
    """``read``, or None (and a note) for a file passed over."""
    try:
        return read(path, max_bytes=max_bytes)
    except Skipped as skipped:
        note(str(skipped))
        return None


def size(value: str) -> int:
    """``--max-file-size``: bytes, or with a unit (``500KB``, ``20MB``,
    ``1GB``); 0 for no limit. For argparse: raises ``ValueError``."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", value, re.IGNORECASE)
    if not m:
        raise ValueError(value)
    return int(float(m.group(1)) * 1000 ** " kmg".index(m.group(2).lower() or " "))


def _human(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"
