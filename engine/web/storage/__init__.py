"""What the server keeps: runs, the inspectors' decisions about findings, and who looked at whose personal data."""

from regelkoll.web.storage.store import AccessEntry, RunRecord, Store, StoredDecision  # noqa: F401
