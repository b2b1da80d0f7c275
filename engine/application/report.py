"""The screening report: one JSON-able document, and its text and HTML renderings, in Swedish.

Sections, in the order a permit officer works: the applicant and the activity, what the applicant must
complete ("Komplettering begärs", each item with its provision), whether the activity needs a licence at
all, whether target group and ages fit the kind of activity, the people who should be looked into ("Bör
utredas", with grounds and the source of each fact), and what could not be assessed and why. Masking is done
once, on the finished document, as in the check report.
"""

from __future__ import annotations

import html
from typing import Any

from regelkoll.application.read import PersonEntry
from regelkoll.application.screen import Screening
from regelkoll.codes import is_notice
from regelkoll.facts.describe import ROLL_SV, TYPE_SV
from regelkoll.facts.identity import mask
from regelkoll.personal_data import mask_all
from regelkoll.report.citation import act_table, acts_cited, capitalised, cite, cite_short
from regelkoll.report.document import finding_json
from regelkoll.report.html import css_string, running_title
from regelkoll.version import package_version

_TILLSTAND = "AN-TILL-"
_COHERENCE = ("AN-ALDER-", "AN-BARN-")
_FORM_SV = {"ny": "nytt tillstånd", "andring": "ändring av tillstånd"}
_TYPE_SV = {**TYPE_SV, "lss_radgivning": "LSS råd och stöd (9 § 1)", "socialnamnd": "socialnämnd"}


def _section(rule_id: str, kind: str) -> str:
    if kind == "indikator":
        return "bor_utredas"
    if rule_id.startswith(_TILLSTAND):
        return "tillstandsplikt"
    if rule_id.startswith(_COHERENCE):
        return "malgrupp_och_alder"
    return "komplettering"


def _person(entry: PersonEntry | None, show: bool) -> dict[str, Any] | None:
    if entry is None:
        return None
    number = entry.personnummer
    return {"namn": entry.namn, "roll": ROLL_SV.get(entry.roll, entry.roll),
            "personnummer": (number if show else mask(number)) if number else None,
            "fodelsedatum": entry.fodelsedatum, "rad": entry.line, "i_underlaget": entry.in_data,
            "person_id": entry.person, "koppling": entry.link, "lasbar": not entry.unreadable}


def _header(screening: Screening, show: bool) -> dict[str, Any]:
    app = screening.application
    doc = app.document
    out: dict[str, Any] = {"id": app.id, "fil": app.file, "lasbar": doc is not None}
    if doc is not None:
        v, s = doc.verksamhet, doc.sokande
        out.update({
            "avser": _FORM_SV[doc.avser], "andringar": doc.andringar,
            "inkom": doc.inkom.isoformat() if doc.inkom else None,
            "sokande": {"namn": s.namn, "organisationsnummer": s.organisationsnummer,
                        "organisationsform": s.organisationsform, "firmatecknare": s.firmatecknare,
                        "bolagsordning_bifogad": s.bolagsordning_bifogad, "i_underlaget": app.applicant_in_data},
            "verksamhet": {"typ": v.typ, "typ_sv": _TYPE_SV.get(v.typ, v.typ) if v.typ else None, "namn": v.namn,
                           "kommun": v.kommun, "malgrupper": v.malgrupper, "lss_personkrets": v.lss_personkrets,
                           "alder_fran": v.alder_fran, "alder_till": v.alder_till, "platser": v.platser,
                           "riktar_sig_till_barn": v.riktar_sig_till_barn, "finansiering": v.finansiering,
                           "ritningar_bifogade": v.lokaler.ritningar_bifogade,
                           "brandskydd_beskrivet": v.lokaler.brandskydd_beskrivet,
                           "lagenheter": len(v.lagenheter)},
            "personal": [p.model_dump(mode="json") for p in doc.personal],
            "underskrift": doc.underskrift.model_dump(mode="json") if doc.underskrift else None,
        })
        if doc.forestandare is not None:
            out["forestandare_kompetens"] = {
                "utbildning": [u.model_dump(mode="json") for u in doc.forestandare.utbildning],
                "erfarenhet": doc.forestandare.erfarenhet, "erfarenhet_ar": doc.forestandare.erfarenhet_ar,
                "tjanstgoringsgrad": doc.forestandare.tjanstgoringsgrad}
    out["personkrets"] = [_person(p, show) for p in app.circle]
    out["forestandare"] = _person(app.manager, show)
    return out


