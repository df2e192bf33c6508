"""Saved rankings: the live ParamSet "ranking" plus numbered copies "ranking_v<N>" with metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .ranking import RankingSettings, parse_ranking, to_params, validate
from .repository import CoreAdmin

LIVE = "ranking"
_VERSION = re.compile(r"^ranking_v(\d+)$")
MAX_COMMENT = 200


@dataclass(frozen=True)
class RankingVersion:
    """One saved ranking with who saved it, when and why."""

    number: int
    saved_at: str
    user: str
    comment: str
    settings: RankingSettings


def _versions(sets: dict[str, dict[str, Any]]) -> list[RankingVersion]:
    found = []
    for name, params in sets.items():
        if match := _VERSION.match(name):
            found.append(RankingVersion(int(match.group(1)), str(params.get("meta.savedAt", "")),
                                        str(params.get("meta.user", "")),
                                        str(params.get("meta.comment", "")),
                                        parse_ranking(params)))
    return sorted(found, key=lambda v: v.number, reverse=True)


def current_ranking(core: CoreAdmin) -> RankingSettings:
    """The ranking every worker and node uses right now."""
    return parse_ranking(core.param_sets().get(LIVE, {}))


def list_versions(core: CoreAdmin) -> list[RankingVersion]:
    """Saved versions, newest first."""
    return _versions(core.param_sets())


def _stamp(params: dict[str, Any], user: str, comment: str) -> dict[str, Any]:
    return {**params, "meta.savedAt": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "meta.user": user, "meta.comment": comment[:MAX_COMMENT]}


def save_ranking(core: CoreAdmin, settings: RankingSettings, user: str, comment: str) -> int:
    """Make ``settings`` live and keep it as the next version; returns its number.

    The first save also keeps what was live before (the configset's params.json) as a
    version, so that the starting point can always be restored.
    """
    validate(settings)
    sets = core.param_sets()
    versions = _versions(sets)
    updates: dict[str, dict[str, Any]] = {}
    number = versions[0].number + 1 if versions else 1
    if not versions:
        before = to_params(parse_ranking(sets.get(LIVE, {})))
        updates[f"ranking_v{number}"] = _stamp(before, "system", "Ausgangswerte (params.json)")
        number += 1
    params = to_params(settings)
    updates[LIVE] = params
    updates[f"ranking_v{number}"] = _stamp(params, user, comment)
    core.set_param_sets(updates)
    return number


def restore_version(core: CoreAdmin, number: int, user: str) -> int:
    """Make an earlier version live again (saved as a new version); returns the new number."""
    for version in list_versions(core):
        if version.number == number:
            return save_ranking(core, version.settings, user,
                                f"Version {number} wiederhergestellt")
    raise LookupError(f"Version {number} gibt es nicht.")
