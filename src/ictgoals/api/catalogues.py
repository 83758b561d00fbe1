"""The catalogues: every indicator with its counts, and every region."""

from __future__ import annotations

from ictgoals.analysis.catalogue import Catalogue, Regions, indicator_catalogue, region_catalogue
from ictgoals.model import Dataset


def indicators(dataset: Dataset) -> Catalogue:
    """The indicator catalogue, with how many targets and figures each indicator has."""
    return indicator_catalogue(dataset)


def regions() -> Regions:
    """The region catalogue: the nation, the 34 provinces from 1 July 2025 and the 63 before."""
    return region_catalogue()
