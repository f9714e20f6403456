"""Parsers turn a file's source into a ``Document`` whose ``text`` holds only
what should be linted. They are registered through the ``lintnews_parsers``
hook and chosen by file extension (or ``--stdin-filename``)."""
from __future__ import annotations

from typing import ClassVar

from ..document import Document


class Parser:
    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    #: How a line comment is written in this format, for suppressions.
    comment: ClassVar[str] = "# {}"

    def parse(self, source: str, path: str | None) -> Document:
        raise NotImplementedError
