"""JSON Schema of the rule format, for editor autocompletion (draft-07 compatible: no $schema key)."""

from __future__ import annotations

import json

from regelkoll.lang.model import RuleFile


def schema_text() -> str:
    schema = RuleFile.model_json_schema()
    schema["title"] = "Regelkoll regelpaket"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
