"""Rows per second per adapter, and names per second for identity resolution, measured in one run.

    python bench/bench_adapters.py [--register 300000] [--names 100000] [--rows 50000] [--seed 1]

Identity resolution: `--names` roster rows without a personnummer (names spelt another way: the
order turned round, a middle name dropped, one letter changed) are matched against a register of
`--register` people identified by number, blocked by birth date as the adapters do. The synthetic
numbers exist only in memory and are never printed. Each adapter reads a generated file of
`--rows` rows (or elements) into the collector, without assembling; the time is wall time of the
reading alone, best of three.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import Kalla, SourceFile
from regelkoll.adapters.resolve import known_people, resolve
from regelkoll.facts.assemble import Row
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Person

# Faker's Swedish names (500 given names of each sex, 500 surnames), when the test extras are installed
try:
    from faker.providers.person.sv_SE import Provider as _Names

    GIVEN_POOL = sorted(set(_Names.first_names_female) | set(_Names.first_names_male))
    FAMILY_POOL = sorted(set(_Names.last_names))
except ImportError:  # pragma: no cover
    GIVEN_POOL = FAMILY_POOL = []

GIVEN = ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Johanna", "Sofia", "Ida", "Erik", "Lars",
         "Karl", "Johan", "Anders", "Per", "Mikael", "Nils", "Olof", "Åsa", "Björn", "Göran", "Märta", "Ömer",
         "Mohammed", "Ali", "Fatima", "Leyla", "Hassan", "Noor", "Elias", "Hugo", "Alva", "Ebba", "Saga"]
FAMILY = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
          "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Öberg", "Lindqvist",
          "Åberg", "Lundgren", "Berg", "Ahmed", "Hussein", "Yilmaz", "Nguyen", "Kowalski", "Virtanen", "Holm"]


def _luhn(digits: str) -> str:
    total = 0
    for i, ch in enumerate(digits):
        value = int(ch) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def _person(rng: random.Random) -> tuple[str, str, date]:
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    body = born.strftime("%y%m%d") + f"{rng.randrange(1, 1000):03d}"
    given, family = GIVEN_POOL or GIVEN, FAMILY_POOL or FAMILY
    name = f"{rng.choice(given)} {rng.choice(given)} {rng.choice(family)}"
    return f"{born.year // 100}{body}{_luhn(body)}", name, born


def _misspelt(name: str, rng: random.Random) -> str:
    given, middle, family = name.split()
    choice = rng.randrange(3)
    if choice == 0:
        return f"{family}, {given}"
    if choice == 1:
        return f"{given} {family}"
    i = rng.randrange(len(family))
    return f"{given} {middle} {family[:i]}{rng.choice('aeiou')}{family[i + 1:]}"


def bench_resolution(register: int, names: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    bundle = FactBundle()
    people = [_person(rng) for _ in range(register)]
    for i, (number, name, _) in enumerate(people):
        pid = f"p-{i}"
        bundle.facts["person"][pid] = Person.model_construct(id=pid, namn=name, personnummer=number)
    out = Collected()
    place = Row("roster.csv", 1)
    for _ in range(names):
        number, name, born = people[rng.randrange(register)]
        out.person(place, _misspelt(name, rng), birth=born)
    # the register is built once per run; the names are then matched against it
    start = time.perf_counter()
    known = known_people(bundle)
    build = time.perf_counter() - start
    start = time.perf_counter()
    result = resolve(out.mentions, bundle, known)
    seconds = time.perf_counter() - start
    return {"build": build, "seconds": seconds, "names_per_s": names / seconds, "linked": len(result.links) / names,
            "ambiguous": sum(d.code == "RK-K051" for d in result.diagnostics) / names}


def _roster_csv(rows: int, rng: random.Random) -> bytes:
    lines = ["Personnummer;Förnamn;Efternamn;Anställningsdatum;Anställningsform;Befattning;Sysselsättningsgrad"]
    for _ in range(rows):
        number, name, _ = _person(rng)
        given, _, family = name.split()
        lines.append(f"{number[:8]}-{number[8:]};{given};{family};2024-0{rng.randrange(1, 10)}-15;Tillsvidare;"
                     f"Behandlingsassistent;0,75")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _roster_paxml(rows: int, rng: random.Random) -> bytes:
    people = []
    for i in range(rows):
        number, name, _ = _person(rng)
        given, _, family = name.split()
        people.append(f'<person anstid="{i}" persnr="{number}"><fornamn>{given}</fornamn><efternamn>{family}'
                      f'</efternamn><befattning>Undersköterska</befattning><anstform>Tillsvidare</anstform>'
                      f'<anstdatum>2024-02-01</anstdatum></person>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<paxml><header><version>2.0</version></header><personal>'
            + "\n".join(people) + "</personal></paxml>\n").encode("utf-8")


_IVO = "urn:riv:masterdata:organisationalresources:licensetopractice:GetHospPersonForIvoResponder:2"


def _hosp_ivo(rows: int, rng: random.Random) -> bytes:
    answers = []
    for i in range(rows):
        number, name, born = _person(rng)
        given, _, family = name.split()
        answers.append(
            f'<svar personnummer="{number}"><ivo:GetHospPersonForIvoResponse xmlns:ivo="{_IVO}"><ivo:hospPerson>'
            f"<ivo:hospId><ivo:root>1.2.752.116.3.1.1</ivo:root><ivo:extension>{i}</ivo:extension></ivo:hospId>"
            f"<ivo:personId><ivo:root>1.2.752.129.2.1.3.1</ivo:root><ivo:extension>{number}</ivo:extension>"
            f"</ivo:personId><ivo:efternamn>{family}</ivo:efternamn><ivo:samtligaFornamn>{given}</ivo:samtligaFornamn>"
            f"<ivo:fodelsedatum>{born:%Y%m%d}</ivo:fodelsedatum><ivo:skyddadIdentitet>false</ivo:skyddadIdentitet>"
            "<ivo:avliden>false</ivo:avliden><ivo:utvandrad>false</ivo:utvandrad><ivo:legitimation>"
            "<ivo:legitimeratYrke><ivo:code>SJ</ivo:code></ivo:legitimeratYrke><ivo:giltigLegitimation>true"
            "</ivo:giltigLegitimation><ivo:utbildning><ivo:code>X</ivo:code></ivo:utbildning><ivo:legitimationsDatum>"
            "20120601</ivo:legitimationsDatum></ivo:legitimation></ivo:hospPerson></ivo:GetHospPersonForIvoResponse>"
            "</svar>")
    return _hosp_batch(answers)


def _register_log(rows: int, rng: random.Random) -> bytes:
    lines = ["Personnummer;Namn;Utdragstyp;Register;Utfärdat;Visat;Sparad till"]
    for _ in range(rows):
        number, name, _ = _person(rng)
        lines.append(f"{number[:8]}-{number[8:]};{name};HVB_2007_171;belastning + misstanke;2026-04-20;2026-05-04;"
                     "2028-06-01")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _officers(rows: int, rng: random.Random) -> bytes:
    lines = ["Orgnr;Pnr;Förnamn;Efternamn;Funktion;Tillträdde;Avgick"]
    for _ in range(rows):
        number, name, _ = _person(rng)
        given, _, family = name.split()
        lines.append(f"556036-0793;{number};{given};{family};Styrelseledamot;2024-05-14;")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


_A = "urn:riv:infrastructure:directory:authorizationmanagement"


def _hosp_batch(answers: list[str]) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<hospUttag lastUpdate="2026-11-20T06:00:00">'
            + "\n".join(answers) + "</hospUttag>\n").encode("utf-8")


def _hosp_credentials(rows: int, rng: random.Random) -> bytes:
    answers = []
    for _ in range(rows):
        number, _, _ = _person(rng)
        answers.append(
            f'<svar personnummer="{number}"><hosp:GetHospCredentialsForPersonResponse '
            f'xmlns:hosp="{_A}:GetHospCredentialsForPersonResponder:1" xmlns:m1="{_A}:2.1" xmlns:m3="{_A}:2.3">'
            f"<hosp:personalIdentityNumber><m1:root>1.2.752.129.2.1.3.1</m1:root><m1:extension>{number}"
            "</m1:extension></hosp:personalIdentityNumber><hosp:healthCareProfessionalLicence>"
            "<m3:healthCareProfessionalLicenceCode>SJ</m3:healthCareProfessionalLicenceCode>"
            "<m3:healthCareProfessionalLicenceName>Sjuksköterska</m3:healthCareProfessionalLicenceName>"
            "</hosp:healthCareProfessionalLicence></hosp:GetHospCredentialsForPersonResponse></svar>")
    return _hosp_batch(answers)


def _officers_json(rows: int, rng: random.Random) -> bytes:
    import json

    officers = []
    for _ in range(rows):
        number, name, _ = _person(rng)
        given, _, family = name.split()
        officers.append({"personnamn": {"fornamn": given, "efternamn": family},
                         "identitet": {"typ": {"kod": "PERSONNUMMER"}, "identitetsbeteckning": number},
                         "funktionarsroller": [{"kod": "LE", "klartext": "Styrelseledamot"}]})
    answer = [{"identitet": {"typ": {"kod": "ORGNR"}, "identitetsbeteckning": "5560360793"},
               "organisationsnamn": {"namn": "Bench AB"}, "funktionarer": officers}]
    return json.dumps(answer, ensure_ascii=False, indent=1).encode("utf-8")


GENERATORS = {"personal_csv": ("lonelista.csv", _roster_csv), "personal_paxml": ("personal.xml", _roster_paxml),
              "hosp_ivo": ("hosp.xml", _hosp_ivo), "registerkontroll": ("logg.csv", _register_log),
              "bolagsverket_csv": ("funktionarer.csv", _officers), "hosp_legitimation": ("cred.xml", _hosp_credentials),
              "bolagsverket": ("funktionarer.json", _officers_json)}


def bench_adapter(name: str, rows: int, seed: int, folder: Path) -> dict[str, float]:
    import importlib

    from regelkoll.adapters.manifest import ADAPTERS

    filename, generate = GENERATORS[name]
    path = folder / filename
    path.write_bytes(generate(rows, random.Random(seed)))
    spec = Kalla(fil=filename, adapter=name, verksamhet="hvb-a", organisation="org-a", uttagsdatum=date(2026, 11, 20),
                 organisationer={"556036-0793": "org-a"})
    module = importlib.import_module(f"regelkoll.adapters.{ADAPTERS[name][0]}")
    best = float("inf")
    for _ in range(3):
        out = Collected()
        start = time.perf_counter()
        module.read(SourceFile(path, str(path), spec, 1), out)
        best = min(best, time.perf_counter() - start)
    assert len(out.records) >= rows, f"{name}: {len(out.records)} of {rows} rows read ({out.diagnostics[:3]})"
    return {"seconds": best, "rows_per_s": rows / best}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--register", type=int, default=300_000)
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    result = bench_resolution(args.register, args.names, args.seed)
    print(f"identity resolution: register of {args.register} built in {result['build']:.2f} s; {args.names} "
          f"names matched in {result['seconds']:.2f} s: {result['names_per_s']:,.0f} names/s, linked "
          f"{result['linked']:.1%}, ambiguous {result['ambiguous']:.1%}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in GENERATORS:
            figures = bench_adapter(name, args.rows, args.seed, Path(tmp))
            print(f"{name}: {args.rows} rows in {figures['seconds']:.2f} s, {figures['rows_per_s']:,.0f} rows/s")


if __name__ == "__main__":
    main()
