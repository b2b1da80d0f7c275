"""What `regelkoll serve` is configured with: options on the command line, secrets from the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024


@dataclass
class Settings:
    data: Path  # the data sets offered for choosing: each folder (or YAML/JSON file) directly under it
    uploads: Path  # where uploaded data sets and applications are unpacked, one folder each
    database_url: str  # SQLAlchemy URL: sqlite:///… (default) or postgresql+psycopg://…
    rules: Path | None = None  # None: the bundled rule packs
    jobs: int | None = None  # worker processes (None: as many as the command line would use)
    # API clients, by the secret they send as `Authorization: Bearer …`: the name is what the access log records.
    # Empty: the API asks for no token (only sensible bound to localhost; `serve` refuses otherwise)
    api_tokens: dict[str, str] = field(default_factory=dict)
    # the header a reverse proxy that logs users in sets to the user's name; without one, the access log
    # records the name given on the form and the client's address
    user_header: str | None = None
    # the host names requests may name (Host header); empty: any. `serve` on a loopback address sets the machine's
    # own names, so that another site's name resolved to 127.0.0.1 (DNS rebinding) reads nothing (hosts.py)
    allowed_hosts: tuple[str, ...] = ()
    csrf_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    max_upload_bytes: int = 50 * MB  # one request's body
    max_members: int = 2000  # files in an uploaded archive
    max_unpacked_bytes: int = 200 * MB  # the archive's files together, unpacked
    report_cache_bytes: int = 64 * MB  # reports kept to be served again (reports.py); 0 keeps none

    @staticmethod
    def tokens_from_env(text: str | None) -> dict[str, str]:
        """`REGELKOLL_API_TOKENS="ärendesystemet=hemlighet1,tillståndsregistret=hemlighet2"` as {secret: name}."""
        tokens: dict[str, str] = {}
        for item in (text or "").split(","):
            name, _, secret = item.strip().partition("=")
            if name and secret:
                tokens[secret] = name
        return tokens


def default_database(uploads: Path) -> str:
    return os.environ.get("REGELKOLL_DATABASE_URL") or f"sqlite:///{uploads / 'regelkoll.sqlite3'}"
