"""One table of operators (engine/lang/operators.py): the rule model, the loader, the backend and the ledger read it.

Each test here fails when one of the places that give an operator meaning drifts from the table.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from regelkoll.backends.durable.compile import DURABLE
from regelkoll.backends.durable.prepare import compare
from regelkoll.lang.model import Pattern
from regelkoll.lang.model import Test as RuleTest
from regelkoll.lang.operators import OPERATORS, TABLE
from regelkoll.ledger.judge import _fails

SAMPLES = {"scalar": [("hvb", "hvb"), ("hvb", "lss"), (3, 3), (3, 4), (True, False)],
           "ordered": [(date(2025, 1, 1), date(2025, 1, 2)), (date(2025, 1, 2), date(2025, 1, 2)), (4, 3)],
           "list": [(["a", "b"], "a"), (["a"], "c"), ([], "a")]}


def test_the_rule_model_has_one_key_per_operator_in_the_tables_order():
    keys = [name for name in RuleTest.model_fields if name not in ("falt", "plus")]
    assert keys == [op.name for op in TABLE]
    for op in TABLE:
        operand = {"compare": "x", "member": ["x"], "contains": "x"}[op.shape]
        assert RuleTest.model_validate({"falt": "typ", op.name: operand}).operator == op.name


def test_a_test_with_no_operator_or_two_is_refused():
    for given in ({}, {"lika_med": "a", "inte_lika_med": "b"}):
        with pytest.raises(ValueError, match="ange exakt en jämförelse"):
            RuleTest.model_validate({"falt": "typ", **given})


def test_the_durable_backend_maps_every_operator_and_nothing_else():
    assert set(DURABLE) == set(OPERATORS)
    for op in TABLE:
        # a comparison is written as a durable operator; membership and list contents as a precomputed flag
        assert isinstance(DURABLE[op.name], bool) == (op.shape != "compare"), op.name


@pytest.mark.parametrize("op", [op for op in TABLE if op.shape == "compare"], ids=lambda op: op.name)
def test_two_fields_of_one_fact_are_compared_by_the_tables_meaning(op):
    for left, right in SAMPLES[op.fields]:
        fact = SimpleNamespace(a=left, b=right)
        cmp = SimpleNamespace(left="a", left_plus=None, op=op.name, right="b", right_plus=None)
        assert compare(cmp, fact, frozenset()) is op.holds(left, right)


@pytest.mark.parametrize("op", TABLE, ids=lambda op: op.name)
def test_what_the_ledger_decides_for_a_withheld_fact_is_the_tables_choice(op):
    """A withheld fact rules a rule out only by an operator the table lets be decided alone; any other
    operator leaves the result undetermined (never a silent pass, never a guess)."""
    operand = {"compare": "lss", "member": ["lss"], "contains": "x"}[op.shape]
    pattern = Pattern.model_validate({"som": "v", "typ": "verksamhet", "dar": [{"falt": "typ", op.name: operand}]})
    version = SimpleNamespace(parametrar={})
    values = [["x"], ["y"]] if op.shape == "contains" else ["hvb", "lss", "sol"]
    assert {op.holds(value, operand) for value in values} == {True, False}  # the test holds once, fails once
    for value in values:
        failing = not op.holds(value, operand)
        assert _fails(pattern, SimpleNamespace(typ=value), version) is (failing and op.decided_alone), value


MINIMAL = __import__("pathlib").Path(__file__).resolve().parent / "data" / "minimal_rule.yaml"
# a field of each type the table speaks of, on the register extract the minimal rule looks for
FIELDS = {"scalar": ("lag", "'2007:171'"), "ordered": ("utfardat", "2020-01-01"),
          "list": ("omfattar", "belastningsregistret")}
ANCHOR = "- {falt: person, lika_med: {falt: e.person}}"


@pytest.mark.parametrize("op", TABLE, ids=lambda op: op.name)
@pytest.mark.parametrize("kind", ["scalar", "ordered", "list"])
def test_the_loader_accepts_an_operator_exactly_on_the_fields_the_table_names(tmp_path, op, kind):
    from regelkoll.diagnostics import DiagnosticError
    from regelkoll.facts.model import field_types
    from regelkoll.lang.load import load_rulebook

    name, literal = FIELDS[kind]
    assert field_types("registerutdrag")[name] == {"scalar": "text", "ordered": "date", "list": "list"}[kind]
    if op.shape == "member":
        literal = f"[{literal}]"
    test = f"{{falt: {name}, {op.name}: {literal}}}"
    text = MINIMAL.read_text(encoding="utf-8").replace(ANCHOR, f"{ANCHOR}\n          - {test}")
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    accepted = {"scalar": kind != "list", "ordered": kind == "ordered", "list": kind == "list"}[op.fields]
    try:
        load_rulebook(tmp_path)
        codes = []
    except DiagnosticError as exc:
        codes = [d.code for d in exc.diagnostics]
    assert (codes == []) is accepted, codes
    if not accepted:
        assert set(codes) <= {"RK-R052", "RK-R054"}, codes
