"""A search that does not wait for a hung node: after a short while, the next node is asked too.

A frozen node accepts the connection and never answers, so only a timeout reveals it. Rather
than waiting for the read timeout and then retrying, :func:`hedged_search` sends the same
read to another node once the first has been silent for ``hedge_after`` seconds and takes
whichever answer comes first. That is the one retry a visitor search gets: at most two
requests, both idempotent reads, and a visitor waits about ``hedge_after`` plus one normal
answer when a node hangs. A first attempt that fails outright (5xx, broken connection) is
retried at once instead.

In SolrCloud the node that is silent is not necessarily the one the search was sent to: a
healthy node coordinating the search waits just as long for its shard request to a frozen
node's replica. So while the first request is silent, every node's health check is asked
(all at once, starting half a second before the second request is due, shared by the
searches hedging at about the same moment): the second request goes to a node that
answered, and tells Solr to use replicas on the nodes that answered — not merely "anything
but the first node", which steers shard requests towards the frozen node when the first
node is a healthy coordinator. A node that freezes in the last half second before the
second request goes out is not seen by that probe; the node watch and the back-off catch it
for the searches after.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from solrclient.client import SolrClient
from solrclient.errors import SolrError, SolrRejected
from solrclient.policy import RetryPolicy
from solrclient.watch import WATCH_TIMEOUTS, preference_for, probe_nodes, replica_preference

log = logging.getLogger(__name__)

# Requests in flight for visitor searches across the process's threads.
_POOL = ThreadPoolExecutor(max_workers=32, thread_name_prefix="solr-search")
_SINGLE = RetryPolicy(attempts=1)


def hedged_search(client: SolrClient, path: str, form: dict[str, Any],
                  hedge_after: float) -> Any:
    """POST ``form`` to ``path`` (a search or real-time get handler); at most two requests,
    first answer wins; each waits at most ``client.timeouts.read``.

    The first request carries ``shards.preference`` for the nodes believed reachable; the
    second is planned from a fresh health probe (see the module's docstring).
    """
    single = client.with_options(retry=_SINGLE)
    if len(client.urls) < 2:
        # One node: asking it twice would only double its load.
        return single.call("POST", path, idempotent=True, form=form)

    def attempt(nodes: list[str], preference: dict[str, str]) -> Any:
        # ``nodes[0]`` coordinates; the others only take over when it refuses the connection
        # (the client's failover sends a request that never arrived to the next node).
        return single.call("POST", path, idempotent=True, avoid=nodes[1:],
                           form={**form, **preference})

    order = single._nodes_in_order()
    first = order[0]
    sent = time.monotonic()
    one: Future = _POOL.submit(attempt, order, replica_preference(client))
    # The probe behind the second request's plan starts early enough to have its verdict
    # when the second request is due: a frozen node makes it wait its full timeout.
    probe_at = max(0.0, hedge_after - WATCH_TIMEOUTS.read)
    plan: Future | None = None
    done, _ = wait([one], timeout=probe_at)
    if not done:
        plan = _POOL.submit(_second_plan, client, single, first, sent + probe_at)
        done, _ = wait([one], timeout=hedge_after - probe_at)
    if done:
        try:
            return one.result()
        except SolrRejected:
            raise
        except SolrError as err:
            log.info("Search failed on %s (%s), asking another node", first, err)
            return attempt(*(plan.result() if plan
                             else _second_plan(client, single, first, sent)))
    assert plan is not None
    nodes, preference = plan.result()
    log.info("No answer from %s after %.1f s, asking %s as well (%s)", first, hedge_after,
             nodes[0], preference or "any replica")
    two: Future = _POOL.submit(attempt, nodes, preference)
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


def _second_plan(client: SolrClient, single: SolrClient, first: str,
                 since: float) -> tuple[list[str], dict[str, str]]:
    """Where the second request goes and which replicas it asks Solr to prefer.

    Replicas: those on the nodes that answered the probe. Coordinator: a node that answered,
    not backed off and another than the first when there is one (the first may be merely
    overloaded); then the rest in back-off order. When no node answered (an overloaded
    machine rather than a hung node), the back-off's view of the nodes decides.
    """
    # Only a probe sent once the first request has been silent for a while counts (``since``):
    # one from earlier may predate the freeze that holds the first request.
    healthy = probe_nodes(client, since=since).healthy
    if not healthy:
        nodes, preference = single._nodes_in_order([first]), replica_preference(client)
    else:
        # Back-off order (nodes whose requests failed lately last), the first node at the end.
        by_backoff = single._nodes_in_order([first])
        nodes = ([u for u in by_backoff if u in healthy]
                 + [u for u in by_backoff if u not in healthy])
        preference = preference_for(client.urls, healthy)
    return nodes, _local_first(preference)


def _local_first(preference: dict[str, str]) -> dict[str, str]:
    """The coordinator's own replicas before any other node's.

    The second attempt then depends on as few other nodes as possible. That matters when the
    probe found every node healthy although the first attempt hangs: a node that froze after
    the probe was sent cannot be named, and each shard request that stays on the coordinator
    is one that cannot reach it.
    """
    rules = [r for r in preference.get("shards.preference", "").split(",") if r]
    return {"shards.preference": ",".join(["replica.location:local", *rules])}
