"""Everything that outlives a run: the SQLite store, the samples CSV format, exports and reports."""
