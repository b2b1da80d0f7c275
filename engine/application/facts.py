"""The application as the rules read it: one `ansokan` fact, with what it gives of the statute's list.

Whether an item is "given" is decided here once, from the file, so that each rule only asks whether the
item is in `innehall`: the rules stay declarative, and the reading of the file stays in one place.
"""

from __future__ import annotations

from typing import Any

from regelkoll.application.model import Ansokningsdokument
from regelkoll.facts.model import Ansokan


def _text(value: str | None) -> bool:
    return bool(value and value.strip())


def contents(doc: Ansokningsdokument, *, manager_named: bool, manager_identified: bool) -> list[str]:
    """The items of the statute's list the application gives (model.Ansokningsuppgift)."""
    v, s = doc.verksamhet, doc.sokande
    given = {
        "verksamhet": v.typ is not None,
        "huvudman": _text(s.namn) and s.organisationsnummer is not None,
        "drift_och_omfattning": _text(v.drift) and (v.platser is not None or _text(v.omfattning)),
        "malgrupp": bool(v.malgrupper or _text(v.malgrupp_beskrivning) or v.lss_personkrets),
        "barn_angivet": v.riktar_sig_till_barn is not None,
        "finansiering": _text(v.finansiering),
        "forestandare": manager_named,
        "forestandare_identitet": manager_identified,
        "personal": bool(doc.personal) and all(_text(p.utbildning) for p in doc.personal),
        "personal_erfarenhet": bool(doc.personal) and all(_text(p.erfarenhet) for p in doc.personal),
        "kompetensutveckling": _text(v.kompetensutveckling),
        "lagefterlevnad": _text(v.lagefterlevnad),
        "brukarinflytande": _text(v.brukarinflytande),
        "kontaktrutiner": _text(v.kontaktrutiner),
        "ritningar": v.lokaler.ritningar_bifogade,
        "brandskydd": v.lokaler.brandskydd_beskrivet,
        "lagenhetsforteckning": bool(v.lagenheter),
        "bolagsordning": s.bolagsordning_bifogad,
        "firmatecknare": bool(s.firmatecknare),
        "personkrets": bool(doc.personkrets),
        "underskrift": doc.underskrift is not None,
    }
    return sorted(item for item, present in given.items() if present)


def application_fact(app_id: str, fallback_name: str, doc: Ansokningsdokument, manager: Any,
                     *, manager_named: bool, organisation: str | None = None) -> Ansokan:
    v = doc.verksamhet
    identified = manager is not None and manager.person is not None
    return Ansokan(id=app_id, namn=doc.sokande.namn or fallback_name, organisation=organisation,
                   organisationsnummer=doc.sokande.organisationsnummer,
                   organisationsform=doc.sokande.organisationsform, avser=doc.avser, verksamhetstyp=v.typ,
                   alder_fran=v.alder_fran, alder_till=v.alder_till, platser=v.platser,
                   riktar_sig_till_barn=v.riktar_sig_till_barn,
                   forestandare=manager.person if identified else None,
                   innehall=contents(doc, manager_named=manager_named, manager_identified=identified))
