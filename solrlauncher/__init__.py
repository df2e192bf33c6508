"""Start genuine Apache Solr from Maven Central artifacts (no Docker needed)."""

from solrlauncher.cloud import CloudSolr
from solrlauncher.server import SolrLaunchError, StandaloneSolr

__all__ = ["CloudSolr", "SolrLaunchError", "StandaloneSolr"]
