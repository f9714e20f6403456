"""Errors the user must fix. Each reads as one line naming the file (and line)."""


class LintError(Exception):
    """A problem the user must fix (bad option, unreadable file): exit 2."""


class ConfigError(LintError):
    """A configuration file that cannot be used: ``FILE:LINE: message``."""
