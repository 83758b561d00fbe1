"""Adding figures and targets to the data files: input rows, checked plans, and the locked atomic append."""
