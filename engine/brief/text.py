"""The brief as plain Swedish text, for the terminal and for pasting into a case file."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from regelkoll.output import printable
from regelkoll.report.text import SEVERITY_SV, _basis, _evidence, acts_lines

YES_NO = {True: "ja", False: "nej", None: "uppgift saknas"}
ONGOING = {True: " (pågår)", False: "", None: " (okänt om det pågår)"}


def _header(doc: dict[str, Any]) -> list[str]:
    f = doc["facility"]
    run = doc["run"]
    out = [f"Inför besök: {f['namn']} [{f['id']}]", f"Underlag per {run['as_of']} · data: {run['source']}"]
    if run["personal_data"] == "masked":
        out.append("Personnummer är maskerade (visa med --show-personal-data).")
    if f.get("fore_start"):
        out.append(f"Obs: bedömningsdagen ligger före verksamhetens start ({f['fore_start']}).")
    if not f["las"]:
        return out + ["Verksamhetens egen post kunde inte läsas; se felen nedan."]
    out += ["", "VERKSAMHETEN", f"  {f['typ']}" + (f", {f['kommun']}" if f["kommun"] else "")
            + (f", startade {f['startdatum']}" if f["startdatum"] else "")
            + (f", upphörde {f['upphorde']}" if f["upphorde"] else "") + f", tar emot barn: {YES_NO[f['tar_emot_barn']]}"]
    if f["kalla"]:
        out.append(f"  källa: {f['kalla']}")
    owner = f["huvudman"]
    if owner:
        number = f", {owner['organisationsnummer']}" if owner["organisationsnummer"] else ""
        out.append(f"  Huvudman: {owner['namn']}{number} ({owner['regi']} regi)")
        for officer in owner["foretradare"]:
            out.append(f"    {officer['roll']}: {officer['namn']}" + (f" sedan {officer['fran']}" if officer["fran"] else ""))
    if not f["tillstand"]:
        out.append("  Tillstånd: inget i underlaget")
    for t in f["tillstand"]:
        ages = f", ålder {t['alder_fran'] if t['alder_fran'] is not None else '?'}–" \
               f"{t['alder_till'] if t['alder_till'] is not None else '?'}" \
            if t["alder_fran"] is not None or t["alder_till"] is not None else ""
        places = f", {t['platser']} platser" if t["platser"] is not None else ""
        groups = f", målgrupp: {', '.join(t['malgrupper'])}" if t["malgrupper"] else ""
        history = ", ".join(f"{s['status']} från {s['fran']}" for s in t["status"])
        out.append(f"  Tillstånd {t['id']} (beslut {t['beslutsdatum']}): {t['verksamhetstyp']}{groups}{ages}{places}")
        out.append(f"    status på dagen: {t['status_pa_dagen']} ({history})")
        for condition in t["villkor"]:
            out.append(f"    villkor: {condition}")
        if t["kalla"]:
            out.append(f"    källa: {t['kalla']}")
    managers = ", ".join(f"{m['roll']} {m['namn']} sedan {m['start']}" for m in f["ledning"])
    out.append(f"  Ledning: {managers or 'ingen föreståndare eller verksamhetschef i underlaget på dagen'}")
    staff = f["personal"]
    forms = ", ".join(f"{n} {form}" for form, n in staff["per_form"].items())
    out.append(f"  Personal på dagen: {staff['personer']} personer" + (f" ({forms})" if forms else ""))
    if f["placerade"] or f["belaggning"]:
        occupancy = f["belaggning"]
        out.append(f"  Placerade på dagen: {f['placerade']}" + (
            f"; senast kända beläggning {occupancy['antal']} ({occupancy['datum']})" if occupancy else ""))
    return out


def _summary(doc: dict[str, Any]) -> list[str]:
    s = doc["summary"]
    v = s["overtradelser"]
    return ["", "SAMMANFATTNING",
            f"  Överträdelser: {v['totalt']} (allvarliga {v['allvarlig']}, betydande {v['betydande']}, "
            f"mindre {v['mindre']})",
            f"  Bör utredas: {s['bor_utredas']}",
            f"  Kunde inte bedömas: {s['kunde_inte_bedomas']}; att begära in eller fråga om vid besöket: "
            f"{s['att_begara']}",
            f"  Uppfyllda krav: {s['uppfyllda']}"]


def _finding(item: dict[str, Any], label: str) -> list[str]:
    where = "" if item["facility_id"] == item.get("_facility") else f" (gäller {item['facility_name']})"
    caveats = [f"    Obs: {text}" for text in item["missing"]] if item["outcome"] == "indication" else []
    return [f"  [{label}] {item['rule_id']} {item['title']['sv']}{where}", f"    {item['message']['sv']}", *caveats,
            f"    Lagrum: {_basis(item)}", "    Underlag:", *_evidence(item)]


def _conflict(doc: dict[str, Any]) -> list[str]:
    c = doc["conflict"]
    if c is None:
        return []
    out = ["", f"JÄV ({c['lagrum']['citation']})"]
    if c["fynd"]:
        out.append("  Inspektören förekommer i underlaget om verksamheten eller huvudmannen; överväg att lämna "
                   "ärendet till en annan inspektör:")
        for hit in c["fynd"]:
            out.append(f"  ! {hit['grund']}" + ONGOING[hit["pagar"]])
            if hit["kalla"]:
                out.append(f"      källa: {hit['kalla']}")
    else:
        out.append("  Inspektören förekommer inte i underlaget om verksamheten eller huvudmannen.")
    if c["kan_inte_uteslutas"]:
        out.append("  Kan inte uteslutas (personer i underlaget som inte kunde identifieras säkert): "
                   + ", ".join(c["kan_inte_uteslutas"]))
    out.append("  Prövningen omfattar bara uppgifterna i datamängden.")
    return out


def render_brief_text(doc: dict[str, Any]) -> str:
    out = _header(doc) + _summary(doc) + _conflict(doc)
    fid = doc["facility"]["id"]
    out += ["", "ÖVERTRÄDELSER"]
    if not doc["violations"]:
        out.append("  Inga överträdelser i underlaget.")
    for item in doc["violations"]:
        out += _finding({**item, "_facility": fid}, SEVERITY_SV[item["severity"]])
    if doc["indications"]:
        out += ["", "BÖR UTREDAS (indikatorer, inte konstaterade överträdelser)"]
        for item in doc["indications"]:
            out += _finding({**item, "_facility": fid}, "BÖR UTREDAS")
    out += ["", "ATT BEGÄRA IN / FRÅGA OM VID BESÖKET"]
    if not doc["requests"]:
        out.append("  Inget: alla krav kunde bedömas med underlaget.")
    for group, requests in groupby(doc["requests"], key=lambda r: r["group"]):
        out.append(f"  {group}")
        for r in requests:
            out.append(f"  [ ] {r['text']}")
            out.append(f"      gäller: {'; '.join(r['about'])} ({', '.join(r['rules'])})")
            for ground in r["grounds"]:
                out.append(f"      varför: {ground}")
            for source in r["sources"]:
                out.append(f"      källa: {source}")
    if doc["errors"] or doc["notices"]:
        out += ["", "UNDERLAGETS KVALITET (hela datamängden)"]
        out += [f"  ! {_line(e)}" for e in doc["errors"]]
        out += [f"  i {_line(n)}" for n in doc["notices"]]
    out += acts_lines(doc["run"], doc["violations"] + doc["indications"])
    return "\n".join(map(printable, out)) + "\n"


def _line(err: dict[str, Any]) -> str:
    if err["kind"] == "facility":
        return f"verksamhet {err['facility_id']}: {err['message']}"
    where = err["file"] + (f":{err['line']}" if err["line"] else "")
    return f"{where}: {err['code']}: {err['field'] + ': ' if err['field'] else ''}{err['message']}"
