"""The project's one Solr client: pool, timeouts, failover, timing logs, errors, retries.

Every part of Stadtsuche that talks to Solr (web app, admin area, indexer, rebuild, quality,
bench, test helpers) does it through :class:`SolrClient`, wrapped in a thin role-named
repository that exposes only the calls that part needs.
"""

from solrclient.client import SolrClient
from solrclient.errors import (SolrConflict, SolrError, SolrNotFound, SolrRejected,
                               SolrUnavailable)
from solrclient.policy import RetryPolicy, Timeouts

__all__ = ["SolrClient", "SolrError", "SolrUnavailable", "SolrRejected", "SolrConflict",
           "SolrNotFound", "RetryPolicy", "Timeouts"]
