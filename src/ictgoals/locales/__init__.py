"""The message catalogues, one module per language besides English; `ictgoals.i18n` imports the one in use."""
