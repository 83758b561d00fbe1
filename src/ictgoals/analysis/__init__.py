"""Pure analysis of a loaded `Dataset`: status and progress, diffs, data checks and one indicator's view."""
