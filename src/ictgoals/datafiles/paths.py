"""Choosing the two data files for a run: an option, else an environment variable, else ./NAME, else bundled."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ictgoals import __version__
from ictgoals.i18n import pt, tr

TARGETS_FILE, ACTUALS_FILE = "targets.toml", "actuals.toml"
ENV_TARGETS, ENV_ACTUALS = "ICTGOALS_TARGETS", "ICTGOALS_ACTUALS"
BUNDLED = "bundled"

_PACKAGE = Path(os.path.realpath(__file__)).parents[1]


@dataclass(frozen=True, eq=False, repr=False)  # no repr: defining one costs start-up
class DataPath:
    """A data file chosen for this run, and what chose it."""

    path: Path
    origin: str

    def __str__(self) -> str:
        return str(self.path)

    def describe(self) -> str:
        """The path as the table's last line shows it: with what chose it, unless an option did."""
        if self.origin == "option":
            return str(self.path)
        if self.is_bundled:  # its folder is the machine's business, not the reader's
            return tr("the dataset that comes with ictgoals, version {version}", version=__version__)
        if self.origin == "current directory":
            return f"{self.path} ({pt('data origin', 'current directory')})"
        return f"{self.path} ({self.origin})"  # the name of an environment variable

    @property
    def is_bundled(self) -> bool:
        """Whether this is the copy shipped with ictgoals, which an upgrade replaces."""
        # realpath, not Path.resolve: it never raises, even on a symlink loop.
        return self.origin == BUNDLED or _PACKAGE in Path(os.path.realpath(self.path)).parents


class DataFiles:
    """The targets file and the actuals file of one run (a plain class: it is built on every start-up)."""

    __slots__ = ("actuals", "targets")

    def __init__(self, targets: DataPath, actuals: DataPath) -> None:
        self.targets = targets
        self.actuals = actuals


def bundled_path(name: str) -> Path:
    """The copy of a data file shipped inside the package (or, in a checkout, at its top)."""
    packaged = _PACKAGE / "data" / name
    if packaged.is_file():
        return packaged
    return _PACKAGE.parents[1] / name


def resolve(
    option: Path | None, env_var: str, name: str, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> DataPath:
    """Pick a data file: the option, else the environment variable, else ./NAME, else bundled."""
    environ = os.environ if environ is None else environ
    if option is not None:
        return DataPath(option, "option")
    if environ.get(env_var):
        return DataPath(Path(environ[env_var]), env_var)
    local = (cwd or Path.cwd()) / name
    if local.is_file():
        return DataPath(Path(name) if cwd is None else local, "current directory")
    return DataPath(bundled_path(name), BUNDLED)


def choose(
    targets: Path | None = None, actuals: Path | None = None, environ: Mapping[str, str] | None = None
) -> DataFiles:
    """Both data files, each chosen by `resolve`."""
    return DataFiles(
        resolve(targets, ENV_TARGETS, TARGETS_FILE, environ), resolve(actuals, ENV_ACTUALS, ACTUALS_FILE, environ)
    )
