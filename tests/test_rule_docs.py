"""The rule language is documented where authors look: the README's rule example is a complete pack that lints and
passes as printed, every key of the rule model is named in the README's section on writing rules, and every key
has a description in the JSON Schema that editors show."""

from __future__ import annotations

import re
from pathlib import Path

from regelkoll.examples import coverage_gaps, example_diagnostics, run_example
from regelkoll.lang.load import load_rulebook
from regelkoll.lang.model import RuleFile
from regelkoll.lang.schema_errors import RULE_KEYS, models_in
from regelkoll.ledger.run import compile_rulebook

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("\n## Writing a rule\n"):README.index("\n## As a library\n")]


def test_the_readme_rule_example_lints_and_its_examples_pass(tmp_path):
    (example,) = re.findall(r"```yaml\n(.*?)```\n", SECTION, re.S)[:1]
    area = tmp_path / "rules" / "exempel"
    area.mkdir(parents=True)
    (area / "exempel.yaml").write_text(example, encoding="utf-8")
    book = load_rulebook(tmp_path / "rules")  # raises with every error, at file:line:column
    compile_rulebook(book)
    (loaded,) = book.rules
    assert example_diagnostics(loaded) == []
    results = [run_example(loaded, i) for i in range(len(loaded.rule.exempel))]
    assert [(r.name, r.problem, r.actual) for r in results if not r.ok] == []
    assert {r.expected_word for r in results} == {"overtradelse", "uppfyllt", "ej_tillamplig", "obestamt"}
    assert coverage_gaps(loaded, results) == []


def test_every_key_of_the_rule_language_is_named_in_the_readme():
    assert len(RULE_KEYS) > 50  # the walk over the model works
    assert [key for key in RULE_KEYS if not re.search(rf"`[^`\n]*\b{key}\b[^`\n]*`|^\s*-? ?{key}:", SECTION, re.M)
            and not re.search(rf"\b{key}:", SECTION)] == []


def test_every_key_has_a_description_in_the_json_schema():
    seen: set = set()
    missing: list[str] = []

    def walk(model) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if not (info.description or "").strip():
                missing.append(f"{model.__name__}.{name}")
            for sub in models_in(info.annotation):
                walk(sub)

    walk(RuleFile)
    assert len(seen) > 10 and missing == []
