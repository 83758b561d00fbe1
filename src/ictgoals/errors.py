"""The exceptions ictgoals raises on purpose; the CLI maps each to an exit code."""

from __future__ import annotations


class IctgoalsError(Exception):
    """Base of every error meant for the user: the message is the whole explanation."""

    exit_code = 2


class DataError(IctgoalsError):
    """A data file is missing, unreadable or breaks a rule of the data format."""

    def __init__(self, where: object, problem: str, fix: str = "") -> None:
        self.where = str(where)
        self.problem = problem
        self.fix = fix
        text = f"{self.where}: {problem}"
        super().__init__(f"{text} {fix}".rstrip() if fix else text)


class UsageError(IctgoalsError):
    """The command line asks for something that cannot be done with this data."""


class WriteError(IctgoalsError):
    """A data file could not be written; the original is left as it was."""
