"""Measurement scripts behind choices documented in indexer/README.md (not used by a run)."""
