"""Hypothesis strategies: random facilities whose dates cluster around every legal threshold."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from regelkoll.facts.bundle import FactBundle, derive
from regelkoll.facts.model import Engagemang, Organisation, Person, Registerutdrag, Verksamhet

TYPES = ["hvb", "stodboende", "skyddat_boende", "lss_korttidsvistelse", "lss_bostad_barn", "lss_personlig_assistans",
         "hemtjanst"]
FORMS = ["anstallning", "uppdrag", "praktik", "volontar"]
LAWS = ["2007:171", "2010:479", "2013:852"]
REGISTERS = [["belastningsregistret"], ["misstankeregistret"], ["belastningsregistret", "misstankeregistret"]]
# dates on and around the version boundaries of the packs
ANCHORS = [date(2007, 7, 1), date(2011, 1, 1), date(2016, 1, 1), date(2024, 4, 1), date(2025, 7, 1),
           date(2026, 3, 1), date(2026, 6, 1), date(2025, 8, 31), date(2024, 2, 29), date(2026, 11, 20)]


@st.composite
def near_dates(draw, anchors=ANCHORS):
    base = draw(st.sampled_from(anchors))
    return base + timedelta(days=draw(st.integers(-40, 40)))


@st.composite
def shifted(draw, base: date, signs=(-1, 1)):
    months = draw(st.sampled_from([0, 1, 5, 6, 7, 11, 12, 13, 24]))
    days = draw(st.integers(-2, 2))
    sign = draw(st.sampled_from(signs))
    return base + sign * relativedelta(months=months) + timedelta(days=days)


@st.composite
def facilities(draw) -> tuple[FactBundle, str]:
    bundle = FactBundle()
    orgs = ["o1", "o2"]
    for org in orgs:
        bundle.facts["organisation"][org] = Organisation(id=org, namn=org, regi="enskild")
    fac_ids = ["f1", "f2"]
    for fid in fac_ids:
        bundle.facts["verksamhet"][fid] = Verksamhet(
            id=fid, namn=fid, organisation=draw(st.sampled_from(orgs)) if fid != "f1" else "o1",
            typ=draw(st.sampled_from(TYPES)), tar_emot_barn=draw(st.sampled_from([True, True, True, False, None])))
    people = [f"p{i}" for i in range(draw(st.integers(1, 5)))]
    for pid in people:
        bundle.facts["person"][pid] = Person(id=pid, namn=pid)
    engagements: list[Engagemang] = []
    for i in range(draw(st.integers(1, 7))):
        previous = engagements[-1] if engagements and draw(st.booleans()) else None
        if previous is not None and previous.slut is not None:
            # a rehire of the same person with the same employer, around the exemption window
            start = draw(shifted(previous.slut).filter(lambda d, p=previous: d > p.start))
            person, org = previous.person, previous.organisation
        else:
            start = draw(near_dates())
            person = draw(st.sampled_from(people))
            org = draw(st.sampled_from(["o1", "o1", "o2"]))
        end = draw(st.one_of(st.none(), shifted(start).filter(lambda d, s=start: d >= s)))
        fac = draw(st.sampled_from(["f1", "f1", "f1", "f2"]))
        engagements.append(Engagemang(id=f"e{i}", person=person, verksamhet=fac, organisation=org,
                                      form=draw(st.sampled_from(FORMS)), start=start, slut=end,
                                      forelder_till_mottagaren=draw(st.sampled_from(["okant", "okant", "ja", "nej"]))))
    for eng in engagements:
        bundle.facts["engagemang"][eng.id] = eng
    home_law = "2007:171" if bundle.facts["verksamhet"]["f1"].typ in ("hvb", "stodboende", "skyddat_boende") \
        else "2010:479"
    for j in range(draw(st.integers(0, 8))):
        eng = draw(st.sampled_from(engagements))
        if draw(st.integers(0, 9)) < 3:
            # a check that is nearly right: only the registers (or a boundary) may be off
            issued = eng.start - relativedelta(months=draw(st.integers(0, 13))) - timedelta(days=draw(st.integers(0, 3)))
            shown = draw(st.sampled_from([min(eng.start, issued + timedelta(days=draw(st.integers(0, 5)))),
                                          eng.start]))
            bundle.facts["registerutdrag"][f"x{j}"] = Registerutdrag(
                id=f"x{j}", person=eng.person, organisation=eng.organisation, lag=home_law,
                omfattar=draw(st.sampled_from(REGISTERS)), utfardat=issued, uppvisat=shown,
                bevarat_till=draw(st.one_of(st.none(), shifted(eng.start + relativedelta(years=2)))))
            continue
        issued = draw(shifted(eng.start, signs=(-1, -1, -1, 1)))
        shown = draw(st.one_of(st.none(), st.integers(0, 20).map(lambda d, i=issued: i + timedelta(days=d)),
                               st.integers(0, 60).map(lambda d, i=issued: i + timedelta(days=d)),
                               shifted(issued, signs=(1,)).filter(lambda d, i=issued: d >= i)))
        kept = draw(st.one_of(st.none(), shifted(eng.start + relativedelta(years=2)), near_dates()))
        if kept is not None and kept < issued:
            kept = issued
        same = draw(st.sampled_from([True, True, True, False]))
        bundle.facts["registerutdrag"][f"x{j}"] = Registerutdrag(
            id=f"x{j}", person=eng.person if same else draw(st.sampled_from(people)),
            organisation=eng.organisation if same else draw(st.sampled_from(["o1", "o2"])),
            lag=draw(st.sampled_from(LAWS + LAWS[:2])), omfattar=draw(st.sampled_from(REGISTERS)), utfardat=issued,
            uppvisat=shown, bevarat_till=kept)
    derive(bundle)
    return bundle, "f1"
