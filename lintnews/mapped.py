"""Cache files read in place: a small marshalled header, then raw sections
(flat arrays, text), memory-mapped.

Unmarshalling a cache of several megabytes copies all of it, once or twice
(then ``array.frombytes``), on every cold start, although an article touches
a few hundred of its entries. A mapped file copies nothing: sections are
``memoryview`` casts over the mapping, and only the pages read come in.

Layout: ``MAGIC``, the header's length (8 bytes, little-endian), the header
(``marshal`` of ``(meta, [(typecode, offset, length), ...])``), padding to 8
bytes, then the sections, each 8-byte aligned, offsets counted from there.
"""
from __future__ import annotations

import marshal
import mmap

MAGIC = b"LNMAP\x001\x00"
_ITEMSIZE = {"B": 1, "i": 4, "f": 4, "l": memoryview(b"\0" * 8).cast("l").itemsize, "q": 8}


def dumps(meta, sections: list[tuple[str, bytes]]) -> bytes:
    """The file's bytes: ``meta`` (any marshallable value) and ``sections``,
    each ``(typecode, raw bytes)`` (``array.tobytes()``, or code ``B`` for
    bytes)."""
    layout, parts, pos = [], [], 0
    for code, data in sections:
        layout.append((code, pos, len(data)))
        parts.append(data + b"\0" * (-len(data) % 8))
        pos += len(parts[-1])
    header = marshal.dumps((meta, layout))
    head = MAGIC + len(header).to_bytes(8, "little") + header
    return head + b"\0" * (-len(head) % 8) + b"".join(parts)


class Mapped:
    """A file made by ``dumps``: ``meta``, and each section as a typed
    ``memoryview`` (``view``) or, for text, as bytes slices (``slice``).
    Raises ``ValueError`` for a file that is not one (stale, truncated)."""

    def __init__(self, buffer):
        self.buffer = buffer  # an mmap or bytes, kept as long as the views
        if buffer[:len(MAGIC)] != MAGIC:
            raise ValueError("not a mapped cache file")
        size = int.from_bytes(buffer[len(MAGIC):len(MAGIC) + 8], "little")
        start = len(MAGIC) + 8
        self.meta, layout = marshal.loads(buffer[start:start + size])
        base = start + size + (-(start + size) % 8)
        self._spans = []
        for code, offset, length in layout:
            if code not in _ITEMSIZE or length % _ITEMSIZE[code] or base + offset + length > len(buffer):
                raise ValueError("truncated or damaged mapped cache file")
            self._spans.append((code, base + offset, base + offset + length))

    @classmethod
    def open(cls, path) -> "Mapped":
        with open(path, "rb") as f:
            return cls(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))  # stays mapped once closed

    def view(self, i: int) -> memoryview:
        code, start, end = self._spans[i]
        return memoryview(self.buffer)[start:end].cast(code)

    def slice(self, i: int, lo: int, hi: int) -> bytes:
        """Bytes ``lo:hi`` of section ``i`` (as bytes: comparable, hashable)."""
        start = self._spans[i][1]
        return self.buffer[start + lo:start + hi]

    def section_bytes(self, i: int) -> bytes:
        _, start, end = self._spans[i]
        return self.buffer[start:end]
