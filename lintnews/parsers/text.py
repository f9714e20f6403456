"""Plain text: everything is linted."""
from ..document import Document
from ..hookspecs import hookimpl
from . import Parser


class TextParser(Parser):
    name = "text"
    extensions = (".txt", ".text", "")

    def parse(self, source, path):
        return Document(source, path, format=self.name)


@hookimpl
def lintnews_parsers():
    return [TextParser]
