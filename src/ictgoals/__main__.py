"""Lets `python -m ictgoals` run the command line."""

from ictgoals.cli import main

main()
