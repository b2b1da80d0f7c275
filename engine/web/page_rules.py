"""`/regler`: the rule catalogue; `/regler/{id}`: one rule with its versions, legal basis, examples and scenarios."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from regelkoll.diagnostics import Diagnostic
from regelkoll.lang.model import Rule
from regelkoll.legaltime import Period
from regelkoll.report.catalogue import OUTCOME_SV
from regelkoll.report.citation import cite, section_url, short_name
from regelkoll.triage.selection import nearest
from regelkoll.web.page_common import service_of
from regelkoll.web.page_render import render
from regelkoll.web.page_scenarios import features_folder, scenarios_naming

router = APIRouter()

SEVERITY_SV = {"allvarlig": "allvarlig", "betydande": "betydande", "mindre": "mindre"}
KIND_SV = {"krav": "krav", "indikator": "indikator (bör utredas)"}


def _acts(rule: Rule, book) -> str:
    latest = rule.versioner[-1]
    return ", ".join(dict.fromkeys(short_name(ref.forfattning, book.acts, book.abbreviations)
                                   for ref in latest.lagrum))


@router.get("/regler", response_class=HTMLResponse)
def catalogue(request: Request) -> HTMLResponse:
    book = service_of(request).rules
    rows = [{"id": loaded.rule.id, "title": loaded.rule.titel.sv, "severity": loaded.rule.allvarlighet,
             "kind": KIND_SV[loaded.rule.slag], "acts": _acts(loaded.rule, book),
             "pack": book.packs[loaded.pack].titel.sv if loaded.pack in book.packs else loaded.pack}
            for loaded in sorted(book.rules, key=lambda r: r.rule.id)]
    return render(request, "rules.html.j2", rows=rows)


def _param(value: object) -> str:
    if isinstance(value, Period):
        return value.swedish()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return str(value)


def _ref(ref, book) -> dict:
    return {"citation": cite(ref, book.acts), "act": ref.forfattning, "chapter": ref.kapitel, "section": ref.paragraf,
            "paragraph": ref.stycke, "point": ref.punkt, "wording": ref.lydelse, "unverified": ref.overifierad,
            "url": section_url(ref), "act_url": ref.url}


@router.get("/regler/{rule_id}", response_class=HTMLResponse)
def rule_page(request: Request, rule_id: str) -> Response:
    book = service_of(request).rules
    ids = [loaded.rule.id for loaded in book.rules]
    if rule_id not in ids:
        if rule_id.upper() in ids:
            return RedirectResponse(f"/regler/{rule_id.upper()}", status_code=308)
        from regelkoll.web.pages import error_page

        return error_page(request, [Diagnostic("begäran", 0, 0, "RK-W072", f"'{rule_id}' är ingen regel i "
                                               "regelkatalogen", "", nearest(rule_id.upper(), ids))], 404)
    loaded = book.get(rule_id)
    rule = loaded.rule
    versions = [{"from": v.giltig_fran.isoformat(), "to": v.giltig_till.isoformat() if v.giltig_till else None,
                 "params": [(k, _param(val)) for k, val in v.parametrar.items()], "note": v.anteckning,
                 "refs": [_ref(r, book) for r in v.lagrum], "exempt_refs": [_ref(r, book) for r in v.undantag_lagrum]}
                for v in rule.versioner]
    said = dict(OUTCOME_SV, overtradelse="bör utredas") if rule.slag == "indikator" else OUTCOME_SV
    examples = [{"name": e.namn, "day": e.per_datum.isoformat(), "expected": said[e.forvantat],
                 "subject": e.subjekt} for e in rule.exempel]
    violated = [("saknas: " if p.saknas else "") + (p.beskrivning or p.typ) for p in rule.overtradelse_nar]
    if rule.overtradelse_dar:
        violated.insert(0, rule.overtradelse_dar.beskrivning)
    line, _ = loaded.where()
    return render(request, "rule.html.j2", rule=rule, versions=versions, examples=examples,
                  applies=[p.beskrivning for p in rule.tillamplig_nar if p.beskrivning], violated=violated,
                  exemptions=[(e.beskrivning.sv, [_ref(r, book) for r in e.lagrum]) for e in rule.undantag],
                  doubts=[(d.beskrivning.sv, d.begaran.sv if d.begaran else None) for d in rule.bedoms_inte_nar],
                  pack=book.packs[loaded.pack].titel.sv if loaded.pack in book.packs else loaded.pack,
                  where=f"{loaded.file}:{line}", severity=SEVERITY_SV[rule.allvarlighet], kind=KIND_SV[rule.slag],
                  scenarios=scenarios_naming(rule.id), have_features=features_folder() is not None)
