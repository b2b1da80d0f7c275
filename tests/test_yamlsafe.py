from __future__ import annotations

import pytest

from regelkoll.yamlsafe import YamlError, load_text


def test_yaml_11_traps_stay_strings():
    data, _ = load_text("sfs: 2003:20\nsvar: no\nja: yes\ndatum: 2024-13-01\n", "x.yaml")
    assert data == {"sfs": "2003:20", "svar": "no", "ja": "yes", "datum": "2024-13-01"}


def test_true_false_and_integers_still_work():
    data, _ = load_text("a: true\nb: 12\nc: -3\n", "x.yaml")
    assert data == {"a": True, "b": 12, "c": -3}


def test_positions_of_keys_and_values_are_one_based():
    _, pos = load_text("a:\n  b: [1, 2]\n", "x.yaml")
    assert (pos[("a", "b", "__key__")].line, pos[("a", "b", "__key__")].column) == (2, 3)
    assert (pos[("a", "b", 1)].line, pos[("a", "b", 1)].column) == (2, 10)


def test_duplicate_keys_are_problems_with_both_lines_and_the_first_value_kept():
    data, pos = load_text("id: A\nnamn: x\nid: B\n", "r.yaml")
    assert data == {"id": "A", "namn": "x"}
    assert [p.diagnostic.render() for p in pos.problems] == [
        "r.yaml:3:1: RK-Y003: nyckeln 'id' förekommer två gånger (första gången på rad 1)"]
    assert pos.problems[0].path == ("id",)


def test_python_tags_are_refused_on_one_line_with_a_position():
    data, pos = load_text("a: !!python/object/apply:os.getcwd []\nb: !foo x\n", "x.yaml")
    assert data == {"a": None, "b": None}
    rendered = [p.diagnostic.render() for p in pos.problems]
    assert rendered == ["x.yaml:1:4: RK-Y007: taggen '!!python/object/apply:os.getcwd' stöds inte; skriv värdet utan tagg",
                        "x.yaml:2:4: RK-Y007: taggen '!foo' stöds inte; skriv värdet utan tagg"]


def test_syntax_errors_are_one_swedish_line_with_a_position():
    with pytest.raises(YamlError) as info:
        load_text("a: 1\nb: [x,\n", "x.yaml")
    assert info.value.diagnostic.render() == "x.yaml:3:1: RK-Y001: ogiltig YAML: förväntade ett värde"
    with pytest.raises(YamlError) as info:
        load_text('a: 1\nb: "x\x07y"\n', "x.yaml")
    assert "\n" not in info.value.diagnostic.render()
    assert info.value.diagnostic.render().startswith("x.yaml:2:6: RK-Y001: ogiltig YAML: tecknet U+0007")


def test_aliases_are_refused_without_anchors_and_capped_with_them():
    data, pos = load_text("a: &x [1]\nb: *x\n", "x.yaml")
    assert [p.diagnostic.code for p in pos.problems] == ["RK-Y011", "RK-Y010"]
    data, pos = load_text("a: &x {q: [1, 2]}\nb: *x\n", "x.yaml", anchors=True)
    assert data == {"a": {"q": [1, 2]}, "b": {"q": [1, 2]}} and not pos.problems
    assert pos.locate(("b", "q", 1)) == pos[("a", "q", 1)]  # found at the anchor, not walked again
    assert ("b", "q", 1) in pos and ("b", "q", 2) not in pos


def test_an_equals_sign_is_text():
    assert load_text("a: =\n", "x.yaml")[0] == {"a": "="}


def test_empty_document():
    with pytest.raises(YamlError, match="tom"):
        load_text("# bara en kommentar\n", "x.yaml")


def test_only_what_aliases_add_counts_against_the_expansion_cap(monkeypatch):
    from regelkoll import yamlsafe

    monkeypatch.setattr(yamlsafe, "MAX_EXPANDED_NODES", 100)
    data, _ = load_text("a: [" + ", ".join(["x"] * 500) + "]\n", "r.yaml", anchors=True)
    assert len(data["a"]) == 500
    with pytest.raises(YamlError, match="RK-Y012"):
        load_text("a: &x [" + ", ".join(["x"] * 60) + "]\nb: *x\nc: *x\n", "r.yaml", anchors=True)
