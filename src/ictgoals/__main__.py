"""The entry point of the `ictgoals` console script and of `python -m ictgoals`: it switches the cyclic
garbage collector off, then imports and runs the command line."""

import gc


def main() -> None:
    """Run the command line with the cyclic collector off from the first import on.

    A run lives for a fraction of a second and builds up to a few hundred thousand objects (the
    modules and their classes, the parsed TOML, then the dataset) that form no reference cycles;
    the collector would only walk them over and over. Reference counting still frees everything
    as usual. Off before the command line is imported, it also skips the collections that imports
    trigger (bench/README.md, "Start-up"); off for the run itself, 7% of a cold status at 100,000
    figures. The collector stays off until the process exits.
    """
    gc.disable()
    from ictgoals.cli import main as command_line  # the seam: nothing of ours is imported before this line

    command_line()


if __name__ == "__main__":
    main()
