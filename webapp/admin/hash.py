"""Print a password hash for STADTSUCHE_ADMIN_PASSWORD_HASH: ``python -m webapp.admin.hash``."""

from __future__ import annotations

import getpass
import sys

from werkzeug.security import generate_password_hash

MIN_LENGTH = 12


def make_hash(password: str) -> str:
    """A salted scrypt hash of ``password``; refuses passwords shorter than MIN_LENGTH."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"Das Passwort muss mindestens {MIN_LENGTH} Zeichen lang sein.")
    return generate_password_hash(password, method="scrypt")


def main(argv: list[str] | None = None) -> int:
    """Ask twice for the password (or read one line from stdin when piped), print the hash."""
    if sys.stdin.isatty():
        password = getpass.getpass("Passwort: ")
        if getpass.getpass("Passwort wiederholen: ") != password:
            print("Die Passwörter stimmen nicht überein.", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        print(make_hash(password))
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
