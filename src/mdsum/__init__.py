"""mdsum: merge several news articles about one event into one faithful summary."""

__version__ = "0.1.0"
