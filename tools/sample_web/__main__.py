"""``python -m tools.sample_web [OUT]``: write the sample city web (default ``sample-web/``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tools.sample_web.build import write

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    """Generate the web; the output is deterministic, so a rerun changes nothing in git."""
    out = Path(argv[0]) if argv else REPO / "sample-web"
    count = write(out)
    print(f"{count} addresses written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
