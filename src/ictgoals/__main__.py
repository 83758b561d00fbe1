"""The entry point of the `ictgoals` console script and of `python -m ictgoals`: it switches the cyclic
garbage collector off, then imports and runs the command line."""

import gc


def main() -> None:
    """Run the command line with the cyclic collector off from the first import on.

    A run lives for a fraction of a second and builds up to a few hundred thousand objects (the
    modules and their classes, the parsed TOML, then the dataset) that form no reference cycles;
    the collector would only walk them over and over. Reference counting still frees everything
    as usual. Off before the command line is imported, it also skips the collections that imports
    trigger (bench/README.md, "Start-up"); off for the run itself, 11% of a cold status at
    100,000 figures (bench/gc_gain.py). The collector stays off until the process exits, and the
    exit skips its collections.
    """
    gc.disable()
    from ictgoals.cli import main as command_line  # the seam: of ours, only ictgoals/__init__.py comes before

    try:
        command_line()
    finally:
        # As the interpreter exits it still runs full collections, disabled or not, over every
        # object the run made: about 10 ms of a warm `status`, to free memory the process is about
        # to give back. Frozen objects are left out of them; the exit is otherwise as it was
        # (streams flushed, atexit run, modules torn down), except that an object left unreachable
        # in a reference cycle is not finalized, which nothing here relies on: files, locks and
        # temporary files are closed and removed explicitly.
        gc.freeze()


if __name__ == "__main__":
    main()
