"""HOSP through Inera: saved responses of GetHospCredentialsForPerson 1.0 (manifest adapter `hosp_legitimation`).

The contract (RIV-TA infrastructure:directory:authorizationmanagement 2.4.5) carries no names and no
dates: a licence and its restrictions are as of the day of Socialstyrelsen's last disclosure to HSA.
So every legitimation read here has one status without `fran`, and `uppgift_per` is the snapshot day;
the rules that need to know since when a licence was valid (or revoked) are then undetermined, never
violated. An empty response means that the person is not in the disclosure (they may never have been
put there), not that they have no licence: their legitimation is unknown.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from regelkoll.adapters.collect import Collected, PersonRef, Unknown
from regelkoll.adapters.hosp_common import (
    PERSONNUMMER_OID,
    PRECEDENCE,
    SAMORDNINGSNUMMER_OID,
    Answer,
    child,
    child_text,
    children,
    local,
    profession,
    read_answers,
    restriction_status,
)
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.values import IdentityProblem, ValueProblem, read_identity, slug
from regelkoll.adapters.xmlsafe import place, text, validate
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.identity import mask

RESPONSE = "GetHospCredentialsForPersonResponse"
XSD = "hosp_credentials_responder_1.0.xsd"
WHAT = "HOSP-svaret (GetHospCredentialsForPerson)"


def read(source: SourceFile, out: Collected) -> None:
    read_answers(source, out, RESPONSE, _read_answer)


def digits(number: str | None) -> str | None:
    cleaned = re.sub(r"[\s-]", "", number or "")
    return cleaned if re.fullmatch(r"\d{12}", cleaned) else None


def _record_id(source: SourceFile, index: int, code: str) -> str:
    # ids are printed: never a personnummer, nor a hash of one (undone by trying every birth date); the source's
    # line in kallor.yaml, the answer's place in the file and the code make it unique
    return f"hosp-k{source.line}-{index + 1}-{slug(code)}"


def _queried_person(answer: Answer, day: date | None, source: SourceFile, out: Collected) -> PersonRef | None:
    if digits(answer.queried) is None:
        return None
    return out.person(place(answer.holder, source.display), "", answer.queried, extract_day=day, source="HOSP")


def _unknown(out: Collected, ref: PersonRef | None, diagnostic: Diagnostic, **raw) -> None:
    if ref is not None:
        out.unknown.append(Unknown("legitimation", ref, diagnostic, raw))


def _read_answer(answer: Answer, index: int, day: date | None, source: SourceFile, out: Collected) -> None:
    display = source.display
    where = place(answer.holder, display)
    response = answer.response
    # the schema requires personalIdentityNumber, but an empty response is how the service says "not found":
    # it is recognised before validation and never read as a broken answer about someone
    if response is None or (local(response) == RESPONSE and child(response, "personalIdentityNumber") is None):
        ref = _queried_person(answer, day, source, out)
        if ref is None:
            out.problem(where, "RK-K040", f"tomt HOSP-svar och {answer.queried_where} anger inget tolvsiffrigt "
                        "personnummer; det går inte att säga vem svaret gäller")
            return
        diagnostic = out.problem(where, "RK-K034", f"personen ({mask(answer.queried or '')}) finns inte i HOSP-"
                                 "utlämnandet till HSA (tomt svar); det betyder inte att personen saknar "
                                 "legitimation, bara att källan inte kan säga något om den: legitimationen kan "
                                 "inte avgöras")
        _unknown(out, ref, diagnostic)
        return
    before = len(out.diagnostics)
    if not validate(response, XSD, display, out, WHAT):
        ref = _named_person(response, answer, day, source, out, report=False)
        _unknown(out, ref, out.diagnostics[before])
        return
    ref = _named_person(response, answer, day, source, out, report=True)
    if ref is None:
        return
    if day is None:
        diagnostic = out.problem(where, "RK-K036", "HOSP-svaret säger inte vilken dag det gäller (ingen lastUpdate i "
                                 "hospUttag och inget uttagsdatum i kallor.yaml); legitimationen kan inte avgöras")
        _unknown(out, ref, diagnostic)
        return
    if text(child(response, "feignedPerson")).lower() in ("true", "1"):
        out.problem(where, "RK-K039", "HOSP anger att personen är fingerad (feignedPerson=true), alltså en "
                    "testperson; uppgifterna läses men gäller ingen verklig person", "feignedPerson")
    out.covers("legitimation", ref)
    number = digits(child_text(response, "personalIdentityNumber", "extension")) or ""
    _licences(response, ref, index, number, day, source, out)
    _specialities(response, ref, source, out)


def _named_person(response: etree._Element, answer: Answer, day: date | None, source: SourceFile, out: Collected,
                  report: bool) -> PersonRef | None:
    """The person the response is about, or None (reported) when it cannot be told or is not the one asked about.

    When the response names another person than the one asked about, the response is not used and the
    person asked about gets an unknown legitimation: data is never attributed to the wrong person.
    """
    display = source.display
    identity = child(response, "personalIdentityNumber")
    where = place(identity if identity is not None else response, display)
    written = child_text(identity, "extension")
    kind = child_text(identity, "root")
    queried = digits(answer.queried)
    if queried is not None and digits(written) != queried:
        ref = _queried_person(answer, day, source, out)
        if report:
            diagnostic = out.problem(where, "RK-K035", f"HOSP-svaret gäller {mask(written) or 'ingen angiven person'} "
                                     f"men {answer.queried_where} anger {mask(answer.queried or '')}; svaret används "
                                     "inte och den efterfrågade personens legitimation kan inte avgöras",
                                     "personalIdentityNumber")
            _unknown(out, ref, diagnostic)
            return None
        return ref
    if not report:
        return _queried_person(answer, day, source, out) if queried else _identified(written, day, source, out,
                                                                                      where)
    if kind not in (PERSONNUMMER_OID, SAMORDNINGSNUMMER_OID):
        out.problem(where, "RK-K040", f"personalIdentityNumber har root '{kind}', varken personnummer "
                    f"({PERSONNUMMER_OID}) eller samordningsnummer ({SAMORDNINGSNUMMER_OID}); svaret används inte",
                    "personalIdentityNumber")
        return None
    try:
        read_identity(written, day)
    except (IdentityProblem, ValueProblem) as exc:
        out.problem(where, "RK-K040", f"personalIdentityNumber går inte att läsa ({exc.message}); svaret "
                    "används inte", "personalIdentityNumber")
        return None
    return out.person(where, "", written, extract_day=day, source="HOSP")


def _identified(written: str, day: date | None, source: SourceFile, out: Collected, where) -> PersonRef | None:
    """The person of an invalid response, only when its number reads cleanly (else nobody is named)."""
    try:
        if read_identity(written, day).number is None:
            return None
    except (IdentityProblem, ValueProblem):
        return None
    return out.person(where, "", written, extract_day=day, source="HOSP")


def _licences(response: etree._Element, ref: PersonRef, index: int, number: str, day: date, source: SourceFile,
              out: Collected) -> None:
    display = source.display
    restrictions: dict[str, list[etree._Element]] = {}
    for restriction in children(response, "restrictions"):
        restrictions.setdefault(child_text(restriction, "healthCareProfessionalLicenceCode").upper(), []).append(
            restriction)
    licensed = set()
    for licence in children(response, "healthCareProfessionalLicence"):
        code = child_text(licence, "healthCareProfessionalLicenceCode").upper()
        licensed.add(code)
        where = place(licence, display)
        yrke = profession(code)
        if yrke is None:
            diagnostic = out.problem(where, "RK-K037", f"okänd kod '{code}' för legitimerat yrke (OID "
                                     "1.2.752.116.3.1.3); legitimationen kan inte avgöras",
                                     "healthCareProfessionalLicenceCode")
            _unknown(out, ref, diagnostic, yrke_kod=code)
            continue
        statuses = set()
        unknown_code = None
        for restriction in restrictions.get(code, []):
            restriction_code = child_text(restriction, "restrictionCode")
            status = restriction_status(restriction_code)
            if status is None:
                unknown_code = (restriction, restriction_code)
            statuses.add(status)
        if unknown_code is not None:
            diagnostic = out.problem(place(unknown_code[0], display), "RK-K037", f"okänd kod '{unknown_code[1]}' för "
                                     "behörighetsbegränsning (OID 1.2.752.116.3.1.5); legitimationen kan inte "
                                     "avgöras", "restrictionCode")
            _unknown(out, ref, diagnostic, yrke=yrke)
            continue
        status = next((s for s in PRECEDENCE if s in statuses), "giltig")
        if status == "aterkallad":
            # revoked as of the snapshot, but since when the contract does not say: as a fact it would count
            # as no valid licence on any day, also before the revocation; so it is unknown instead
            diagnostic = out.problem(where, "RK-K041", f"legitimationen som {yrke} är återkallad enligt HOSP per "
                                     f"{day.isoformat()}, men svaret säger inte sedan när; legitimationen kan inte "
                                     "avgöras för en viss dag (GetHospPersonForIVO har datum)", "restrictions")
            _unknown(out, ref, diagnostic, yrke=yrke, status=status)
            continue
        out.add("legitimation", {"id": _record_id(source, index, code), "person": ref, "yrke": yrke,
                                 "status": [{"status": status}], "uppgift_per": day}, where)
    for code, found in restrictions.items():
        if code in licensed:
            continue
        diagnostic = out.problem(place(found[0], display), "RK-K042", f"behörighetsbegränsning för yrkeskoden "
                                 f"'{code}' som svaret inte anger någon legitimation för; legitimationen kan inte "
                                 "avgöras", "restrictions")
        _unknown(out, ref, diagnostic, yrke_kod=code)


def _specialities(response: etree._Element, ref: PersonRef, source: SourceFile, out: Collected) -> None:
    found = children(response, "healthCareProfessionalLicenceSpeciality")
    if not found:
        return
    diagnostic = out.problem(place(found[0], source.display), "RK-K038", "HOSP-svaret (GetHospCredentialsForPerson) "
                             "anger specialistbevis utan utfärdandedatum; om beviset fanns en viss dag kan inte "
                             "avgöras", "healthCareProfessionalLicenceSpeciality")
    for speciality in found:
        name = child_text(speciality, "specialityName")
        raw = {"specialitet": slug(name).replace("-", "_") if name else child_text(speciality, "specialityCode")}
        out.unknown.append(Unknown("specialistbevis", ref, diagnostic, raw))