def _item(item: dict[str, Any], screening: Screening) -> dict[str, Any]:
    loaded = screening.rules.get(item["rule_id"])
    condition = loaded.rule.overtradelse_dar
    version = loaded.rule.versioner[0]
    for v in loaded.rule.versioner:
        if item["rule_version"] == v.giltig_fran.isoformat():
            version = v
    return {"regel": item["rule_id"], "titel": item["title"]["sv"], "utfall": item["outcome_sv"],
            "uppgift": condition.beskrivning if condition is not None else "",
            "lagrum": [cite(ref, screening.rules.acts) + (" (overifierat)" if ref.overifierad else "")
                       for ref in version.lagrum],
            "lagrum_kort": [cite_short(ref, screening.rules.acts, screening.rules.abbreviations)
                            + (" (overifierat)" if ref.overifierad else "") for ref in version.lagrum],
            "meddelande": item["message"]["sv"], "subjekt": item["subject"]["label"],
            "bevis": [{"typ": e["kind"], "id": e["id"], "falt": e["fields"], "kalla": e["source"],
                       "koppling": e["link"]} for e in item["evidence"]],
            "saknas": item["missing"]}


def build(screening: Screening, *, show_personal_data: bool = False) -> dict[str, Any]:
    show = show_personal_data
    app = screening.application
    names = {**screening.data_names, app.id: (app.document.sokande.namn if app.document else None) or app.id}
    findings = sorted((finding_json(f, screening.rules, names, show) for f in screening.findings),
                      key=lambda f: (f["rule_id"], f["subject"]["kind"], f["subject"]["id"]))
    sections: dict[str, list[dict[str, Any]]] = {"komplettering": [], "tillstandsplikt": [],
                                                 "malgrupp_och_alder": [], "bor_utredas": []}
    unknown: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    licence = "kunde inte bedömas"
    for item in findings:
        section = _section(item["rule_id"], item["kind"])
        if section == "tillstandsplikt" and item["outcome"] == "pass":
            licence = "ja"
        if item["outcome"] in ("violation", "indication"):
            sections[section].append(_item(item, screening))
            if section == "tillstandsplikt":
                licence = "nej"
        elif item["outcome"] == "undetermined":
            # one unreadable part leaves many rules open for one reason: said once, with the rules it leaves open
            unknown.setdefault((item["subject"]["label"], tuple(item["missing"])), []).append(item["rule_id"])
    undetermined = [{"subjekt": subject, "varfor": list(why), "regler": rules}
                    for (subject, why), rules in sorted(unknown.items())]
    # without a data set every suitability rule "passes": that is nothing looked at, not nothing found (a rule
    # that does not apply, e.g. to activity that needs no licence, is not left open)
    suitability = sorted({f["rule_id"] for f in findings if f["kind"] == "indikator"
                          and f["outcome"] != "not_applicable"})
    if app.readable and not screening.data_source and suitability:
        undetermined.append({"subjekt": "sökanden och ägar- och ledningskretsen",
                             "varfor": ["inget underlag gavs (--data): domar, ekonomiska anmärkningar, roller i "
                                        "andra bolag, legitimationer och sökandens tidigare tillstånd kunde inte "
                                        "sökas"], "regler": suitability})
    diagnostics = sorted(app.diagnostics) + sorted(screening.data_diagnostics)
    errors = [d.to_json(personal_data=True) for d in diagnostics if not is_notice(d.code)]
    notices = [d.to_json(personal_data=True) for d in diagnostics if is_notice(d.code)]
    if not app.readable:
        undetermined.insert(0, {"subjekt": app.file, "varfor": ["ansökan kunde inte läsas; ingenting granskades"],
                                "regler": []})
    flagged = any(sections.values()) or bool(undetermined)
    status = 2 if errors else 1 if flagged else 0
    counts = {"komplettering": len(sections["komplettering"]), "bor_utredas": len(sections["bor_utredas"]),
              "malgrupp_och_alder": len(sections["malgrupp_och_alder"]), "kunde_inte_bedomas": len(undetermined),
              "fel": len(errors)}
    document = {
        "run": {"tool": "regelkoll", "tool_version": package_version("regelkoll"), "command": "ansokan",
                "application": app.file, "data": screening.data_source, "as_of": screening.as_of.isoformat(),
                "rules_digest": screening.rules.digest, "rules": sorted(r.rule.id for r in screening.rules.rules),
                "personal_data": "shown" if show else "masked", "counts": counts, "status": status},
        "ansokan": _header(screening, show),
        **{key: value for key, value in sections.items() if key != "tillstandsplikt"},
        "tillstandsplikt": {"tillstandspliktig": licence, "fynd": sections["tillstandsplikt"]},
        "kunde_inte_bedomas": undetermined,
        # each act the sections cite, once with its full title; the sections cite it by `lagrum_kort`
        "forfattningar": acts_cited([f for f in findings if f["outcome"] in ("violation", "indication")],
                                    act_table(screening.rules)),
        "errors": errors,
        "notices": notices,
        "findings": findings,
    }
    return document if show else mask_all(document, keep=frozenset({"rules_digest"}))


