"""A search that does not wait for a hung node: after a short while, the next node is asked too.

A frozen node accepts the connection and never answers, so only a timeout reveals it. Rather
than waiting for the read timeout and then retrying, :func:`hedged_search` sends the same
read to the next node once the first has been silent for ``hedge_after`` seconds and takes
whichever answer comes first. That is the one retry a visitor search gets: at most two
requests, both idempotent reads, and a visitor waits about ``hedge_after`` plus one normal
answer when a node hangs. A first attempt that fails outright (5xx, broken connection) is
retried at once instead.
"""

from __future__ import annotations

import logging
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from solrclient.client import SolrClient
from solrclient.errors import SolrError, SolrRejected
from solrclient.policy import RetryPolicy
from solrclient.watch import replica_preference

log = logging.getLogger(__name__)

# Requests in flight for visitor searches across the process's threads.
_POOL = ThreadPoolExecutor(max_workers=32, thread_name_prefix="solr-search")
_SINGLE = RetryPolicy(attempts=1)


def hedged_search(client: SolrClient, path: str, form: dict[str, Any],
                  hedge_after: float) -> Any:
    """POST ``form`` to ``path`` (a search or real-time get handler); at most two requests,
    first answer wins; each waits at most ``client.timeouts.read``.

    Each request carries ``shards.preference`` for the nodes believed reachable, the second
    also treating the first request's node as unreachable, so that Solr does not route its
    shard requests to the node that may be hanging.
    """
    single = client.with_options(retry=_SINGLE)
    if len(client.urls) < 2:
        # One node: asking it twice would only double its load.
        return single.call("POST", path, idempotent=True, form=form)
    first = single._nodes_in_order()[0]

    def attempt(avoid: tuple[str, ...]) -> Any:
        return single.call("POST", path, idempotent=True, avoid=avoid,
                           form={**form, **replica_preference(client, avoid)})

    one: Future = _POOL.submit(attempt, ())
    done, _ = wait([one], timeout=hedge_after)
    if done:
        try:
            return one.result()
        except SolrRejected:
            raise
        except SolrError as err:
            log.info("Search failed on %s (%s), asking the next node", first, err)
            return attempt((first,))
    log.info("No answer from %s after %.1f s, asking the next node as well", first, hedge_after)
    two: Future = _POOL.submit(attempt, (first,))
    pending = {one, two}
    error: BaseException | None = None
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            if fut.exception() is None:
                return fut.result()
            if isinstance(fut.exception(), SolrRejected):
                raise fut.exception()  # type: ignore[misc]
            error = error or fut.exception()
    assert error is not None
    raise error
