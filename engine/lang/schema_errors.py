"""Pydantic's errors on a rule file, made into diagnostics a rule author can act on.

Each error is placed at its key or value in the file (file:line:column), in Swedish, with the nearest key or
allowed word. Where a key takes one of several forms (`plus`: a period or `{parameter: namn}`; `lika_med`: a
value, a field or a parameter), pydantic reports every form's complaint; only the form that was meant is
kept, so that a misspelt key reads as one error and not as "ska vara true eller false".
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz, process

from regelkoll.diagnostics import Diagnostic
from regelkoll.lang.model import RuleFile
from regelkoll.lang.values import value_hint
from regelkoll.validation_sv import swedish_message
from regelkoll.yamlsafe import Positions


def _all_keys(model: type[BaseModel], seen: set | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    keys: set[str] = set()
    if model in seen:
        return keys
    seen.add(model)
    for name, info in model.model_fields.items():
        keys.add(name)
        for sub in models_in(info.annotation):
            keys |= _all_keys(sub, seen)
    return keys


def models_in(annotation: Any) -> list[type[BaseModel]]:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for arg in get_args(annotation):
        found += models_in(arg)
    return found


RULE_KEYS = sorted(_all_keys(RuleFile) | {"ar", "manader", "dagar"})


def _models_by_name(model: type[BaseModel], found: dict | None = None) -> dict[str, type[BaseModel]]:
    found = found if found is not None else {}
    if model.__name__ not in found:
        found[model.__name__] = model
        for info in model.model_fields.values():
            for sub in models_in(info.annotation):
                _models_by_name(sub, found)
    return found


_MODELS = _models_by_name(RuleFile)
_BRANCH = re.compile(r"^(?:bool|int|str|list\[.*\]|function-after\[.*, (\w+)\]|(\w+))$")


def _branch(part: Any) -> tuple[bool, str | None]:
    """Whether a location part names a member of a union (as pydantic adds it), and which model it is."""
    match = _BRANCH.match(part) if isinstance(part, str) else None
    if match is None:
        return False, None
    name = match.group(1) or match.group(2)
    if match.group(2) is not None and name not in _MODELS:
        return False, None  # a plain key
    return True, name


def _meant_branch(errors: list[dict]) -> list[dict]:
    """At a union written as a mapping (`lika_med: {fal: e.x}`), only the errors of the member it was meant as:
    the model that knows most of its keys, else the nearest by key names. The others' complaints (`ska vara
    true eller false`, `'parameter' saknas`) would only mislead."""
    sites: dict[tuple, dict[str, list[dict]]] = {}
    given: dict[tuple, set[str]] = {}  # the keys written at each site, when it is a mapping
    for err in errors:
        loc = tuple(err["loc"])
        at = next((i for i, part in enumerate(loc) if _branch(part)[0]), None)
        if at is None:
            continue
        sites.setdefault(loc[:at], {}).setdefault(loc[at], []).append(err)
        if isinstance(err.get("input"), dict) and len(loc) == at + 1 or err["type"] == "missing":
            given.setdefault(loc[:at], set()).update(k for k in err["input"] if isinstance(k, str))
        elif err["type"] == "extra_forbidden" and len(loc) == at + 2:
            given.setdefault(loc[:at], set()).add(str(loc[at + 1]))
    dropped: set[int] = set()
    for site, branches in sites.items():
        models = {tag: _MODELS[_branch(tag)[1]] for tag in branches if _branch(tag)[1] in _MODELS}
        keys = given.get(site, set())
        lists = [tag for tag in branches if tag.startswith("list[")]
        if lists and any(isinstance(err.get("input"), list) and len(err["loc"]) == len(site) + 1
                         for errs in branches.values() for err in errs):
            # a list written where a list or a mapping may stand: it was meant as the list
            dropped |= {id(err) for tag, errs in branches.items() if tag not in lists for err in errs}
            continue
        if len(branches) < 2 or not models or not keys:
            continue

        def fit(tag: str, keys: set[str] = keys) -> tuple:
            fields = set(models[tag].model_fields)
            near = max((fuzz.ratio(k, f) for k in keys for f in fields), default=0)
            return len(keys & fields), near

        best = max(models, key=fit)
        dropped |= {id(err) for tag, errs in branches.items() if tag != best for err in errs}
    return [err for err in errors if id(err) not in dropped]


def _scalar_unions(errors: list[dict]) -> list[dict]:
    """One message where a value is none of text, number and true/false (and no `{falt: …}` either), not
    the first member's `ska vara true eller false`."""
    groups: dict[tuple, list[dict]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if loc and loc[-1] in ("bool", "int", "str") and err["type"].endswith("_type"):
            groups.setdefault(loc[:-1], []).append(err)
    dropped: set[int] = set()
    merged = []
    for site, errs in groups.items():
        if {tuple(err["loc"])[-1] for err in errs} != {"bool", "int", "str"}:
            continue
        refs = [err for err in errors if tuple(err["loc"])[:-1] == site and err["type"] == "model_type"]
        dropped |= {id(err) for err in errs + refs}
        merged.append({**errs[0], "type": "operand_type" if refs else "scalar_type", "loc": site})
    return [err for err in errors if id(err) not in dropped] + merged


def _nearest_key(word: Any) -> str:
    # edit distance, not WRatio: a short key such as `i` must not win by being contained in a long one
    match = process.extractOne(str(word), RULE_KEYS, scorer=fuzz.ratio, score_cutoff=70)
    return f"menade du '{match[0]}'?" if match else ""


def pydantic_diagnostics(exc: ValidationError, file: str, positions: Positions) -> list[Diagnostic]:
    out = []
    # pydantic adds union member names to locations; keep only keys that occur in the document
    document_keys = {p for path in positions for p in path if isinstance(p, str)}
    for err in _scalar_unions(_meant_branch(exc.errors(include_url=False))):
        loc = tuple(err["loc"])
        doc_loc: tuple = ()
        for part in loc:
            if isinstance(part, int):
                # a section written as one mapping is read as a list of one: its index is not in the file
                if doc_loc + (part,) not in positions and doc_loc in positions and part == 0:
                    continue
                doc_loc += (part,)
            elif part in document_keys:
                doc_loc += (part,)
        extra = err["type"] == "extra_forbidden"
        pos = positions.locate(doc_loc, key=extra)
        dotted = ".".join(str(p) for p in doc_loc)
        if extra:
            out.append(Diagnostic(file, pos.line, pos.column, "RK-R001", "okänd nyckel", dotted,
                                  _nearest_key(doc_loc[-1])))
        elif err["type"] == "missing":
            missing = str(loc[-1]) if loc else ""
            out.append(Diagnostic(file, pos.line, pos.column, "RK-R002", f"obligatorisk nyckel '{missing}' saknas",
                                  dotted))
        else:
            out.append(Diagnostic(file, pos.line, pos.column, "RK-R003", _swedish(err), dotted, _literal_hint(err)))
    return dedupe(out)


def _literal_hint(err: dict) -> str:
    """The nearest allowed word for a misspelt `allvarlighet`, `slag` or `forvantat`."""
    if err["type"] != "literal_error" or not isinstance(err.get("input"), str):
        return ""
    allowed = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
    return value_hint(err["input"], allowed) if allowed else ""


def dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for d in diags:
        key = (d.line, d.column, d.field, d.code)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _swedish(err: dict) -> str:
    # a rule author is shown the pattern a key must match; everything else reads as for a bundle
    if err["type"] == "scalar_type":
        return "ska vara ett enkelt värde: en text, ett heltal eller true/false"
    if err["type"] == "operand_type":
        return "ska vara ett enkelt värde (text, heltal, true/false), {falt: alias.falt} eller {parameter: namn}"
    if err["type"] == "string_pattern_mismatch":
        return f"har fel form (ska matcha {err.get('ctx', {}).get('pattern', '')})"
    return swedish_message(err)
