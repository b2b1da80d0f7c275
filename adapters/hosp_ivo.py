"""HOSP from Socialstyrelsen: saved GetHospPersonForIVO 2.0 responses (manifest adapter `hosp_ivo`).

The contract IVO has under förordning (2006:196) 6 §: names, birth date, and for each licence the day
it was granted, whether it is valid, and its restrictions with dates. So the status history is dated:
valid from legitimationsDatum, on probation from fromDatum to tomDatum (valid again the day after),
revoked from fromDatum. What cannot be dated is not guessed: a licence marked not valid without a dated
revocation is unknown, never revoked on some invented day. The published XSD was not available; the
schema in adapters/xsd/ is derived from the TKB 2.0 and this module checks what it needs itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lxml import etree

from regelkoll.adapters.collect import Collected, PersonRef, Unknown
from regelkoll.adapters.hosp_common import (
    PRECEDENCE,
    Answer,
    child,
    child_text,
    children,
    local,
    profession,
    read_answers,
    restriction_status,
)
from regelkoll.adapters.hosp_credentials import digits
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.values import ValueProblem, parse_date, slug
from regelkoll.adapters.xmlsafe import place, text, validate
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.identity import mask

RESPONSE = "GetHospPersonForIvoResponse"
XSD = "hosp_ivo_responder_2.0.xsd"
WHAT = "HOSP-svaret (GetHospPersonForIVO)"
PROTECTED = "(skyddad identitet)"


@dataclass
class _Restriction:
    status: str
    fran: date
    tom: date | None


class _Undated(Exception):
    def __init__(self, element: etree._Element, message: str, field: str = ""):
        super().__init__(message)
        self.element, self.message, self.field = element, message, field


def read(source: SourceFile, out: Collected) -> None:
    read_answers(source, out, RESPONSE, _read_answer)


def _unknown_both(out: Collected, ref: PersonRef, diagnostic: Diagnostic) -> None:
    out.unknown.append(Unknown("legitimation", ref, diagnostic))
    out.unknown.append(Unknown("specialistbevis", ref, diagnostic))


def _read_answer(answer: Answer, index: int, day: date | None, source: SourceFile, out: Collected) -> None:
    display = source.display
    where = place(answer.holder, display)
    response = answer.response
    queried = digits(answer.queried)
    people = children(response, "hospPerson") if response is not None and local(response) == RESPONSE else None
    if people == [] or response is None:
        if queried is None:
            out.problem(where, "RK-K040", f"tomt HOSP-svar och {answer.queried_where} anger inget tolvsiffrigt "
                        "personnummer; det går inte att säga vem svaret gäller")
            return
        ref = out.person(where, "", answer.queried, extract_day=day, source="HOSP")
        diagnostic = out.problem(where, "RK-K034", f"personen ({mask(answer.queried or '')}) finns inte i HOSP-"
                                 "svaret (tomt svar); det betyder inte att personen saknar legitimation, bara att "
                                 "källan inte kan säga något om den: legitimationen kan inte avgöras")
        _unknown_both(out, ref, diagnostic)
        return
    before = len(out.diagnostics)
    if not validate(response, XSD, display, out, WHAT):
        # nothing in an answer that breaks the schema is trusted; the people it names are unknown, not absent
        for person in people or []:
            number = child_text(person, "personId", "extension") or (answer.queried if len(people) == 1 else "")
            if digits(number):
                _unknown_both(out, out.person(place(person, display), "", number, extract_day=day, source="HOSP"),
                              out.diagnostics[before])
        if not people and queried:
            _unknown_both(out, out.person(where, "", answer.queried, extract_day=day, source="HOSP"),
                          out.diagnostics[before])
        return
    for position, person in enumerate(people or [], start=1):
        _read_person(person, answer, len(people or []), f"{index + 1}.{position}", day, source, out)


def _date(element: etree._Element | None, name: str, required: bool = True) -> date | None:
    node = child(element, name)
    if node is None or not text(node):
        if required:
            raise _Undated(element, f"{name} saknas", name)
        return None
    try:
        return parse_date(text(node))
    except ValueProblem as exc:
        raise _Undated(node, exc.message, name) from None


def _read_person(person: etree._Element, answer: Answer, count: int, index: str, day: date | None,
                 source: SourceFile, out: Collected) -> None:
    display = source.display
    where = place(person, display)
    written = child_text(person, "personId", "extension")
    queried = digits(answer.queried)
    if queried is not None and written and digits(written) != queried:
        ref = out.person(place(answer.holder, display), "", answer.queried, extract_day=day, source="HOSP")
        diagnostic = out.problem(where, "RK-K035", f"HOSP-svaret gäller {mask(written)} men {answer.queried_where} "
                                 f"anger {mask(answer.queried or '')}; svaret används inte och den efterfrågade "
                                 "personens legitimation kan inte avgöras", "personId")
        _unknown_both(out, ref, diagnostic)
        return
    # an answer to a query by number is about that number, also when it leaves personId out
    number = written or (answer.queried if queried and count == 1 else None)
    protected = child_text(person, "skyddadIdentitet").lower() in ("true", "1")
    try:
        birth = _date(person, "fodelsedatum")
    except _Undated as exc:
        out.problem(place(exc.element, display), "RK-K041", f"{exc.message}; personen i HOSP-svaret läses inte",
                    exc.field)
        return
    if protected:
        namn = PROTECTED
    else:
        given = " ".join(text(n) for n in children(person, "samtligaFornamn"))
        namn = " ".join(p for p in (given, child_text(person, "mellannamn"), child_text(person, "efternamn")) if p)
    if not number and not namn:
        out.problem(where, "RK-K040", "personen i HOSP-svaret har varken personId eller namn; svaret används inte")
        return
    ref = out.person(where, namn, number, birth=birth, extract_day=day, source="HOSP", field="personId")
    licences = children(person, "legitimation")
    if protected and not licences:
        # a protected person's answer holds only id and birth date: no licence listed is no evidence of none
        diagnostic = out.problem(where, "RK-K044", "personen har skyddad identitet; HOSP lämnar bara id och "
                                 "födelsedatum, så legitimation och specialistbevis kan inte avgöras",
                                 "skyddadIdentitet")
        _unknown_both(out, ref, diagnostic)
        return
    out.covers("legitimation", ref)
    out.covers("specialistbevis", ref)
    hosp_id = child_text(person, "hospId", "extension")
    # the source's line in kallor.yaml and the person's place in it: never a personnummer, nor a hash of one
    # (ids are printed, and a hash of a number is undone by trying every birth date)
    file_tag = f"k{source.line}-{index}"
    key = f"{slug(hosp_id)}-{file_tag}" if hosp_id and len(hosp_id) <= 9 else file_tag
    for licence in licences:
        _read_licence(licence, ref, key, day, source, out)


def _read_licence(licence: etree._Element, ref: PersonRef, key: str, day: date | None, source: SourceFile,
                  out: Collected) -> None:
    display = source.display
    where = place(licence, display)
    code = child_text(licence, "legitimeratYrke", "code").upper()
    yrke = profession(code)
    if yrke is None:
        diagnostic = out.problem(where, "RK-K037", f"okänd kod '{code}' för legitimerat yrke (OID "
                                 "1.2.752.116.3.1.3); legitimationen kan inte avgöras", "legitimeratYrke")
        out.unknown.append(Unknown("legitimation", ref, diagnostic, {"yrke_kod": code}))
        _certificates(licence, ref, f"{key}-{slug(code)}", source, out)
        return
    try:
        status = _history(licence, out, display)
    except _Undated as exc:
        diagnostic = out.problem(place(exc.element, display), "RK-K041", f"legitimationens status kan inte dateras: "
                                 f"{exc.message}; legitimationen kan inte avgöras", exc.field)
        out.unknown.append(Unknown("legitimation", ref, diagnostic, {"yrke": yrke}))
    else:
        if status is not None:
            out.add("legitimation", {"id": f"hosp-{key}-{slug(code)}", "person": ref, "yrke": yrke, "status": status,
                                     "uppgift_per": day}, where)
        else:
            out.unknown.append(Unknown("legitimation", ref, out.diagnostics[-1], {"yrke": yrke}))
    _certificates(licence, ref, f"{key}-{slug(code)}", source, out)


def _history(licence: etree._Element, out: Collected, display: str) -> list[dict] | None:
    """The dated status history, or None after reporting an unknown restriction code."""
    start = _date(licence, "legitimationsDatum")
    valid_text = child_text(licence, "giltigLegitimation").lower()
    if valid_text not in ("true", "false", "1", "0"):
        raise _Undated(licence, "giltigLegitimation saknas", "giltigLegitimation")
    valid = valid_text in ("true", "1")
    restrictions = []
    for element in children(licence, "behorighetsbegransning"):
        code = child_text(element, "typAvBehorighetsbegransning", "code")
        status = restriction_status(code)
        if status is None:
            out.problem(place(element, display), "RK-K037", f"okänd kod '{code}' för behörighetsbegränsning (OID "
                        "1.2.752.116.3.1.5); legitimationen kan inte avgöras", "typAvBehorighetsbegransning")
            return None
        fran, tom = _date(element, "fromDatum"), _date(element, "tomDatum", required=False)
        if tom is not None and tom < fran:
            raise _Undated(element, f"tomDatum {tom.isoformat()} ligger före fromDatum {fran.isoformat()}", "tomDatum")
        restrictions.append(_Restriction(status, fran, tom))
    revoked = [r for r in restrictions if r.status == "aterkallad" and r.tom is None]
    if not valid and not revoked:
        raise _Undated(licence, "giltigLegitimation är false men svaret har inget daterat beslut om återkallelse "
                                "(behörighetsbegränsning 001)", "giltigLegitimation")
    if valid and revoked:
        raise _Undated(licence, "giltigLegitimation är true men svaret har ett beslut om återkallelse utan slutdatum",
                       "giltigLegitimation")
    days = {start} | {r.fran for r in restrictions if r.fran > start}
    days |= {r.tom + timedelta(days=1) for r in restrictions if r.tom is not None and r.tom + timedelta(days=1) > start}
    history: list[dict] = []
    for day in sorted(days):
        active = {r.status for r in restrictions if r.fran <= day and (r.tom is None or day <= r.tom)}
        status = next((s for s in PRECEDENCE if s in active), "giltig")
        if not history or history[-1]["status"] != status:
            history.append({"status": status, "fran": day})
    return history


def _certificates(licence: etree._Element, ref: PersonRef, key: str, source: SourceFile, out: Collected) -> None:
    for number, element in enumerate(children(licence, "specialistbevis"), 1):
        where = place(element, source.display)
        name = child_text(element, "specialistinriktning", "displayName")
        code = child_text(element, "specialistinriktning", "code")
        try:
            issued = _date(element, "specialistbevisDatum")
        except _Undated as exc:
            diagnostic = out.problem(place(exc.element, source.display), "RK-K038", f"specialistbeviset kan inte "
                                     f"dateras: {exc.message}; om beviset fanns en viss dag kan inte avgöras",
                                     exc.field)
            out.unknown.append(Unknown("specialistbevis", ref, diagnostic, {"specialitet_kod": code}))
            continue
        if not name:
            # the rules name specialities by name; a bare code (its code system varies by year) cannot be matched
            diagnostic = out.problem(where, "RK-K038", f"specialistbeviset anger bara koden '{code}' utan "
                                     "displayName; vilken specialitet det är kan inte avgöras",
                                     "specialistinriktning")
            out.unknown.append(Unknown("specialistbevis", ref, diagnostic, {"specialitet_kod": code}))
            continue
        out.add("specialistbevis", {"id": f"hosp-{key}-s{number}", "person": ref,
                                    "specialitet": slug(name).replace("-", "_"), "utfardat": issued}, where)
