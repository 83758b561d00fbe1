"""Everything a person or a program reads: a renderer per format, the report, extract's review; Rich lives only here."""