def _text_lines(doc: dict[str, Any], *, acts: bool = True) -> list[str]:
    a, run = doc["ansokan"], doc["run"]
    out = [f"Granskning av ansökan om tillstånd: {a['fil']}", f"Bedömd per {run['as_of']}"
           + (f" med underlag från {run['data']}" if run["data"] else " utan underlag (--data)"), ""]
    out.append("Sökande")
    if a["lasbar"]:
        s, v = a["sokande"], a["verksamhet"]
        out += [f"  {s['namn'] or '(namn saknas)'}, {s['organisationsnummer'] or '(organisationsnummer saknas)'}"
                f", {(s['organisationsform'] or 'form ej angiven').replace('_', ' ')}"
                + (f"; finns i underlaget ({s['i_underlaget']})" if s["i_underlaget"] else ""),
                f"  Ansökan avser: {a['avser']}" + (f" (inkom {a['inkom']})" if a["inkom"] else ""),
                "", "Verksamhet",
                f"  {v['typ_sv'] or '(verksamhetstyp saknas)'}" + (f": {v['namn']}" if v["namn"] else ""),
                f"  Målgrupp: {', '.join(m.replace('_', ' ') for m in v['malgrupper']) or '-'}; ålder "
                f"{v['alder_fran'] if v['alder_fran'] is not None else '?'}–"
                f"{v['alder_till'] if v['alder_till'] is not None else '?'} år; platser "
                f"{v['platser'] if v['platser'] is not None else '-'}; riktar sig till barn: "
                f"{ {True: 'ja', False: 'nej', None: 'ej angivet'}[v['riktar_sig_till_barn']] }"]
    else:
        out.append("  Ansökans egna uppgifter kunde inte läsas (se Fel).")
    m = a["forestandare"]
    out += ["", "Föreslagen föreståndare",
            f"  {_who(m)}" if m else "  (ingen angiven)", "", "Ägar- och ledningskrets"]
    out += [f"  {_who(p)}" for p in a["personkrets"]] or ["  (ingen angiven)"]
    out += ["", f"Komplettering begärs ({len(doc['komplettering'])})"]
    for item in doc["komplettering"]:
        out += [f"  [{item['regel']}] {item['uppgift'][:1].upper()}{item['uppgift'][1:]}",
                f"      Lagrum: {'; '.join(item['lagrum_kort'])}"]
    if not doc["komplettering"]:
        open_ = any(_section(r, "") == "komplettering" for u in doc["kunde_inte_bedomas"] for r in u["regler"])
        out.append("  Inget att komplettera bland det som kunde bedömas; se Kunde inte bedömas." if open_
                   else "  Inget att komplettera.")
    t = doc["tillstandsplikt"]
    out += ["", f"Tillståndspliktig verksamhet? {t['tillstandspliktig']}"]
    for item in t["fynd"]:
        out += [f"  [{item['regel']}] {item['meddelande']}", f"      Lagrum: {'; '.join(item['lagrum_kort'])}"]
    out += ["", f"Målgrupp och ålder ({len(doc['malgrupp_och_alder'])})"]
    for item in doc["malgrupp_och_alder"]:
        out += [f"  [{item['regel']}] {item['meddelande']}", f"      Lagrum: {'; '.join(item['lagrum_kort'])}"]
    if not doc["malgrupp_och_alder"]:
        out.append("  Inget att anmärka.")
    out += ["", f"Bör utredas ({len(doc['bor_utredas'])})"]
    for item in doc["bor_utredas"]:
        out.append(f"  [{item['regel']}] {item['meddelande']}")
        out.append(f"      Lagrum: {'; '.join(item['lagrum_kort'])}")
        for e in item["bevis"]:
            if e["typ"] in ("kontext", "ansokan", "kretsperson"):
                continue
            where = f" – källa {e['kalla']}" if e["kalla"] else ""
            link = f" ({e['koppling']})" if e["koppling"] else ""
            out.append(f"      {e['typ']} {e['id']}{where}{link}")
    if not doc["bor_utredas"]:
        open_ = any(r.startswith(("AN-LAMP-", "AN-SOK-")) for u in doc["kunde_inte_bedomas"] for r in u["regler"])
        if doc["run"]["data"]:
            out.append("  Inga tecken i underlaget.")
        else:
            out.append("  Inget underlag gavs (--data); se Kunde inte bedömas." if open_
                       else "  Inget underlag gavs (--data), men ingen lämplighetsregel är tillämplig.")
    out += ["", f"Kunde inte bedömas ({len(doc['kunde_inte_bedomas'])})"]
    for item in doc["kunde_inte_bedomas"]:
        rules = item["regler"]
        shown = ", ".join(rules) if len(rules) <= 6 else f"{len(rules)} regler: {', '.join(rules[:4])} …"
        out.append(f"  {item['subjekt']}" + (f" [{shown}]" if rules else ""))
        out += [f"      {why}" for why in item["varfor"]]
    if doc["errors"] or doc["notices"]:
        out += ["", "Fel och upplysningar"]
        out += [f"  {_diag(d)}" for d in doc["errors"] + doc["notices"]]
    out += ["", f"Slutstatus {run['status']}: " + {0: "komplett, inget att utreda", 1: "komplettering, utredning "
                                                   "eller bedömning behövs", 2: "fel i indata"}[run["status"]]]
    if acts and doc["forfattningar"]:
        out += ["", "Författningar (lagrummen ovan hänvisar hit)"]
        out += [f"  {a['short']}: {capitalised(a['title'])} – {a['url']}" for a in doc["forfattningar"]]
    return out


