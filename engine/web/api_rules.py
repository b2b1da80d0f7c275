"""The API's rule catalogue: every rule in short, and one rule's whole definition with its legal basis cited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.web.api_models import RuleDetail, Rules, RuleSummary
from regelkoll.web.errors import WHERE

router = APIRouter()


def _book(request: Request):
    return request.app.state.service.rules


def _act(loaded, book) -> str:
    from regelkoll.report.citation import short_name

    newest = loaded.rule.versioner[-1]
    return short_name(newest.lagrum[0].forfattning, book.acts, book.abbreviations)


@router.get("/regler", summary="Regelkatalogen", response_model=Rules,
            description="Varje regel i serverns regelbok (tillsyn och ansökningar): id, titel, allvarlighet, "
                        "författningen den främst bygger på och versionernas första giltighetsdag.")
def rules(request: Request) -> Rules:
    book = _book(request)
    return Rules(regler=[RuleSummary(id=r.rule.id, title=r.rule.titel.sv, severity=r.rule.allvarlighet,
                                     act=_act(r, book), versions=[v.giltig_fran.isoformat() for v in r.rule.versioner])
                         for r in sorted(book.rules, key=lambda r: r.rule.id)])


@router.get("/regler/{id}", summary="En regel", response_model=RuleDetail,
            description="Regelns hela definition: versioner med giltighet, parametrar och lagrum (citerat i sin "
                        "helhet och i kort form, med länk till paragrafen), undantag, när den inte kan bedömas, "
                        "meddelandet och exemplen. `definition` är regeln som den står i regelfilen. Ett okänt id "
                        "ger 404 (RK-W052) med de närmaste.")
def rule(id: str, request: Request) -> RuleDetail:
    from regelkoll.triage.selection import nearest

    book = _book(request)
    found = {r.rule.id: r for r in book.rules}
    if id not in found:
        raise DiagnosticError([Diagnostic(WHERE, 0, 0, "RK-W052", f"regeln '{id}' finns inte", "id",
                                          nearest(id.upper(), sorted(found)))])
    return detail(found[id], book, request.app.state.service.rules_path)


def detail(loaded, book, root: str) -> RuleDetail:
    from regelkoll.report.citation import to_json

    rule = loaded.rule
    written = rule.model_dump(mode="json", exclude_none=True)

    def cited(refs) -> list[dict[str, Any]]:
        return [to_json(ref, book.acts, book.abbreviations) for ref in refs]

    versions = [{"valid_from": v.giltig_fran.isoformat(), "valid_to": v.giltig_till.isoformat() if v.giltig_till
                 else None, "legal_basis": cited(v.lagrum), "exemption_legal_basis": cited(v.undantag_lagrum),
                 "parameters": dumped.get("parametrar", {}), "note": v.anteckning, "gap_before": v.lucka_fore}
                for v, dumped in zip(rule.versioner, written["versioner"])]
    exemptions = [{"description": e.beskrivning.model_dump(mode="json", exclude_none=True),
                   "legal_basis": cited(e.lagrum)} for e in rule.undantag]
    doubts = [{"description": d.beskrivning.model_dump(mode="json", exclude_none=True),
               "request": d.begaran.model_dump(mode="json", exclude_none=True) if d.begaran else None}
              for d in rule.bedoms_inte_nar]
    examples = [{"name": e["namn"], "as_of": e["per_datum"], "expected": e["forvantat"], "subject": e.get("subjekt"),
                 "version_from": e.get("version_fran"), "facts": e["fakta"]} for e in written["exempel"]]
    return RuleDetail(id=rule.id, title=written["titel"], severity=rule.allvarlighet, kind=rule.slag,
                      about=rule.avser, pack=loaded.pack, file=_relative(loaded.file, root),
                      message=written["meddelande"], notes=rule.anteckningar, versions=versions,
                      exemptions=exemptions, undetermined_when=doubts, examples=examples, definition=written)


def _relative(file: str, root: str) -> str:
    """The rule file as the catalogue names it: never the server's own folders."""
    try:
        return Path(file).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(file).name
