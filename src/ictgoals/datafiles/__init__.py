"""The data files: choosing them, reading them with locations, their declared format, and the parsed-data cache."""