def _who(p: dict[str, Any]) -> str:
    ident = p["personnummer"] or (f"född {p['fodelsedatum']}" if p["fodelsedatum"] else "identitet saknas")
    extra = "" if p["lasbar"] else " – kunde inte läsas"
    found = f"; {p['koppling']}" if p["koppling"] else ("; finns i underlaget" if p["i_underlaget"] else "")
    return f"{p['namn']} ({ident}), {p['roll']}{found}{extra}"


def _diag(d: dict[str, Any]) -> str:
    where = d["file"] + (f":{d['line']}" if d["line"] else "")
    return f"{where}: {d['code']}: " + (f"{d['field']}: " if d["field"] else "") + d["message"] + (
        f" ({d['hint']})" if d["hint"] else "")


def render_text(doc: dict[str, Any]) -> str:
    return "\n".join(_text_lines(doc)) + "\n"


def render_html(doc: dict[str, Any]) -> str:
    """The text report's sections as a printable HTML page (headings and lists; no scripts).

    Printed on A4, each page has the application's file and the day at the top and "sida x av y" at the foot
    (CSS page-margin boxes); a heading is kept with its first item, as one block that may not break."""
    lines = _text_lines(doc, acts=False)
    sections: list[tuple[str, list[tuple[str, list[str]]]]] = []  # heading, items with their sub-lines
    for line in lines:
        if not line:
            continue
        if not line.startswith(" "):
            sections.append((line, []))
        elif line.startswith("      ") and sections[-1][1]:
            sections[-1][1][-1][1].append(line.strip())
        else:
            sections[-1][1].append((line.strip(), []))
    body = []
    for n, (heading, items) in enumerate(sections):
        tag = "h1" if n == 0 else "p" if heading.startswith(("Bedömd", "Slutstatus")) else "h2"
        rendered = [f'<li class="item">{html.escape(text)}'
                    + "".join(f'<br><span class="sub">{html.escape(sub)}</span>' for sub in subs) + "</li>"
                    for text, subs in items]
        if tag != "h2" or not rendered:
            body.append(f"<{tag}>{html.escape(heading)}</{tag}>")
            if rendered:
                body.append("<ul>" + "".join(rendered) + "</ul>")
            continue
        body.append(f'<div class="keep"><h2>{html.escape(heading)}</h2><ul>{rendered[0]}</ul></div>')
        if len(rendered) > 1:
            body.append("<ul>" + "\n".join(rendered[1:]) + "</ul>")
    if doc["forfattningar"]:
        rows = "".join(f"<tr><td>{html.escape(a['short'])}</td><td><a href=\"{html.escape(a['url'])}\">"
                       f"{html.escape(capitalised(a['title']))}</a></td></tr>" for a in doc["forfattningar"])
        body.append('<div class="keep"><h2>Författningar</h2><p class="sub">Lagrummen ovan nämner författningarna '
                    'med de korta namnen till vänster.</p></div>'
                    f'<table class="acts"><tr><th>Kort namn</th><th>Författning</th></tr>{rows}</table>')
    header, day = css_string(f"Granskning av ansökan: {running_title(doc['ansokan']['fil'])}"), css_string(
        f"bedömd per {doc['run']['as_of']}")
    margin = "font: 8.5pt system-ui, Arial, sans-serif; color: #444;"
    style = ("@page{size:A4;margin:20mm 16mm 18mm 16mm;"
             f"@top-left{{content:{header};{margin}}}@top-right{{content:{day};{margin}}}"
             f'@bottom-left{{content:"Regelkoll";{margin}}}'
             f'@bottom-right{{content:"sida " counter(page) " av " counter(pages);{margin}}}}}'
             "body{font-family:system-ui,Arial,sans-serif;max-width:50em;margin:2em auto;overflow-wrap:anywhere}"
             "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}"
             "h1{font-size:1.45em;overflow-wrap:break-word}"
             "h2{font-size:1.2em;border-bottom:2px solid #333;break-after:avoid;margin:1.4em 0 .4em}"
             ".keep,li{break-inside:avoid}.keep ul{margin-bottom:0}.keep+ul{margin-top:0}"
             ".sub{color:#444;font-size:.92em}ul{padding-left:1.3em}li{margin:.25em 0}"
             "table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.2em .45em;"
             "text-align:left;vertical-align:top}.acts td:first-child{white-space:nowrap;font-weight:bold}")
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Granskning av ansökan"
            f"</title><style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
