"""Parsers turn a file's source into a ``Document`` whose ``text`` holds only
what should be linted, with every position mapped back to the source. They
are registered through the ``lintnews_parsers`` hook and chosen by file
extension (or ``--stdin-filename``)."""
from __future__ import annotations

from typing import ClassVar

from ..document import Document


class Parser:
    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    #: How a suppression comment is written in this format (``{}`` is the
    #: directive, e.g. ``lintnews-disable-next-line typos``). Editors use it
    #: to offer "disable for this line" actions.
    comment: ClassVar[str] = "# {}"

    def parse(self, source: str, path: str | None) -> Document:
        raise NotImplementedError
