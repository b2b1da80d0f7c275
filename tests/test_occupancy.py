"""Counting places per day: the engine's over-full days agree with counting every single day by hand."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelkoll.facts.bundle import FactBundle, derive
from regelkoll.facts.model import Kontext, Organisation, Placering, Statusandring, Tillstand, Verksamhet
from regelkoll.ledger.run import evaluate_facility

EFFECTIVE = {"aktivt", "vilande", "inhibition", "overklagat"}  # as in rules/tillstand/sol.yaml
START = date(2025, 1, 1)


@st.composite
def home(draw) -> FactBundle:
    bundle = FactBundle()
    bundle.facts["organisation"]["o"] = Organisation(id="o", namn="o", regi="enskild")
    bundle.facts["verksamhet"]["h"] = Verksamhet(id="h", namn="h", organisation="o", typ="hvb", startdatum=START)
    for i in range(draw(st.integers(1, 2))):
        first = START + timedelta(days=draw(st.integers(0, 60)))
        changes = [Statusandring(status="aktivt", fran=first)]
        for _ in range(draw(st.integers(0, 2))):
            changes.append(Statusandring(status=draw(st.sampled_from(["upphort", "aktivt", "aterkallat", "vilande"])),
                                         fran=changes[-1].fran + timedelta(days=draw(st.integers(1, 90)))))
        bundle.facts["tillstand"][f"t{i}"] = Tillstand(
            id=f"t{i}", organisation="o", verksamhet="h", verksamhetstyp="hvb", beslutsdatum=first,
            malgrupper=["g"], platser=draw(st.integers(1, 3)), status=changes)
    for i in range(draw(st.integers(1, 6))):
        admitted = START + timedelta(days=draw(st.integers(0, 200)))
        stay = draw(st.one_of(st.none(), st.integers(0, 120)))
        bundle.facts["placering"][f"p{i}"] = Placering(
            id=f"p{i}", verksamhet="h", klient=f"K{i}", alder=15, malgrupp="g", inskriven=admitted,
            utskriven=None if stay is None else admitted + timedelta(days=stay), lamplighet_dokumenterad=admitted)
    derive(bundle)
    return bundle


def _status_on(licence: Tillstand, day: date) -> str | None:
    current = [c.status for c in licence.status if c.fran <= day]
    return current[-1] if current else None


def over_full_days(bundle: FactBundle, until: date) -> tuple[list[date], list[date]]:
    """Every day from START to `until`, counted from the raw placements and licences.

    Returns the days that are certainly over-full (one valid licence, more residents than its
    places) and the days that may be (several valid licences: how residents split is unknown).
    """
    certain, doubtful = [], []
    day = START
    while day <= until:
        present = sum(1 for p in bundle.of("placering") if p.inskriven <= day and (p.utskriven is None or day < p.utskriven))
        places = [t.platser for t in bundle.of("tillstand") if _status_on(t, day) in EFFECTIVE]
        if present and len(places) == 1 and present > places[0]:
            certain.append(day)
        elif present and len(places) > 1 and present > min(places):
            doubtful.append(day)
        day += timedelta(days=1)
    return certain, doubtful


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=home(), until=st.integers(0, 320))
def test_an_over_full_day_is_found_exactly_when_one_exists(compiled, runner, bundle, until):
    as_of = START + timedelta(days=until)
    rule = [c for c in compiled if c.rule.id == "TS-SOL-07"]
    findings = evaluate_facility(rule, bundle, "h", Kontext(per_datum=as_of), runner, "occupancy")
    reported = sorted(date.fromisoformat(f.decisive_date) for f in findings if f.outcome == "violation")
    unsure = sorted(date.fromisoformat(f.decisive_date) for f in findings if f.outcome == "undetermined")
    certain, doubtful = over_full_days(bundle, as_of)
    assert set(reported) <= set(certain)  # every reported day really is over-full
    assert set(unsure) <= set(doubtful)  # and every doubt is a day with several licences
    assert bool(reported) == bool(certain), (reported, certain)  # every over-full stretch is found
