"""The ranking ParamSet as this repository ships it (solr-config/conf/params.json)."""

from __future__ import annotations

import json
from pathlib import Path

PARAMS_JSON = Path(__file__).resolve().parent.parent / "solr-config" / "conf" / "params.json"
RANKING = "ranking"


def shipped_ranking(path: Path = PARAMS_JSON) -> dict[str, str]:
    """The ParamSet "ranking" from ``path``, without Solr's version entry (key "")."""
    ranking = json.loads(path.read_text(encoding="utf-8"))["params"][RANKING]
    return {key: value for key, value in ranking.items() if key}
