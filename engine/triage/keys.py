"""The finding key: what names one finding across runs, so that a decision or a baseline can find it again.

`REGEL/VERKSAMHET/SUBJEKTSLAG/SUBJEKT-ID`, e.g. `LE-01/klinik-glans/behandling/b-klinik-glans-05`: the rule's id,
the unit's id (a facility, or an organisation checked for its representatives), and the kind and id of the
subject the rule judged. The rule's version, the outcome and the wording are left out on purpose: a finding
stays the same finding when the law's wording changes or a violation becomes an indication. Fact ids cannot
hold `/` (the fact model's pattern), so the first three parts are read back unambiguously; a derived subject
id may, and is the rest of the key. A summary row of what is not applicable stands for many subjects: its
subject id is `*`.
"""

from __future__ import annotations

from typing import Any

SEPARATOR = "/"
# the outcomes a decision or a baseline is about: what asks for the inspector's attention
PROBLEMS = frozenset({"violation", "indication", "undetermined"})


def finding_key(rule_id: str, facility_id: str, subject_kind: str, subject_id: str | None) -> str:
    return SEPARATOR.join((rule_id, facility_id, subject_kind, subject_id if subject_id is not None else "*"))


def row_key(row: dict[str, Any]) -> str:
    return finding_key(row["rule_id"], row["facility_id"], row["subject"]["kind"], row["subject"]["id"])


def key_parts(key: str) -> tuple[str, str, str, str] | None:
    """(rule, unit, subject kind, subject id), or None for a text that is not a finding key."""
    parts = key.split(SEPARATOR, 3)
    if len(parts) != 4 or not all(part.strip() for part in parts) or any(p != p.strip() for p in parts):
        return None
    return parts[0], parts[1], parts[2], parts[3]
