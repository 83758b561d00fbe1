"""Everything a person or a program reads: machine rows, and one renderer per format; Rich lives only here."""
