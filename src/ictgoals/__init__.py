"""ictgoals: track Vietnam's digital-transformation targets against the reported figures."""

__version__ = "0.1.0"
