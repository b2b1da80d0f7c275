"""`regelkoll rules new --fran ID`: a proven rule, copied as a rule pack of its own, as a new rule's first draft.

The copy is made from the YAML as written (not from the parsed model), with every YAML alias expanded, so that
it stands alone: the keys the author wrote, in the author's order, and nothing the model adds by default. It
lints and its examples pass as they are, so that the author starts from a rule that works and changes one
thing at a time; the comment at the top and the `# ÄNDRA` marks say what a new rule must not keep.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from regelkoll.lang.load import LoadedRule, Rulebook
from regelkoll.yamlsafe import load_file

RULE_ID = re.compile(r"^[A-Z]{2,}(-[A-Z0-9]+)+$")  # as lang/model.py's Rule.id


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # every alias written out: the draft has no `gemensamt` to point into


def _small(value: Any) -> bool:
    return not isinstance(value, (dict, list)) and len(str(value)) <= 40


def _mapping(dumper: yaml.SafeDumper, data: dict) -> Any:
    # a test such as {falt: typ, lika_med: hvb} on one line, as the rule packs write it
    flow = all(_small(v) for v in data.values()) and len(str(data)) <= 90
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


def _sequence(dumper: yaml.SafeDumper, data: list) -> Any:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=all(_small(v) for v in data))


def _text(dumper: yaml.SafeDumper, data: str) -> Any:
    # SFS numbers quoted, as the README asks of authors: unquoted, some would read as base-60 numbers elsewhere
    style = "|" if "\n" in data.rstrip("\n") else '"' if _SFS.match(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_SFS = re.compile(r"^([A-ZÅÄÖ-]+ )?\d{4}:\d+$")
# dates stay unquoted, as the rule files write them: the rule loader reads them as text either way
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}
_Dumper.add_representer(dict, _mapping)
_Dumper.add_representer(list, _sequence)
_Dumper.add_representer(str, _text)


def default_id(source: str) -> str:
    return f"{source}-NY"


def draft(book: Rulebook, loaded: LoadedRule, new_id: str) -> str:
    """The text of a rule pack holding a copy of `loaded` under the id `new_id`."""
    data, _ = load_file(Path(loaded.file), anchors=True)
    rule = dict(data["regler"][loaded.path[1]])
    rule["id"] = new_id
    cited = sorted({ref.forfattning for version in loaded.rule.versioner
                    for ref in (*version.lagrum, *version.undantag_lagrum)}
                   | {ref.forfattning for exemption in loaded.rule.undantag for ref in exemption.lagrum})
    pack = {
        "regelpaket": {"id": "utkast_" + new_id.lower().replace("-", "_"),
                       "titel": {"sv": f"Utkast: {new_id}", "en": f"Draft: {new_id}"}},
        "forfattningar": {sfs: {"namn": book.acts[sfs]} for sfs in cited},
        "regler": [rule],
    }
    body = yaml.dump(pack, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    return _header(loaded) + _mark(body)


def _header(loaded: LoadedRule) -> str:
    return (
        "# yaml-language-server: $schema=../regel.schema.json\n"
        "#\n"
        f"# Utkast till en ny regel: en kopia av {loaded.rule.id} ({loaded.file}), som den är. Kopian klarar\n"
        "# `regelkoll rules lint` och `rules test`; ändra en sak i taget och kör dem igen. Före användning:\n"
        "# - id, titel, allvarlighet och slag: den nya regelns;\n"
        "# - tillamplig_nar, overtradelse_nar, undantag och bedoms_inte_nar: vad den nya regeln prövar;\n"
        "# - versioner: giltig_fran och giltig_till (rader märkta ÄNDRA), lagrum med lydelse och url, parametrar;\n"
        "# - meddelande (sv och en);\n"
        "# - exempel: fakta och forvantat för den nya regeln, minst ett som bryter mot den och ett som inte gör\n"
        "#   det (per_datum och version_fran följer versionernas datum);\n"
        "# - flytta sedan regeln till rätt regelpaket under rules/ (och ta bort utkastets regelpaket).\n\n"
    )


def _mark(body: str) -> str:
    # the rule's own lines at their exact indentation, never an example fact's (those sit deeper)
    marks = {"- id: ": "regelns id", "  titel:": "regelns titel", "  - giltig_fran: ": "versionens första dag",
             "    giltig_till: ": "versionens sista dag"}
    out, in_rules = [], False
    for line in body.splitlines():
        in_rules = in_rules or line == "regler:"
        what = next((why for head, why in marks.items() if line.startswith(head)), None) if in_rules else None
        out.append(f"{line}  # ÄNDRA: {what}" if what else line)
    return "\n".join(out) + "\n"
