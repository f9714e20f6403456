"""Plain text: everything is linted, except lines that are suppression
directives (``# lintnews-disable-next-line RULE``)."""
import re

from ..document import Comment, Document
from ..hookspecs import hookimpl
from . import Parser

# Only directive lines are comments: a line starting with "#" may be prose
# (a hashtag, a numbered point).
DIRECTIVE_LINE = re.compile(r"^[ \t]*#[ \t]*(lintnews-[a-z-]+\b[^\r\n]*)", re.MULTILINE)


class TextParser(Parser):
    name = "text"
    extensions = (".txt", ".text", "")
    comment = "# {}"

    def parse(self, source, path):
        # Most texts have no directive: a quick look for the one word saves a
        # pass of the line-anchored pattern, which re tries at every position.
        comments = ([Comment(m.start(), m.end(), m.group(1)) for m in DIRECTIVE_LINE.finditer(source)]
                    if "lintnews-" in source else [])
        text = source
        if comments:  # blank the directive lines: same length, nothing to lint there
            chars = list(source)
            for c in comments:
                chars[c.start:c.end] = " " * (c.end - c.start)
            text = "".join(chars)
        return Document(text, path, source=source, format=self.name, comments=comments)


@hookimpl
def lintnews_parsers():
    return [TextParser]
