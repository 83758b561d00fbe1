"""The exceptions ictgoals raises on purpose; the CLI maps each to an exit code."""

from __future__ import annotations


class IctgoalsError(Exception):
    """Base of every error meant for the user: the message is the whole explanation."""

    exit_code = 2


class DataError(IctgoalsError):
    """A data file is missing, unreadable or breaks a rule of the data format.

    `where` is a file path, or anything whose str() names the place (a `model.Location`, an
    imported row); `file` and `line` are set when it has them.
    """

    def __init__(self, where: object, problem: str, fix: str = "") -> None:
        self.where = str(where)
        self.file: str | None = getattr(where, "file", None) or (None if isinstance(where, str) else self.where)
        self.line: int | None = getattr(where, "line", None)
        self.problem = problem
        self.fix = fix
        text = f"{self.where}: {problem}"
        super().__init__(f"{text} {fix}".rstrip() if fix else text)


class UsageError(IctgoalsError):
    """The command line asks for something that cannot be done with this data."""


class WriteError(IctgoalsError):
    """A data file could not be written; the original is left as it was."""
