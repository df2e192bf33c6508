"""Create the settings file for a local `make run`: secret key and an admin login.

Written once to the given path (mode 600) and reused afterwards, so that sessions survive
restarts and work across the server's workers. The admin password is random; it is stored only
in a second file beside it for the person who ran `make run`, never in the repository.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

from werkzeug.security import generate_password_hash


def main(target: str) -> int:
    """Write ``target`` (shell `KEY=value` lines) unless it exists; print where the login is."""
    env_file = Path(target)
    password_file = env_file.with_name("admin-password.txt")
    if not env_file.exists():
        env_file.parent.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(12)
        lines = [
            f"STADTSUCHE_SECRET_KEY={secrets.token_hex(32)}",
            "STADTSUCHE_ADMIN_USER=admin",
            f"STADTSUCHE_ADMIN_PASSWORD_HASH='{generate_password_hash(password)}'",
        ]
        env_file.write_text("\n".join(lines) + "\n")
        env_file.chmod(0o600)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    print(f"Admin login for /admin: user 'admin', password in {password_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "var/local.env"))
