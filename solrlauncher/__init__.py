"""Start genuine Apache Solr from Maven Central artifacts (no Docker needed)."""

from solrlauncher.server import CloudSolr, SolrLaunchError, StandaloneSolr

__all__ = ["CloudSolr", "SolrLaunchError", "StandaloneSolr"]
