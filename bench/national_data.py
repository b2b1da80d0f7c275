"""A fact bundle at national size, made up but shaped like Sweden's supervised care, for benchmarks.

    python bench/national_data.py OUT_DIR [--facilities 10000] [--seed 1]

At 10 000 facilities: about 250 000 people and 300 000 register extracts, with licences and their status
histories, placements, representatives of the organisations (with some convictions and debts), aesthetic
clinics (treatments, records, legitimations, specialist and undersköterska certificates) and the
municipal boards' decisions (with interruptions and quarterly reports). The mix of kinds leans on IVO's
registers: many HVB and LSS homes, assistance companies and home care, some clinics, a board per
municipality; most homes are private, a share of LSS homes, home care and nursing homes municipal.
Some organisations run several facilities (a chain grows by preferential attachment), some people work
at two, and a realistic share of the facts breaks a rule: late or missing register extracts,
undocumented suitability assessments, revoked licences, officers never reported, treatments without
consent, decisions not carried out. About 0.1 % of the records are invalid but still name their facility
or organisation, so that the broken-record paths are exercised; `generate` counts them.

No personnummer is written (the test numbers are too few for a quarter of a million people). The same
seed gives the same bytes in every file. The files are YAML written directly (block mappings, flow lists):
PyYAML's emitter would take minutes at this size.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

PER_DATUM = date(2026, 11, 20)
# (kind, weight per 1000 facilities, mean staff, share run by the municipality)
KINDS = (
    ("hvb", 170, 19, 0.1),
    ("stodboende", 40, 11, 0.2),
    ("skyddat_boende", 20, 11, 0.1),
    ("sis_hem", 3, 60, 1.0),  # the state's special homes: run by one public authority
    ("familjehem", 40, 2, 0.0),  # consultant-supported family homes: the foster parents
    ("lss_bostad_vuxna", 150, 17, 0.5),
    ("lss_bostad_barn", 20, 17, 0.4),
    ("lss_korttidsvistelse", 40, 15, 0.5),
    ("lss_korttidstillsyn", 15, 11, 0.5),
    ("lss_daglig_verksamhet", 80, 13, 0.5),
    ("lss_personlig_assistans", 130, 47, 0.2),
    ("lss_radgivning", 10, 5, 0.6),
    ("hemtjanst", 140, 42, 0.4),
    ("sarskilt_boende", 60, 47, 0.6),
    ("estetisk_klinik", 52, 7, 0.0),
    ("socialnamnd", 30, 4, 1.0),
)
HOMES = {"hvb", "stodboende", "skyddat_boende", "sis_hem", "familjehem", "lss_bostad_barn", "lss_bostad_vuxna",
         "lss_korttidsvistelse"}
CHILD_KINDS = {"lss_bostad_barn", "lss_korttidsvistelse", "lss_korttidstillsyn", "familjehem"}
UNLICENSED = {"sis_hem", "familjehem", "lss_radgivning", "estetisk_klinik", "socialnamnd"}
MALGRUPPER = {
    "hvb": ("psykosocial_problematik", "missbruk", "ensamkommande", "unga_vuxna"),
    "stodboende": ("psykosocial_problematik", "unga_vuxna"),
    "skyddat_boende": ("vald_i_nara_relation",),
    "sis_hem": ("missbruk", "psykosocial_problematik"),
    "familjehem": ("psykosocial_problematik",),
}
FIRST = ("Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Sara", "Johan", "Emma", "Per", "Lena", "Ali", "Fatima",
         "Mikael", "Elin", "Hassan", "Sofia", "Nils", "Ida", "Omar", "Linnea", "Jonas", "Amira", "Björn", "Åsa")
LAST = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Ahmed", "Lindqvist", "Berg", "Holm", "Sandberg",
        "Öberg", "Mohammed", "Ek", "Wallin", "Nyström", "Hussein", "Björk")
PLACES = ("Granen", "Björken", "Eken", "Linden", "Tallen", "Rönnen", "Solrosen", "Kajen", "Ängen", "Backen",
          "Hagen", "Udden", "Viken", "Strand", "Lyan", "Gläntan", "Fyren", "Bryggan", "Åsen", "Källan")
KOMMUNER = ("Lillby", "Storstad", "Hamnstad", "Skogsby", "Älvdal", "Bergsjö", "Ängsbo", "Sjövik", "Norrby", "Söderå")
INFO = ["alternativa_metoder", "kostnad", "forlopp_och_resultat", "patientforsakring", "ombehandling",
        "kontaktperson", "substanser", "risker", "eftervard", "registrerad_hos_ivo"]
# what a record is broken with (kind -> field, bad value); each stays placeable by its facility or organisation
BREAKAGE = {"engagemang": ("start", "2025-02-30"), "registerutdrag": ("utfardat", "2025-13-01"),
            "placering": ("alder", 150), "behandling": ("patient_alder", 200), "tillstand": ("platser", -1)}
INVALID_SHARE = 0.001


def _value(v: object) -> str:
    kind = type(v)
    if kind is str:
        # every generated text is printable and free of quotes and backslashes: quoted as it is
        return f'"{v}"' if '"' not in v and "\\" not in v and v.isprintable() else json.dumps(v, ensure_ascii=False)
    if kind is date:
        return f"'{v.isoformat()}'"
    if kind is bool:
        return "true" if v else "false"
    if kind is int:
        return str(v)
    if kind is list:
        return "[" + ", ".join(_value(item) for item in v) + "]"  # a flow sequence
    if kind is dict:
        return "{" + ", ".join(f"{key}: {_value(item)}" for key, item in v.items()) + "}"  # a flow mapping
    raise TypeError(f"cannot write {v!r}")


def _yaml(title: str, doc: dict[str, list[dict]]) -> str:
    out = [f"# {title}\n"]
    for kind, records in doc.items():
        if not records:
            continue
        out.append(f"{kind}:\n")
        for record in records:
            first = True
            for key, value in record.items():
                if value is None:
                    continue
                out.append(f"{'- ' if first else '  '}{key}: {_value(value)}\n")
                first = False
    return "".join(out)


class _Gen:
    def __init__(self, out: Path, facilities: int, seed: int) -> None:
        self.out, self.n, self.rng = out, facilities, random.Random(seed)
        self.counts: dict[str, int] = {}
        self.person_no = 0
        self.recent_staff: list[tuple[str, str]] = []  # (person, facility) to share a worker with
        self.private_choice: list[str] = []  # one entry per private facility: preferential attachment
        self.municipal: list[str] = []
        self.certified: set[str] = set()  # people whose legitimation and certificates are written
        self.state_org: str | None = None
        self.kinds = [k for k, *_ in KINDS]
        self.weights = [w for _, w, *_ in KINDS]
        self.kind_info = {k: (staff, public) for k, _, staff, public in KINDS}

    # -- helpers ---------------------------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def count(self, doc: dict[str, list[dict]]) -> None:
        for kind, records in doc.items():
            self.counts[kind] = self.counts.get(kind, 0) + len(records)

    def maybe_break(self, kind: str, record: dict) -> dict:
        if self.chance(INVALID_SHARE):
            name, bad = BREAKAGE[kind]
            record[name] = bad
            self.counts["ogiltiga"] = self.counts.get("ogiltiga", 0) + 1
        return record

    def person(self, doc: dict) -> str:
        self.person_no += 1
        pid = f"p{self.person_no:07d}"
        doc["person"].append({"id": pid, "namn": f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"})
        return pid

    def write(self, name: str, title: str, doc: dict) -> None:
        self.count(doc)
        (self.out / f"{name}.yaml").write_text(_yaml(title, doc), encoding="utf-8")

    # -- organisations ---------------------------------------------------------------------------------
    def organisation(self, oid: str, namn: str, regi: str, orgnr: str) -> None:
        doc: dict[str, list[dict]] = {"organisation": [{"id": oid, "namn": namn, "organisationsnummer": orgnr,
                                                        "regi": regi}],
                                      "person": [], "foretradare": [], "dom": [], "ekonomisk_anmarkning": []}
        if regi == "enskild":
            founded = self.between(date(2005, 1, 1), date(2024, 6, 1))
            roles = ["vd", "styrelseledamot", "agare"] + (["styrelseledamot", "styrelsesuppleant"]
                                                          if self.chance(0.5) else [])
            for r, roll in enumerate(roles):
                pid = self.person(doc)
                fran = self.between(founded, PER_DATUM - timedelta(days=30))
                record = {"id": f"fr-{oid}-{r}", "person": pid, "organisation": oid, "roll": roll, "fran": fran}
                if self.chance(0.88):  # the rest never reported to IVO
                    record["anmald"] = fran + timedelta(days=self.rng.choice((5, 10, 20, 25, 40, 90)))
                    if record["anmald"] > PER_DATUM:
                        record["anmald"] = PER_DATUM
                if self.chance(0.1):
                    record["till"] = self.between(fran, PER_DATUM)
                doc["foretradare"].append(record)
                if self.chance(0.02):
                    doc["dom"].append({"id": f"dom-{pid}", "person": pid, "datum": self.between(
                        date(2012, 1, 1), PER_DATUM), "brott": self.rng.choice(
                        ("bedrageri", "skattebrott", "bokforingsbrott", "vald", "narkotikabrott", "trafikbrott"))})
                if self.chance(0.03):
                    doc["ekonomisk_anmarkning"].append({"id": f"ek-{pid}", "person": pid, "typ": self.rng.choice(
                        ("skuld_kronofogden", "betalningsanmarkning", "konkurs", "skattetillagg")),
                        "datum": self.between(date(2015, 1, 1), PER_DATUM)})
        self.write(oid, namn, doc)

    def orgnr(self, first: str) -> str:
        """A well-formed organisationsnummer (Luhn check digit); made up, it may belong to a real company."""
        digits = first + "".join(str(self.rng.randrange(10)) for _ in range(9 - len(first)))
        return f"{digits[:6]}-{digits[6:]}{_luhn(digits)}"

    def owner(self, kind: str, facility_no: int) -> str:
        public = self.kind_info[kind][1]
        if kind == "sis_hem":
            if self.state_org is None:
                self.state_org = "o-sis"
                self.organisation("o-sis", "Statens institutionsstyrelse", "offentlig", "202100-3948")
            return self.state_org
        if self.chance(public):
            return self.rng.choice(self.municipal)
        if self.private_choice and self.chance(0.4):  # a chain grows where chains already are
            oid = self.rng.choice(self.private_choice)
        else:
            oid = f"o{facility_no:05d}"
            self.organisation(oid, f"{self.rng.choice(PLACES)} Omsorg {facility_no} AB", "enskild", self.orgnr("5569"))
        self.private_choice.append(oid)
        return oid

    # -- facilities ------------------------------------------------------------------------------------
    def facility(self, i: int, kind: str, org: str, kommun: str) -> None:
        fid = f"v{i:05d}"
        staff_mean, _ = self.kind_info[kind]
        child = kind in CHILD_KINDS or (kind in ("hvb", "stodboende", "skyddat_boende", "lss_personlig_assistans")
                                        and self.chance(0.6))
        start = self.between(date(2008, 1, 1), date(2025, 6, 1))
        doc: dict[str, list[dict]] = {k: [] for k in (
            "verksamhet", "person", "legitimation", "specialistbevis", "underskoterskebevis", "engagemang",
            "registerutdrag", "tillstand", "placering", "behandling", "journal", "beslut", "avbrott", "rapportering")}
        facility = {"id": fid, "namn": f"{self.rng.choice(PLACES)} {i}", "organisation": org, "typ": kind,
                    "tar_emot_barn": child, "kommun": kommun, "startdatum": start}
        if kind == "estetisk_klinik":
            facility["anmald_ivo"] = start - timedelta(days=30) if self.chance(0.95) else None
        if self.chance(0.01):
            facility["upphorde"] = self.between(start, PER_DATUM)
        doc["verksamhet"].append(facility)
        licensed = kind not in UNLICENSED and not org.startswith("k")
        if licensed:
            self.licence(doc, fid, org, kind, start, child)
        staff = self.staff(doc, fid, org, kind, start, child, max(1, round(staff_mean * self.rng.uniform(0.5, 1.5))))
        if kind in HOMES:
            self.placements(doc, fid, kind, start, child)
        if kind == "estetisk_klinik":
            self.treatments(doc, fid, staff, start)
        if kind == "socialnamnd":
            self.decisions(doc, fid)
        self.write(fid, facility["namn"], doc)

    def licence(self, doc: dict, fid: str, org: str, kind: str, start: date, child: bool) -> None:
        granted = start - timedelta(days=self.rng.randint(10, 90))
        status = [{"status": "aktivt", "fran": granted}]
        roll = self.rng.random()
        if roll < 0.03:
            status.append({"status": "aterkallat", "fran": self.between(granted + timedelta(days=200), PER_DATUM)})
        elif roll < 0.04:
            status.append({"status": "forbud", "fran": self.between(granted + timedelta(days=200), PER_DATUM)})
        elif roll < 0.06:
            paused = self.between(granted + timedelta(days=100), PER_DATUM - timedelta(days=60))
            status += [{"status": "vilande", "fran": paused}, {"status": "aktivt", "fran": paused + timedelta(
                days=self.rng.randint(30, 59))}]
        elif roll < 0.065:
            revoked = self.between(granted + timedelta(days=200), PER_DATUM - timedelta(days=30))
            status += [{"status": "aterkallat", "fran": revoked},
                       {"status": "overklagat", "fran": revoked + timedelta(days=self.rng.randint(5, 21))}]
        groups = list(self.rng.sample(MALGRUPPER[kind], k=min(2, len(MALGRUPPER[kind])))) if kind in MALGRUPPER else []
        record = {"id": f"t-{fid}", "organisation": org, "verksamhet": fid, "beslutsdatum": granted,
                  "verksamhetstyp": kind, "malgrupper": groups or None,
                  "alder_fran": (13 if child else 18) if kind in HOMES else None,
                  "alder_till": (20 if child else 64) if kind in HOMES else None,
                  "platser": self.rng.randint(4, 12) if kind in HOMES else None, "status": status}
        doc["tillstand"].append(self.maybe_break("tillstand", record))

    def staff(self, doc: dict, fid: str, org: str, kind: str, start: date, child: bool, n: int) -> list[str]:
        needs_extract = child or kind in ("hvb", "lss_bostad_vuxna", "lss_daglig_verksamhet", "sis_hem")
        law = "2010:479" if kind.startswith("lss") else "2007:171"
        people = []
        for s in range(n):
            shared = self.recent_staff and self.chance(0.05)
            if shared:
                pid, _ = self.rng.choice(self.recent_staff)
            else:
                pid = self.person(doc)
                self.recent_staff.append((pid, fid))
                if len(self.recent_staff) > 3000:
                    del self.recent_staff[:1000]
            people.append(pid)
            roll = ("forestandare" if s == 0 and kind not in ("socialnamnd", "estetisk_klinik", "familjehem")
                    else "verksamhetschef" if s == 0 and kind == "estetisk_klinik"
                    else "familjehemsforalder" if kind == "familjehem" else "personal")
            begun = self.between(max(start, date(2018, 1, 1)), PER_DATUM - timedelta(days=7))
            record = {"id": f"e-{fid}-{s}", "person": pid, "verksamhet": fid,
                      "form": self.rng.choices(("anstallning", "uppdrag", "praktik", "volontar"), (85, 10, 3, 2))[0],
                      "roll": roll, "start": begun}
            if self.chance(0.15):
                record["slut"] = self.between(begun, PER_DATUM)
            if kind == "familjehem":
                record["bosatt_i_hemmet"] = True
            if kind in ("estetisk_klinik", "sarskilt_boende") and pid not in self.certified:
                self.certified.add(pid)
                self.health_title(doc, record, pid, kind, s)
            doc["engagemang"].append(self.maybe_break("engagemang", record))
            self.extracts(doc, record["id"], pid, org, begun, law, needs_extract)
        return people

    def health_title(self, doc: dict, record: dict, pid: str, kind: str, s: int) -> None:
        yrke = "lakare" if kind == "estetisk_klinik" and (s == 0 or self.chance(0.3)) else (
            "sjukskoterska" if self.chance(0.6 if kind == "estetisk_klinik" else 0.15) else None)
        if yrke is None:
            if self.chance(0.5):
                record["titel"] = "underskoterska"
                if self.chance(0.9):
                    doc["underskoterskebevis"].append({"id": f"usk-{pid}", "person": pid, "utfardat": self.between(
                        date(2023, 7, 1), PER_DATUM)})
            return
        record["titel"] = yrke
        if yrke == "lakare":
            record["utovar"] = "lakare"
        legitimerad = self.between(date(1995, 1, 1), date(2022, 1, 1))
        status = [{"status": "giltig", "fran": legitimerad}]
        if self.chance(0.015):
            status.append({"status": self.rng.choice(("aterkallad", "provotid", "begransad_forskrivningsratt")),
                           "fran": self.between(legitimerad + timedelta(days=400), PER_DATUM)})
        if self.chance(0.97):  # the rest work under a title the register does not show
            doc["legitimation"].append({"id": f"leg-{pid}-{yrke}", "person": pid, "yrke": yrke, "status": status})
        if yrke == "lakare" and self.chance(0.7):
            doc["specialistbevis"].append({"id": f"spec-{pid}", "person": pid, "specialitet": self.rng.choice(
                ("plastikkirurgi", "dermatologi", "allmanmedicin")), "utfardat": legitimerad + timedelta(days=1900)})

    def extracts(self, doc: dict, engagement: str, pid: str, org: str, begun: date, law: str, needed: bool) -> None:
        wanted = 0.95 if needed else 0.75
        k = 0
        while self.chance(wanted if k == 0 else 0.4 if k == 1 else 0.15):
            if k > 0:  # a renewal while the work goes on
                shown = self.between(begun, PER_DATUM)
            elif self.chance(0.04):  # shown only after the work began
                shown = begun + timedelta(days=self.rng.randint(5, 60))
            else:
                shown = begun - timedelta(days=self.rng.randint(3, 40))
            late = self.chance(0.05)
            issued = shown - timedelta(days=self.rng.randint(400, 700) if late else self.rng.randint(2, 60))
            record = {"id": f"u-{engagement}-{k}", "person": pid, "organisation": org,
                      "lag": law if self.chance(0.98) else "2013:852",
                      "omfattar": ["belastningsregistret", "misstankeregistret"] if self.chance(0.93)
                      else ["belastningsregistret"], "utfardat": issued,
                      "uppvisat": shown if self.chance(0.97) and shown <= PER_DATUM else None}
            if self.chance(0.1):
                record["bevarat_till"] = shown + timedelta(days=self.rng.randint(100, 900))
            doc["registerutdrag"].append(self.maybe_break("registerutdrag", record))
            k += 1

    def placements(self, doc: dict, fid: str, kind: str, start: date, child: bool) -> None:
        groups = MALGRUPPER.get(kind, ("funktionsnedsattning",))
        count = self.rng.randint(1, 3) if kind == "familjehem" else self.rng.randint(4, 14)
        for p in range(count):
            admitted = self.between(max(start, date(2022, 1, 1)), PER_DATUM - timedelta(days=1))
            record = {"id": f"pl-{fid}-{p}", "verksamhet": fid, "klient": f"K{fid}n{p}",
                      "alder": self.rng.randint(12, 17) if child else self.rng.randint(18, 70),
                      "malgrupp": self.rng.choice(groups), "inskriven": admitted}
            if self.chance(0.6):
                record["utskriven"] = admitted + timedelta(days=self.rng.randint(20, 500))
                if record["utskriven"] > PER_DATUM:
                    del record["utskriven"]
            documented = self.rng.random()
            if documented < 0.9:
                record["lamplighet_dokumenterad"] = admitted - timedelta(days=self.rng.randint(0, 10))
            elif documented < 0.95:
                record["lamplighet_dokumenterad"] = admitted + timedelta(days=self.rng.randint(1, 30))
            doc["placering"].append(self.maybe_break("placering", record))

    def treatments(self, doc: dict, fid: str, staff: list[str], start: date) -> None:
        for b in range(self.rng.randint(20, 80)):
            day = self.between(max(start, date(2022, 1, 1)), PER_DATUM)
            patient = f"P{fid}n{self.rng.randint(0, 40)}"
            surgery = self.chance(0.1)
            record = {"id": f"b-{fid}-{b}", "verksamhet": fid, "utforare": self.rng.choice(staff),
                      "slag": "kirurgi" if surgery else "injektion",
                      "ingrepp": "ögonlocksplastik" if surgery else self.rng.choice(("botulinumtoxin", "hyaluronsyra")),
                      "datum": day, "patient": patient,
                      "patient_alder": self.rng.randint(20, 70) if self.chance(0.995) else 17}
            if self.chance(0.96):
                record["information"] = day - timedelta(days=self.rng.randint(7, 14) if surgery
                                                        else self.rng.randint(2, 10))
                record["information_omfattar"] = INFO if self.chance(0.95) else INFO[:-2]
            if self.chance(0.97):
                record["samtycke"] = day
            if not surgery:
                medicine = record["ingrepp"] == "botulinumtoxin"
                record.update({"teknik": "nal", "injicerat": "lakemedel" if medicine else "fyllnadsmedel"})
                if medicine:
                    record["lakemedel"] = True
                    record["ordination"] = "individuell" if self.chance(0.95) else self.rng.choice(
                        ("generellt_direktiv", "saknas"))
            doc["behandling"].append(self.maybe_break("behandling", record))
        for patient in sorted({r["patient"] for r in doc["behandling"]}):
            if self.chance(0.97):
                doc["journal"].append({"id": f"j-{patient}", "verksamhet": fid, "patient": patient,
                                       "upprattad": date(2022, 1, 1)})

    def decisions(self, doc: dict, fid: str) -> None:
        for b in range(self.rng.randint(20, 60)):
            lag = self.rng.choice(("sol", "lss"))
            decided = self.between(date(2024, 1, 1), PER_DATUM - timedelta(days=10))
            record = {"id": f"bs-{fid}-{b}", "verksamhet": fid, "lag": lag,
                      "insats": self.rng.choice(("hemtjänst", "kontaktperson", "särskilt boende")) if lag == "sol"
                      else self.rng.choice(("daglig verksamhet", "bostad med särskild service för vuxna",
                                            "korttidsvistelse")), "beslutsdatum": decided}
            late = self.chance(0.12)
            done = decided + timedelta(days=self.rng.randint(100, 300) if late else self.rng.randint(3, 60))
            if done <= PER_DATUM and self.chance(0.9):
                record["verkstallt"] = done
            doc["beslut"].append(record)
            if late:
                quarter = _quarter_end(decided + timedelta(days=92))
                if quarter <= PER_DATUM and self.chance(0.8):
                    doc["rapportering"].append({"id": f"r-{fid}-{b}", "beslut": record["id"], "kvartal_slut": quarter})
            if "verkstallt" in record and self.chance(0.05):
                paused = self.between(done, PER_DATUM)
                interruption = {"id": f"ab-{fid}-{b}", "beslut": record["id"], "fran": paused}
                if self.chance(0.7):
                    interruption["aterupptaget"] = paused + timedelta(days=self.rng.randint(10, 120))
                    if interruption["aterupptaget"] > PER_DATUM:
                        del interruption["aterupptaget"]
                doc["avbrott"].append(interruption)

    def run(self) -> dict[str, int]:
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / "00_kontext.yaml").write_text(f"# Bedömningsdag\nkontext:\n  per_datum: '{PER_DATUM}'\n",
                                                  encoding="utf-8")
        municipalities = max(1, round(self.n * 290 / 10_000))
        for m in range(municipalities):
            oid = f"k{m:03d}"
            self.organisation(oid, f"{KOMMUNER[m % len(KOMMUNER)]} {m} kommun", "offentlig", self.orgnr("2120"))
            self.municipal.append(oid)
        kinds = self.rng.choices(self.kinds, self.weights, k=self.n)
        boards = 0
        for i, kind in enumerate(kinds):
            if kind == "socialnamnd" and boards < municipalities:
                org, boards = self.municipal[boards], boards + 1
            elif kind == "socialnamnd":
                kind = "hemtjanst"
                org = self.owner(kind, i)
            else:
                org = self.owner(kind, i)
            self.facility(i, kind, org, KOMMUNER[self.rng.randrange(len(KOMMUNER))])
        return dict(sorted(self.counts.items()))


def _luhn(digits: str) -> int:
    total = 0
    for i, c in enumerate(digits):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return -total % 10


def _quarter_end(d: date) -> date:
    month = (d.month - 1) // 3 * 3 + 3
    return date(d.year, month, 31 if month in (3, 12) else 30)


def generate(out_dir: str | Path, facilities: int, seed: int = 1) -> dict[str, int]:
    """Write the bundle into `out_dir` (created); return the number of records of each kind, and `ogiltiga`."""
    return _Gen(Path(out_dir), facilities, seed).run()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--facilities", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.out_dir, args.facilities, args.seed)
    took = time.perf_counter() - started
    print(json.dumps(counts, indent=1, ensure_ascii=False))
    print(f"{args.facilities} verksamheter, {sum(v for k, v in counts.items() if k != 'ogiltiga')} poster "
          f"på {took:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
