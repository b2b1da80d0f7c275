"""`/`: the county overview, every facility of a data set by number of violations, with filters.

The check is the CLI's (`Service.check`, format rows, the report document `regelkoll check` renders), so a
facility's counts here are the rows of `regelkoll check --format json` with that outcome. A filter narrows the
check itself (a rule, facilities of one kind) or what is counted (a minimum severity); the page then says that
it is not the whole picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from regelkoll import api
from regelkoll.diagnostics import DiagnosticError, suggest
from regelkoll.lang.model import SEVERITY_RANK
from regelkoll.personal_data import mask_text
from regelkoll.report.rows import row_count
from regelkoll.triage.selection import Selection, Show
from regelkoll.web.access import page_user
from regelkoll.web.page_common import choose_dataset, invalid, kind_word, service_of, unit_kinds
from regelkoll.web.page_render import field_errors, render

router = APIRouter()

SEVERITY_CHOICES = (("", "alla"), ("allvarlig", "bara allvarliga"), ("betydande", "betydande och allvarligare"),
                    ("mindre", "mindre och allvarligare (alla)"))
COUNTED = ("violation", "indication", "undetermined")


@dataclass
class UnitLine:
    id: str
    name: str
    kind: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    decided: int = 0
    failed: str | None = None  # why the unit could not be checked
    facility: bool = True  # a facility (has a brief), not an organisation checked for its officers


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, datamangd: str | None = None, typ: str = "", allvarlighet: str = "",
             regel: str = "") -> HTMLResponse:
    service = service_of(request)
    names = service.datasets()
    name, problems = choose_dataset(names, datamangd)
    context: dict[str, Any] = {"names": names, "name": name, "filters": {"typ": typ, "allvarlighet": allvarlighet,
                                                                         "regel": regel},
                               "severity_choices": SEVERITY_CHOICES, "kinds": [], "rules": [], "result": None}
    if name is None:
        return render(request, "overview.html.j2", status=404 if problems else 200,
                      errors=field_errors(problems), **context)
    data = service.load(name)
    kinds = unit_kinds(data.bundle, api.units(data.bundle))
    supervision = [loaded.rule for loaded in api.select_rules(service.rules).rules]
    context["kinds"] = sorted({(code, kind_word(code)) for code in kinds.values()}, key=lambda kv: kv[1].lower())
    context["rules"] = sorted((rule.id, f"{rule.id} – {rule.titel.sv}") for rule in supervision)
    problems = _filter_problems(typ, allvarlighet, regel, set(kinds.values()), {r.id for r in supervision})
    if problems:
        return render(request, "overview.html.j2", status=422, errors=field_errors(problems), **context)
    selection = Selection(rules=(regel,) if regel else (), show=Show(min_severity=allvarlighet or None))
    who = page_user(request)
    try:
        report, plan, data = service.check(name, who, fmt="rows", selection=selection if selection.narrowed else None,
                                           facilities=sorted(u for u, k in kinds.items() if k == typ) if typ else None)
        doc = report.document()
    except DiagnosticError as exc:  # a filter the check refuses (RK-E020 …): said at the field
        return render(request, "overview.html.j2", status=422, errors=field_errors(exc.diagnostics), **context)
    service.record("kontroll", name, who, plan, data, report.counts, len(doc["errors"]))
    context["result"] = _result(doc, plan, kinds, typ)
    context["doc"] = doc
    context["plan_notices"] = plan.notices  # e.g. no as-of day in the data: judged as of today
    context["narrowed"] = _narrowed(typ, allvarlighet, regel, context)
    return render(request, "overview.html.j2", errors={}, **context)


def _filter_problems(typ: str, severity: str, rule: str, kinds: set[str], rules: set[str]) -> list:
    problems = []
    if typ and typ not in kinds:
        problems.append(invalid("typ", f"'{typ}' är ingen typ av verksamhet i datamängden",
                                suggest(typ, sorted(kinds))))
    if severity and severity not in SEVERITY_RANK:
        problems.append(invalid("allvarlighet", f"'{severity}' är ingen allvarlighetsgrad",
                                "välj allvarlig, betydande eller mindre"))
    if rule and rule not in rules:
        problems.append(invalid("regel", f"'{rule}' är ingen regel för tillsyn i regelkatalogen",
                                suggest(rule, sorted(rules))))
    return problems


def _result(doc: dict[str, Any], plan: Any, kinds: dict[str, str], typ: str) -> dict[str, Any]:
    lines: dict[str, UnitLine] = {}
    for unit in plan.reported:
        kind = kinds.get(unit, "")
        if typ and kind != typ:
            continue  # the operator of a facility of that kind, checked with it
        # the plan's names are the data's, unmasked; the overview offers no unmasking (the brief does)
        lines[unit] = UnitLine(unit, mask_text(plan.names.get(unit, unit)), kind_word(kind),
                               facility=kind != "huvudman")
    for row in doc["findings"]:
        line = lines.get(row["facility_id"])
        if line is None or row["outcome"] not in COUNTED:
            continue
        line.counts[row["outcome"]] += row_count(row)
        line.decided += "decision" in row
    for err in doc["errors"]:
        if err["kind"] == "facility" and err["facility_id"] in lines:
            lines[err["facility_id"]].failed = err["message"]
    ordered = sorted(lines.values(), key=lambda u: (-u.counts["violation"], u.name.lower(), u.id))
    totals = {outcome: sum(u.counts[outcome] for u in ordered) for outcome in COUNTED}
    return {"lines": ordered, "totals": totals, "decided": sum(u.decided for u in ordered),
            "failed": [u for u in ordered if u.failed],
            "input_errors": [e for e in doc["errors"] if e["kind"] != "facility"],
            "all_outcomes": not doc["run"].get("shown_outcomes")}


def _narrowed(typ: str, severity: str, rule: str, context: dict[str, Any]) -> list[str]:
    said = []
    if typ:
        said.append(f"bara verksamheter av typen {kind_word(typ)}")
    if severity:
        said.append(f"bara fynd enligt regler med allvarlighet {dict(SEVERITY_CHOICES)[severity]}")
    if rule:
        said.append(f"bara regeln {dict(context['rules'])[rule]}")
    return said
