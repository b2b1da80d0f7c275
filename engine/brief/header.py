"""What the data says about the facility on the day: operator, licences, manager, staff and residents."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.describe import FORM_SV, ROLL_SV, STATUS_SV, TYPE_SV
from regelkoll.facts.scope import FacilityFacts

MANAGER_ROLES = ("forestandare", "verksamhetschef")


def on_day(day: date, start: date | None, end: date | None) -> bool:
    """Whether `day` falls in [start, end]; a missing end has not happened yet."""
    return start is not None and start <= day and (end is None or day <= end)


def _source(scope: FacilityFacts, kind: str, fact_id: str) -> str:
    return scope.provenance.get((kind, fact_id), ("", ""))[0]


def _name(bundle: FactBundle, person_id: str) -> str:
    person = bundle.get("person", person_id)
    return person.namn if person is not None else person_id


def _licences(bundle: FactBundle, scope: FacilityFacts, facility_id: str, day: date) -> list[dict[str, Any]]:
    out = []
    for licence in sorted(bundle.of("tillstand"), key=lambda t: (t.beslutsdatum, t.id)):
        if licence.verksamhet != facility_id:
            continue
        current = [s for s in licence.status if s.fran <= day]
        out.append({
            "id": licence.id, "beslutsdatum": licence.beslutsdatum.isoformat(),
            "verksamhetstyp": TYPE_SV.get(licence.verksamhetstyp, licence.verksamhetstyp),
            "malgrupper": [m.replace("_", " ") for m in licence.malgrupper],
            "alder_fran": licence.alder_fran, "alder_till": licence.alder_till, "platser": licence.platser,
            "villkor": list(licence.villkor),
            "status": [{"status": STATUS_SV.get(s.status, s.status), "fran": s.fran.isoformat()} for s in licence.status],
            "status_pa_dagen": STATUS_SV.get(current[-1].status, current[-1].status) if current else "ännu inte beslutat",
            "kalla": _source(scope, "tillstand", licence.id),
        })
    return out


def _officers(bundle: FactBundle, operator: str, day: date) -> list[dict[str, Any]]:
    out = []
    for officer in bundle.of("foretradare"):
        if officer.organisation != operator:
            continue
        start = officer.fran or officer.uppgift_per
        if not on_day(day, start, officer.till):
            continue
        out.append({"namn": _name(bundle, officer.person), "roll": ROLL_SV.get(officer.roll, officer.roll),
                    "fran": officer.fran.isoformat() if officer.fran else None})
    return sorted(out, key=lambda o: (o["roll"], o["namn"]))


def facility_header(bundle: FactBundle, scope: FacilityFacts, facility_id: str, day: date) -> dict[str, Any]:
    home = bundle.get("verksamhet", facility_id)
    if home is None:
        raw = next((b.raw for b in bundle.broken if b.kind == "verksamhet" and b.id == facility_id), {})
        name = raw.get("namn") if isinstance(raw.get("namn"), str) else facility_id
        return {"id": facility_id, "namn": name, "las": False, "fore_start": None}
    operator = bundle.get("organisation", home.organisation)
    engagements = [f for k, f in scope.owned if k == "engagemang" and f.verksamhet == facility_id]
    current = [e for e in engagements if on_day(day, e.start, e.slut)]
    managers = [{"namn": _name(bundle, e.person), "roll": ROLL_SV.get(e.roll, e.roll), "start": e.start.isoformat(),
                 "kalla": _source(scope, "engagemang", e.id)}
                for e in sorted(current, key=lambda e: (e.start, e.id)) if e.roll in MANAGER_ROLES]
    placements = [f for k, f in scope.owned if k == "placering" and f.verksamhet == facility_id]
    occupancy = [f for k, f in scope.owned if k == "belaggning" and f.datum <= day]
    latest = max(occupancy, key=lambda b: b.datum, default=None)
    owned = Counter(kind for kind, _ in scope.owned)
    return {
        "id": home.id, "namn": home.namn, "las": True, "typ": TYPE_SV.get(home.typ, home.typ),
        "fore_start": home.startdatum.isoformat() if home.startdatum and day < home.startdatum else None,
        "kommun": home.kommun, "startdatum": home.startdatum.isoformat() if home.startdatum else None,
        "upphorde": home.upphorde.isoformat() if home.upphorde else None, "tar_emot_barn": home.tar_emot_barn,
        "kalla": _source(scope, "verksamhet", home.id),
        "huvudman": None if operator is None else {
            "id": operator.id, "namn": operator.namn, "organisationsnummer": operator.organisationsnummer,
            "regi": operator.regi, "foretradare": _officers(bundle, operator.id, day)},
        "tillstand": _licences(bundle, scope, facility_id, day),
        "ledning": managers,
        "personal": {"personer": len({e.person for e in current}), "engagemang": len(current),
                     "per_form": {FORM_SV.get(form, form): n for form, n in sorted(Counter(e.form for e in current).items())}},
        "placerade": sum(1 for p in placements if on_day(day, p.inskriven, p.utskriven)),
        "belaggning": None if latest is None else {"datum": latest.datum.isoformat(), "antal": latest.antal},
        "underlag": dict(sorted(owned.items())),
    }
