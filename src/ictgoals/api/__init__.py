"""The typed Python API that the command line is one client of (docs/api.md).

`import ictgoals` gives its public names (`load`, `status`, `diff`, `show`, `validate`, `report`
and the result types); the modules here hold them, by what they do:

- `files`: choosing the data files, loading them (through the cache), saving output files;
- `regions`: what a region name means;
- `catalogues`: every indicator with its counts, and every region;
- `status`: where the targets due in a year stand;
- `figures`: what changed from year to year (`diff`), and one indicator's history (`show`);
- `checks`: what `validate` finds in data that loads;
- `writing`: record, import, target and init;
- `sharing`: the data package and the report;
- `extracting`: the figures and targets of a press report, as candidates to review;
- `results`: every result type the functions return, in one place to import from.

Every function raises only `ictgoals.errors` exceptions for bad input, never `SystemExit`,
and prints nothing: presenting results, warnings and notices is the caller's job.
"""
