"""The fixed date every evaluation searches at, so that the figures do not drift.

The ranking's freshness bonus for news depends on the age of a page, measured from Solr's
``NOW``. Evaluated at the real time, the same configset and site would rank differently
next month, and a threshold met today could fail later without any change. Solr takes
``NOW`` (milliseconds since 1970) as a request parameter and uses it for all date math of
that request (``ms(NOW/DAY,onlineDate)`` in the boost), so the evaluation passes this one.
"""

from __future__ import annotations

from datetime import datetime, timezone

# The day the visitor sets were written and the figures in QUALITY.md first taken; the
# sample site's newest page is from 2026-11-20.
REFERENCE_DATE = datetime(2026, 11, 29, tzinfo=timezone.utc)


def now_param(when: datetime = REFERENCE_DATE) -> dict[str, str]:
    """The request parameter that makes Solr evaluate date math at ``when``."""
    return {"NOW": str(int(when.timestamp() * 1000))}
