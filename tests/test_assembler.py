"""The format-neutral fact assembler: records from any adapter are validated, kept broken and resolved alike.

A CSV or XML adapter hands over plain records with a place (here a `Row`: one line, a column per field);
the assembler gives them the same treatment as the YAML bundle reader, with positions in that format.
"""

from __future__ import annotations

from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.facts.assemble import Assembler, Row

RECORDS = [
    ("organisation", {"id": "org-a", "namn": "A AB", "regi": "enskild"}),
    ("verksamhet", {"id": "hvb-a", "namn": "HVB A", "organisation": "org-a", "typ": "hvb", "tar_emot_barn": True}),
    ("person", {"id": "p1", "namn": "Anna Andersson", "personnummer": "19121212-1212"}),
    ("person", {"id": "p2", "namn": "Anna Andersson", "personnummer": "191212121212"}),  # the same person again
    ("person", {"id": "p3", "namn": "Bo Berg", "personnummer": "19121212-1213"}),  # wrong check digit
    ("engagemang", {"id": "e1", "person": "p2", "verksamhet": "hvb-a", "form": "anstallning", "start": "2025-01-01"}),
    ("engagemang", {"id": "e2", "person": "p9", "verksamhet": "hvb-a", "form": "anstallning", "start": "2025-01-01"}),
    ("engagemang", {"id": "e3", "person": "p1", "verksamhet": "hvb-a", "form": "anstallning", "start": "1/2/2025"}),
]
COLUMNS = {"id": 1, "namn": 2, "personnummer": 3, "person": 2, "verksamhet": 3, "start": 5}


def _assembled():
    assembler = Assembler()
    for line, (kind, raw) in enumerate(RECORDS, start=2):  # line 1 is the header
        assembler.add(kind, raw, Row("personal.csv", line, COLUMNS))
    return assembler.finish()


def test_records_from_rows_are_validated_merged_and_resolved_with_their_row_and_column():
    bundle = _assembled()
    assert sorted((d.line, d.column, d.code, d.field) for d in bundle.diagnostics) == [
        (5, 3, "RK-B032", "person.personnummer"),  # p2 is p1: merged, and said so
        (6, 3, "RK-B020", "person.personnummer"),  # an invalid personnummer breaks the record
        (8, 2, "RK-B030", "engagemang.person"),  # p9 does not exist
        (9, 5, "RK-B010", "engagemang.start"),  # not an ISO date: never guessed
    ]
    assert bundle.get("engagemang", "e1").person == "p1"  # redirected to the first record of the person
    assert {(b.kind, b.id) for b in bundle.broken} == {("person", "p3"), ("engagemang", "e2"), ("engagemang", "e3")}
    assert all(d.file == "personal.csv" for d in bundle.diagnostics)


def test_the_assembler_treats_rows_as_the_yaml_reader_treats_a_file(tmp_path):
    import yaml

    by_kind: dict[str, list] = {}
    for kind, raw in RECORDS:
        by_kind.setdefault(kind, []).append(raw)
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(by_kind, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from_yaml, from_rows = read_bundle(tmp_path / "b.yaml"), _assembled()
    assert from_yaml.facts == from_rows.facts
    assert sorted((b.kind, b.id, tuple(sorted(b.raw.items()))) for b in from_yaml.broken) == \
        sorted((b.kind, b.id, tuple(sorted(b.raw.items()))) for b in from_rows.broken)
    assert sorted((d.code, d.field, d.message) for d in from_yaml.diagnostics) == \
        sorted((d.code, d.field, d.message) for d in from_rows.diagnostics)
