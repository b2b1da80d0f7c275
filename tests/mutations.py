"""Random mutations of the demo county and the properties every run of the loader must keep.

Shared by `tests/test_fuzz_loader.py` (a fixed seed, a few dozen mutations) and
`bench/fuzz_loader.py` (the long campaign). Nothing here imports product code: the
oracles are written from the README's promises, so a change in the loader cannot
quietly change what is expected of it.

A case is the demo bundle (`fixtures/demo`) with 1–3 mutations applied, in three
phases: structural mutations of the parsed records (values may be raw YAML
snippets, kept as sentinels until the file is dumped again), the dump (YAML, or
JSON for a file converted), then mutations of the bytes (truncation, flips,
duplicate keys, empty files, encodings). The demo files round-trip exactly
through `yaml.safe_dump`, so an unmutated file is written byte for byte as it
is in the fixture.

Properties of a run (`check_run`):

- `exit_status`: 0, 1 or 2;
- `no_traceback` / `no_internal_error`: neither "Traceback" nor "internt fel" in stdout or stderr;
- `json_parses`: stdout of `--format json` is one JSON document;
- `facility_named` (`facility_named_in_unreadable_file` when the facility's file does not parse): every
  facility of the input whose id can still be read from the text of
  the mutated bundle is named by the report: in `run.facilities` or as `facility_id` of an error
  (or finding). "Can still be read": the `id` of a record under `verksamhet` that is a string of
  the README's id syntax (`[\\w.:-]{1,200}`, read with the README's strict scalar rules, so `id: 12`
  is a number, not an id; an id shaped like a personal number is not expected, since printing it would
  leak it). When the file no longer parses as YAML, the id is read from the text
  (`- id: X` lines in the `verksamhet:` section): the README promises that a facility that cannot
  be checked is named, and a syntax error elsewhere in the file does not make its id unreadable;
- `no_personal_number`: without `--show-personal-data` nothing shaped like a personal identity
  number appears in stdout or stderr (also inside JSON strings, and in any Unicode digits):
  12 digits `ÅÅÅÅMMDDNNNN` / `ÅÅÅÅMMDD-NNNN`, or 10 digits `ÅÅMMDD-NNNN` / `ÅÅMMDD+NNNN`, with
  month 01–12 and day 01–31 or 61–91 (samordningsnummer);
- `text_*` (for the text format): the same exit status as the JSON run, and no raw control
  character (C0 but tab and newline, DEL, C1, U+2028/2029, bidi overrides) on the terminal;
- `deterministic`: the same bundle checked twice gives the same bytes on stdout and stderr.
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"

# ---------------------------------------------------------------------------------------------
# The README's strict reading of YAML scalars: only true/false are booleans, only decimal digits
# are integers, timestamps stay strings (pydantic judges them), floats and null as YAML 1.1.


class RefLoader(yaml.SafeLoader):
    pass


_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"}
RefLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RefLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
RefLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))


def ref_load(text: str) -> Any:
    return yaml.load(text, Loader=RefLoader)  # noqa: S506 - a SafeLoader subclass


ID_RE = re.compile(r"[\w.:\-]{1,200}")

DATE_FIELDS = {
    "per_datum", "startdatum", "upphorde", "anmald_ivo", "beslutsdatum", "fran", "till", "inskriven",
    "utskriven", "lamplighet_dokumenterad", "anmald", "datum", "verkstallt", "avslutat", "aterupptaget",
    "kvartal_slut", "utfardat", "uppvisat", "bevarat_till", "start", "slut", "erbjuden", "information",
    "samtycke", "upprattad", "delegeringsbeslut",
}
BOOL_FIELDS = {"tar_emot_barn", "bosatt_i_hemmet", "upprepning", "lakemedel", "delegerad"}
INT_FIELDS = {"alder", "alder_fran", "alder_till", "platser", "patient_alder"}
REF_FIELDS = {"organisation", "verksamhet", "person", "beslut", "utforare", "legitimation", "tillstand"}
CODE_FIELDS = {"klient", "patient"}

# Skatteverket's test numbers, as the demo county uses them (never a real person).
TEST_PNR = json.loads((ROOT / "fixtures" / "testpersonnummer.json").read_text(encoding="utf-8"))["personnummer"]


def pnr_forms(rng: random.Random) -> tuple[str, str]:
    """A valid test personnummer in one of the shapes a careless supplier types; (value, shape)."""
    p = rng.choice(TEST_PNR)
    shapes = {
        "12-med-streck": f"{p[:8]}-{p[8:]}",
        "12-siffror": p,
        "10-med-streck": f"{p[2:8]}-{p[8:]}",
        "i-text": f"gäller {p[:8]}-{p[8:]} enligt uppgift",
        "med-prefix": f"K-{p}",
        "10-i-text": f"pnr {p[2:8]}-{p[8:]}",
        "helbredd": "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in f"{p[:8]}-{p[8:]}"),
    }
    shape = rng.choice(sorted(shapes))
    return shapes[shape], shape


# ---------------------------------------------------------------------------------------------
# Personal identity numbers in output

_PNR_12 = re.compile(r"(?<!\d)(?:18|19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])-?\d{4}(?!\d)")
_PNR_10 = re.compile(r"(?<!\d)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]\d{4}(?!\d)")
_DIGEST = re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])")
_UNI_DIGIT = re.compile(r"[^\x00-\x7f]")


def _ascii_digits(text: str) -> str:
    def one(m: re.Match) -> str:
        d = unicodedata.decimal(m.group(), None)
        return str(d) if d is not None else m.group()
    return _UNI_DIGIT.sub(one, text)


def find_personal_numbers(text: str) -> list[str]:
    """Every identity-number-shaped string in `text` (SHA-256 digests are skipped)."""
    text = _DIGEST.sub(" ", _ascii_digits(text))
    return [m.group() for rx in (_PNR_12, _PNR_10) for m in rx.finditer(text)]


def _json_strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


# ---------------------------------------------------------------------------------------------
# The bundle and the mutations


def demo_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(DEMO.iterdir()) if p.is_file()}


_PARSED: dict[tuple[str, bytes], tuple[str, Any]] = {}


def _has_sentinel(value: Any) -> bool:
    if isinstance(value, str):
        return "RAWSENTINEL" in value
    if isinstance(value, dict):
        return any(_has_sentinel(k) or _has_sentinel(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_sentinel(v) for v in value)
    return False


def _parsed_demo(name: str, data: bytes) -> tuple[str, Any]:
    if (name, data) not in _PARSED:
        text = data.decode("utf-8")
        head = "".join(line for line in text.splitlines(True) if line.startswith("#"))
        _PARSED[(name, data)] = (head, ref_load(text))
    return _PARSED[(name, data)]


@dataclass
class Work:
    """A bundle being mutated: parsed documents (phase 1), then bytes (phase 3)."""

    rng: random.Random
    files: dict[str, bytes]
    docs: dict[str, Any] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    raws: dict[str, str] = field(default_factory=dict)  # sentinel -> raw YAML
    as_json: dict[str, bool] = field(default_factory=dict)  # file -> ensure_ascii
    prefix: dict[str, str] = field(default_factory=dict)  # raw YAML put before the dump (anchors)

    def parse(self) -> None:
        for name, data in self.files.items():
            head, doc = _parsed_demo(name, data)
            self.heads[name] = head
            self.docs[name] = copy.deepcopy(doc)

    def raw(self, snippet: str) -> str:
        key = f"RAWSENTINEL{len(self.raws):03d}X"
        self.raws[key] = snippet
        return key

    def dump(self) -> None:
        for name, doc in self.docs.items():
            original = _PARSED.get((name, self.files.get(name, b"")))
            if name not in self.as_json and original is not None and original[1] == doc and not _has_sentinel(doc):
                continue  # untouched: keep the fixture's bytes
            if name in self.as_json:
                text = json.dumps(doc, indent=2, ensure_ascii=self.as_json[name]) + "\n"
            else:
                text = self.heads.get(name, "") + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=10**9)
            for key, snippet in self.raws.items():
                text = text.replace(f'"{key}"', snippet).replace(f"'{key}'", snippet).replace(key, snippet)
            new = name
            if name in self.as_json and self.rng.random() < 0.7:
                new = name.rsplit(".", 1)[0] + ".json"
            self.files.pop(name, None)
            self.files[new] = text.encode("utf-8", "surrogatepass")
        self.docs = {}

    # -- helpers over the parsed records ---------------------------------------------------
    def records(self, kind: str | None = None) -> list[tuple[str, str, int, dict]]:
        out = []
        for name, doc in self.docs.items():
            if not isinstance(doc, dict):
                continue
            for k, recs in doc.items():
                if (kind is None or k == kind) and isinstance(recs, list):
                    out += [(name, k, i, r) for i, r in enumerate(recs) if isinstance(r, dict)]
        return out

    def slots(self, pred: Callable[[str, Any], bool]) -> list[tuple[str, str, int, dict, str]]:
        return [(n, k, i, r, f) for n, k, i, r in self.records() for f, v in r.items()
                if isinstance(f, str) and pred(f, v)]

    def pick_slot(self, pred: Callable[[str, Any], bool]):
        slots = self.slots(pred)
        return self.rng.choice(slots) if slots else None


def _where(n: str, k: str, i: int, r: dict, f: str | None = None) -> str:
    rid = r.get("id", f"#{i}")
    return f"{n}:{k}[{rid}]" + (f".{f}" if f else "")


def _is_str(f: str, v: Any) -> bool:
    return isinstance(v, str)


# Each mutation: (work, rng) -> description, or None when it does not apply (another is drawn).

def m_delete_key(w: Work, rng: random.Random):
    s = w.pick_slot(lambda f, v: True)
    if not s:
        return None
    n, k, i, r, f = s
    where = _where(n, k, i, r, f)
    del r[f]
    return f"delete key {where}"


def m_delete_facility_id(w: Work, rng: random.Random):
    recs = w.records("verksamhet")
    n, k, i, r = rng.choice(recs)
    old = r.pop("id", None)
    return f"delete id of facility {old} in {n}"


def m_swap_values(w: Work, rng: random.Random):
    recs = [x for x in w.records() if len(x[3]) >= 2]
    n, k, i, r = rng.choice(recs)
    a, b = rng.sample(sorted(r, key=str), 2)
    where = _where(n, k, i, r)
    r[a], r[b] = r[b], r[a]
    return f"swap values of {a} and {b} in {where}"


def m_swap_between_records(w: Work, rng: random.Random):
    s = w.pick_slot(lambda f, v: True)
    n, k, i, r, f = s
    others = [x for x in w.records(k) if x[3] is not r and f in x[3]]
    if not others:
        return None
    r2 = rng.choice(others)[3]
    where = f"{_where(n, k, i, r, f)} <-> {r2.get('id')}"
    r[f], r2[f] = r2[f], r[f]
    return f"swap {where}"


INT_IN_DATE = ["0", "1", "-1", "20250101", "45000", "1700000000"]
DATETIMES = ["2025-03-01T10:00:00", "2025-03-01 10:00:00", "2025-03-01T00:00:00Z", "2025-03-01T23:59:59+01:00",
             "'2025-03-01T10:00:00'", "2025-03-01t10:00:00.5", "2025-03-01 00:00"]
EXTREME_DATES = ["'9999-12-31'", "'0001-01-01'", "'9999-12-01'", "'2025-02-29'", "'2024-02-29'", "'0000-01-01'",
                 "'10000-01-01'", "'1900-01-01'", "'2099-12-31'", "'9998-12-31'"]
BAD_DATES = ["'2025-1-5'", "'20250105'", "'2025/01/05'", "''", "' 2025-01-05'", "\"2025-01-05\\n\"", "'2025-13-01'",
             "'2025-00-10'", "'05-01-2025'", "'idag'", "'２０２５-０１-０５'", "'2025-01-05 '"]


def _set_typed(w: Work, rng: random.Random, fields: set[str] | None, values: list[str], label: str):
    s = w.pick_slot(lambda f, v: fields is None or f in fields)
    if not s:
        return None
    n, k, i, r, f = s
    v = rng.choice(values)
    where = _where(n, k, i, r, f)
    r[f] = w.raw(v)
    return f"{label}: {where} := {v}"


def m_int_in_date(w, rng):
    return _set_typed(w, rng, DATE_FIELDS, INT_IN_DATE, "int in date field")


def m_datetime_in_date(w, rng):
    return _set_typed(w, rng, DATE_FIELDS, DATETIMES, "datetime in date field")


def m_extreme_date(w, rng):
    return _set_typed(w, rng, DATE_FIELDS, EXTREME_DATES, "extreme date")


def m_bad_date(w, rng):
    return _set_typed(w, rng, DATE_FIELDS, BAD_DATES, "malformed date")


BOOL_LAX = ["yes", "no", "on", "off", "y", "n", "0", "1", "'true'", "True", "TRUE", "~", "''", "'ja'"]


def m_bool_lax(w, rng):
    s = w.pick_slot(lambda f, v: f in BOOL_FIELDS)
    if not s or rng.random() < 0.3:
        # add the field to a record that may have it
        kinds = {"verksamhet": "tar_emot_barn", "engagemang": "bosatt_i_hemmet", "behandling": "delegerad"}
        n, k, i, r = rng.choice([x for x in w.records() if x[1] in kinds])
        f = kinds[k]
    else:
        n, k, i, r, f = s
    v = rng.choice(BOOL_LAX)
    where = _where(n, k, i, r, f)
    r[f] = w.raw(v)
    return f"lax boolean: {where} := {v}"


ANY_TYPED = ["0", "-5", "1.5", ".nan", ".inf", "-.inf", "1e3", "~", "null", "[]", "{}", "[a, b]", "{x: 1}", "true",
             "'12'", "0x1F", "0o17", "1_000", "12:30", "+7", "007", "'  '", "\"\\t\"", "[[1, 2], {a: b}]"]


def m_type_change(w, rng):
    return _set_typed(w, rng, None, ANY_TYPED, "type change")


def m_int_field(w, rng):
    return _set_typed(w, rng, INT_FIELDS, ["-1", "0", "121", "1000000", "'15'", "15.0", "15.5", "true", "'femton'"],
                      "odd number")


def m_huge_int(w, rng):
    digits = rng.choice([19, 20, 39, 64, 309, 4299, 4301, 5000, 20000])
    v = "9" + "".join(rng.choice("0123456789") for _ in range(digits - 1))
    s = w.pick_slot(lambda f, v_: f in INT_FIELDS) if rng.random() < 0.5 else w.pick_slot(lambda f, v_: True)
    n, k, i, r, f = s
    where = _where(n, k, i, r, f)
    r[f] = w.raw(("-" if rng.random() < 0.2 else "") + v)
    return f"huge int ({digits} digits): {where}"


def m_long_string(w, rng):
    length = rng.choice([199, 200, 201, 250, 1000, 100_000, 1_000_000])
    s = w.pick_slot(lambda f, v: f in {"id", "namn", "klient", "patient", "beskrivning", "villkor", "insats",
                                       "kommun", "ingrepp"} or f in REF_FIELDS)
    n, k, i, r, f = s
    where = _where(n, k, i, r, f)
    fill = rng.choice(["x", "å", "a-", "𝔘"])
    r[f] = (fill * length)[:length]
    return f"long string ({length} chars of {fill!r}): {where}"


def m_deep_nesting(w, rng):
    depth = rng.choice([10, 50, 99, 100, 101, 500, 990, 1000, 2000, 5000])
    s = w.pick_slot(lambda f, v: True)
    n, k, i, r, f = s
    if rng.random() < 0.6:
        v = "[" * depth + "]" * depth
        shape = "list"
    else:
        v = "{a: " * depth + "1" + "}" * depth
        shape = "mapping"
    where = _where(n, k, i, r, f)
    r[f] = w.raw(v)
    return f"deep nesting ({depth} levels of {shape}): {where}"


def m_alias(w, rng):
    choice = rng.choice(["duplicate-record", "record-as-value", "value-alias", "small-bomb", "merge-key"])
    n, k, i, r = rng.choice(w.records())
    where = _where(n, k, i, r)
    if choice == "duplicate-record":
        # record i gets an anchor, the same list gets an alias to it
        anchor = w.raw("&rec1 " + json.dumps(r, ensure_ascii=False, default=str))
        w.docs[n][k][i] = anchor
        w.docs[n][k].append(w.raw("*rec1"))
        return f"alias: record {where} repeated through an anchor/alias"
    if choice == "record-as-value":
        anchor = w.raw("&rec1 " + json.dumps(r, ensure_ascii=False, default=str))
        w.docs[n][k][i] = anchor
        others = [x for x in w.records() if x[0] == n and x[3] is not r]
        if not others:
            return None
        n2, k2, i2, r2 = rng.choice(others)
        f = rng.choice(sorted(r2, key=str))
        r2[f] = w.raw("*rec1")
        return f"alias: record {where} used as the value of {_where(n2, k2, i2, r2, f)}"
    if choice == "value-alias":
        f = rng.choice(sorted(r, key=str))
        r[f] = w.raw(f"&v1 {json.dumps(r[f], ensure_ascii=False, default=str)}")
        others = [x for x in w.records() if x[0] == n and x[3] is not r]
        if not others:
            return None
        n2, k2, i2, r2 = rng.choice(others)
        f2 = rng.choice(sorted(r2, key=str))
        r2[f2] = w.raw("*v1")
        return f"alias: value of {where}.{f} aliased into {_where(n2, k2, i2, r2, f2)}"
    if choice == "merge-key":
        others = [x for x in w.records() if x[0] == n and x[3] is not r and x[1] == k]
        if not others:
            return None
        anchor = w.raw("&rec1 " + json.dumps(r, ensure_ascii=False, default=str))
        w.docs[n][k][i] = anchor
        n2, k2, i2, r2 = rng.choice(others)
        r2["<<"] = w.raw("*rec1")
        return f"alias: merge key <<: *rec1 from {where} into {_where(n2, k2, i2, r2)}"
    levels, fan = rng.choice([(2, 3), (3, 4), (4, 4), (4, 5), (5, 5)])
    lines = "[&l0 x]"
    parts = ["&l0 [x]"]
    for lv in range(1, levels + 1):
        parts.append(f"&l{lv} [" + ", ".join([f"*l{lv - 1}"] * fan) + "]")
    lines = "[" + ", ".join(parts) + "]"
    f = rng.choice(sorted(r, key=str))
    r[f] = w.raw(lines)
    return f"alias: small bomb ({levels} levels x {fan} = {fan ** levels} leaves) in {where}.{f}"


TAGS = ['!!python/object/apply:os.system ["echo pwned"]', "!!python/name:os.system", "!!binary aGVsbG8=",
        "!!set {a, b}", "!!omap [{a: 1}]", "!custom x", "!!str 2025-01-01", '!!int "12"', "!!float 1",
        "!!timestamp 2025-01-01", "!!null ''", "!<tag:example.com,2000:x> y", "!!bool yes", "!!str",
        "!!timestamp 2025-01-01T10:00:00", "!!python/tuple [1, 2]", "!!pairs [{a: 1}]"]


def m_yaml_tag(w, rng):
    return _set_typed(w, rng, None, TAGS, "YAML tag")


CONTROL = ["\x1b[31mRÖD\x1b[0m", "\n", "\r\nverksamhet hvb-falsk: RK-E001: förfalskad rad", "\t", "\x07", "\x08\x08\x08",
           "\x00", "\x7f", "\x85", "\u2028", "\u202e", "\u200b", "\ufeff", "\x1b]0;titel\x07", "\x9b31m", "\x1b[2J",
           "\nverksamhet: förfalskad rubrik\n"]


def m_control_chars(w, rng):
    s = w.pick_slot(lambda f, v: isinstance(v, str) and f in {"namn", "beskrivning", "villkor", "insats", "kommun",
                                                              "ingrepp", "id", "klient", "patient"})
    n, k, i, r, f = s
    c = rng.choice(CONTROL)
    where = _where(n, k, i, r, f)
    pos = rng.randint(0, len(r[f]))
    r[f] = r[f][:pos] + c + r[f][pos:]
    return f"control characters {c!r} in {where}"


UNICODE = [("NFD", lambda s: unicodedata.normalize("NFD", s)), ("homoglyph", lambda s: s.replace("a", "а").replace("o", "о")),
           ("RTL-override", lambda s: "\u202e" + s), ("emoji", lambda s: s + " 👩‍⚕️"), ("astral", lambda s: s + "𝔘𝔫𝔦"),
           ("combining", lambda s: s + "\u0301\u0301\u0301"), ("zalgo", lambda s: "".join(ch + "\u0336" for ch in s)),
           ("fullwidth", lambda s: "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in s)),
           ("ZWJ", lambda s: "\u200d".join(s)), ("lone-surrogate", None), ("arabic-digits", None)]


def m_unicode(w, rng):
    label, fn = rng.choice(UNICODE)
    if label == "lone-surrogate":
        return _set_typed(w, rng, None, ['"\\ud800x"', '"a\\udfffb"'], "unicode lone surrogate")
    if label == "arabic-digits":
        s = w.pick_slot(lambda f, v: f in DATE_FIELDS | INT_FIELDS | {"personnummer"})
        n, k, i, r, f = s
        v = str(r[f])
        r[f] = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in v)
        return f"unicode Arabic-Indic digits in {_where(n, k, i, r, f)}: {r[f]!r}"
    s = w.pick_slot(_is_str)
    n, k, i, r, f = s
    where = _where(n, k, i, r, f)
    r[f] = fn(r[f])
    return f"unicode {label} in {where}"


def m_pnr_in_string(w, rng):
    s = w.pick_slot(lambda f, v: isinstance(v, str) and f != "personnummer")
    n, k, i, r, f = s
    v, shape = pnr_forms(rng)
    where = _where(n, k, i, r, f)
    r[f] = v
    return f"personnummer ({shape}) typed into {where}"


def m_pnr_in_code(w, rng):
    s = w.pick_slot(lambda f, v: f in CODE_FIELDS | {"id"} | REF_FIELDS)
    n, k, i, r, f = s
    v, shape = pnr_forms(rng)
    where = _where(n, k, i, r, f)
    r[f] = v
    return f"personnummer ({shape}) as code/id {where}"


def m_pnr_in_list(w, rng):
    s = w.pick_slot(lambda f, v: isinstance(v, list) and v and all(isinstance(x, str) for x in v))
    if not s:
        return None
    n, k, i, r, f = s
    v, shape = pnr_forms(rng)
    where = _where(n, k, i, r, f)
    r[f] = [*r[f], v]
    return f"personnummer ({shape}) added to list {where}"


def m_pnr_as_key(w, rng):
    n, k, i, r = rng.choice(w.records())
    v, shape = pnr_forms(rng)
    r[v] = "x"
    return f"personnummer ({shape}) as a field name in {_where(n, k, i, r)}"


def m_pnr_invalid(w, rng):
    """A personnummer-shaped string with a wrong check digit in the personnummer field."""
    s = w.pick_slot(lambda f, v: f == "personnummer")
    n, k, i, r, f = s
    p = r[f].replace("-", "")
    bad = p[:11] + str((int(p[11]) + 1) % 10)
    where = _where(n, k, i, r, f)
    r[f] = rng.choice([bad, f"{bad[:8]}-{bad[8:]}", f"{p[2:8]}-{p[8:]}", f"{p[:8]} {p[8:]}"])
    return f"wrong personnummer {where} := {r[f]!r}"


def m_duplicate_id(w, rng):
    n, k, i, r = rng.choice(w.records())
    if rng.random() < 0.5:
        w.docs[n][k].append(dict(r))
        return f"duplicate record {_where(n, k, i, r)} (same id twice)"
    others = [x for x in w.records(k) if x[3] is not r and "id" in x[3]]
    if not others:
        return None
    old = r.get("id")
    r["id"] = rng.choice(others)[3]["id"]
    return f"duplicate id: {n}:{k}[{old}].id := {r['id']}"


def m_dangling_ref(w, rng):
    s = w.pick_slot(lambda f, v: f in REF_FIELDS)
    n, k, i, r, f = s
    old = r[f]
    where = _where(n, k, i, r, f)
    r[f] = f"saknas-{rng.randint(1, 999)}"
    return f"dangling reference {where}: {old} -> {r[f]}"


def m_org_facility_same_id(w, rng):
    facs = w.records("verksamhet")
    n, k, i, r = rng.choice(facs)
    if rng.random() < 0.5:
        orgs = w.records("organisation")
        org = rng.choice(orgs)[3]
        org_file = orgs[0][0]
        w.docs[org_file]["organisation"].append({"id": r.get("id"), "namn": "Samma Id AB", "regi": "enskild"})
        return f"organisation added with the id of facility {r.get('id')}"
    orgs = w.records("organisation")
    oid = rng.choice(orgs)[3]["id"]
    old = r.get("id")
    r["id"] = oid
    return f"facility {old} renamed to organisation id {oid} ({n})"


def m_kontext(w, rng):
    ctx = [n for n, d in w.docs.items() if isinstance(d, dict) and "kontext" in d][0]
    choice = rng.choice(["delete", "second-different", "int", "datetime", "extreme", "list", "unknown-field"])
    if choice == "delete":
        del w.docs[ctx]["kontext"]
    elif choice == "second-different":
        other = rng.choice([n for n in w.docs if n != ctx])
        w.docs[other]["kontext"] = {"per_datum": "2025-01-01"}
    elif choice == "int":
        w.docs[ctx]["kontext"]["per_datum"] = w.raw("20261120")
    elif choice == "datetime":
        w.docs[ctx]["kontext"]["per_datum"] = w.raw("2026-11-20T12:00:00")
    elif choice == "extreme":
        w.docs[ctx]["kontext"]["per_datum"] = rng.choice(["9999-12-31", "0001-01-01"])
    elif choice == "list":
        w.docs[ctx]["kontext"] = [{"per_datum": "2026-11-20"}]
    else:
        w.docs[ctx]["kontext"]["per_dag"] = "2026-11-20"
    return f"kontext: {choice}"


def m_unknown(w, rng):
    n, k, i, r = rng.choice(w.records())
    if rng.random() < 0.5:
        key = rng.choice(["nman", "startdatun", "x", "Id", "ID", " id", "id ", "ïd"])
        r[key] = "värde"
        return f"unknown field {key!r} in {_where(n, k, i, r)}"
    key = rng.choice(["verksamheter", "Verksamhet", "belaggning", "tillstandsperiod", "okand", "rapportkvartal"])
    w.docs[n][key] = [{"id": "z-1"}]
    return f"unknown or derived kind {key!r} in {n}"


def m_wrong_container(w, rng):
    n, k, i, r = rng.choice(w.records())
    choice = rng.choice(["records-as-mapping", "record-as-list", "record-as-scalar", "record-null", "doc-list",
                         "doc-scalar", "records-scalar"])
    where = _where(n, k, i, r)
    if choice == "records-as-mapping":
        w.docs[n][k] = w.docs[n][k][i]
    elif choice == "record-as-list":
        w.docs[n][k][i] = [list(x) for x in r.items()]
    elif choice == "record-as-scalar":
        w.docs[n][k][i] = "id: " + str(r.get("id"))
    elif choice == "record-null":
        w.docs[n][k][i] = None
    elif choice == "doc-list":
        w.docs[n] = [w.docs[n]]
    elif choice == "doc-scalar":
        w.docs[n] = "verksamhet"
    else:
        w.docs[n][k] = "ingen"
    return f"wrong container ({choice}) at {where}"


def m_move_record(w, rng):
    n, k, i, r = rng.choice(w.records("verksamhet"))
    other = rng.choice([x for x in w.docs if x != n and isinstance(w.docs[x], dict)])
    w.docs[n][k].remove(r)
    w.docs[other].setdefault("verksamhet", []).append(r)
    return f"facility {r.get('id')} moved from {n} to {other}"


def m_json_file(w, rng):
    n = rng.choice(sorted(w.docs))
    w.as_json[n] = rng.random() < 0.5
    return f"{n} written as JSON (ensure_ascii={w.as_json[n]})"


# -- phase 3: bytes ------------------------------------------------------------------------------

def _pick_file(w: Work, rng: random.Random) -> str:
    names = sorted(w.files)
    return rng.choice(names)


def b_truncate(w, rng):
    n = _pick_file(w, rng)
    data = w.files[n]
    at = rng.randint(0, max(len(data) - 1, 0))
    w.files[n] = data[:at]
    return f"truncate {n} at byte {at} of {len(data)}"


def b_flip(w, rng):
    n = _pick_file(w, rng)
    data = bytearray(w.files[n])
    if not data:
        return None
    flips = []
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data))
        old = data[at]
        data[at] = old ^ (1 << rng.randrange(8)) if rng.random() < 0.5 else rng.randrange(256)
        flips.append(f"{at}:{old:#04x}->{data[at]:#04x}")
    w.files[n] = bytes(data)
    return f"byte flips in {n} ({', '.join(flips)})"


def b_duplicate_key(w, rng):
    n = _pick_file(w, rng)
    lines = w.files[n].decode("utf-8", "surrogateescape").splitlines(True)
    cands = [j for j, line in enumerate(lines) if re.match(r"^(- |  )?[a-z_]+: ", line)]
    if not cands:
        return None
    j = rng.choice(cands)
    line = lines[j]
    indent = "  " if line.startswith(("- ", "  ")) else ""
    body = line[2:] if indent else line
    if rng.random() < 0.5:
        key = body.split(":", 1)[0]
        dup = f"{indent}{key}: {rng.choice(['annat', '2020-01-01', '1', 'x'])}\n"
    else:
        dup = indent + body
    lines.insert(j + 1, dup)
    w.files[n] = "".join(lines).encode("utf-8", "surrogateescape")
    return f"duplicate key in {n} line {j + 2}: {dup.strip()!r}"


def b_duplicate_kind(w, rng):
    n = _pick_file(w, rng)
    text = w.files[n].decode("utf-8", "surrogateescape")
    kinds = re.findall(r"^([a-z_]+):", text, re.M)
    if not kinds:
        return None
    k = rng.choice(kinds)
    text += f"{k}:\n- id: dubblett-{rng.randint(1, 99)}\n"
    w.files[n] = text.encode("utf-8", "surrogateescape")
    return f"top-level kind {k!r} given twice in {n}"


def b_empty(w, rng):
    n = _pick_file(w, rng)
    v = rng.choice([b"", b"---\n", b"~\n", b"[]\n", b"{}\n", b"# tom\n", b"\n\n", b"---\n...\n", b"\xef\xbb\xbf"])
    w.files[n] = v
    return f"{n} emptied to {v!r}"


def b_encoding(w, rng):
    n = _pick_file(w, rng)
    data = w.files[n]
    choice = rng.choice(["bom", "crlf", "latin1", "utf16", "invalid-utf8", "nul", "cr-only", "multi-doc"])
    if choice == "bom":
        data = b"\xef\xbb\xbf" + data
    elif choice == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif choice == "cr-only":
        data = data.replace(b"\n", b"\r")
    elif choice == "latin1":
        data = data.decode("utf-8", "replace").encode("latin-1", "replace")
    elif choice == "utf16":
        data = data.decode("utf-8", "replace").encode("utf-16")
    elif choice == "invalid-utf8":
        at = rng.randint(0, len(data))
        data = data[:at] + b"\xff\xfe\xc3" + data[at:]
    elif choice == "nul":
        at = rng.randint(0, len(data))
        data = data[:at] + b"\x00" + data[at:]
    else:
        data = data + b"---\nverksamhet:\n- id: andra-dokumentet\n"
    w.files[n] = data
    return f"encoding {choice} on {n}"


def b_pnr_filename(w, rng):
    n = _pick_file(w, rng)
    v, shape = pnr_forms(rng)
    v = v.replace(" ", "_").replace("/", "_")
    new = f"{v}-{n}"
    w.files[new] = w.files.pop(n)
    return f"personnummer ({shape}) in the file name {new!r}"


def b_new_file(w, rng):
    choice = rng.choice(["json-list", "only-kontext", "facility-only", "subdir"])
    if choice == "json-list":
        w.files["extra.json"] = b'[{"id": "x"}]'
    elif choice == "only-kontext":
        w.files["extra.yaml"] = b"kontext: {per_datum: '2026-11-20'}\n"
    elif choice == "facility-only":
        w.files["extra.yaml"] = b"verksamhet:\n- {id: hvb-ny, namn: HVB Ny, organisation: org-tallen, typ: hvb}\n"
    else:
        w.files["under/katalog/extra.yml"] = b"verksamhet:\n- {id: hvb-under, namn: HVB Under, organisation: org-tallen, typ: hvb}\n"
    return f"new file ({choice})"


@dataclass(frozen=True)
class Kind:
    name: str
    phase: int  # 1 structure, 2 dump choice, 3 bytes
    weight: int
    fn: Callable[[Work, random.Random], str | None]


KINDS: list[Kind] = [
    Kind("delete_key", 1, 4, m_delete_key),
    Kind("delete_facility_id", 1, 1, m_delete_facility_id),
    Kind("swap_values", 1, 3, m_swap_values),
    Kind("swap_between_records", 1, 2, m_swap_between_records),
    Kind("int_in_date", 1, 3, m_int_in_date),
    Kind("datetime_in_date", 1, 2, m_datetime_in_date),
    Kind("extreme_date", 1, 3, m_extreme_date),
    Kind("bad_date", 1, 2, m_bad_date),
    Kind("bool_lax", 1, 3, m_bool_lax),
    Kind("odd_number", 1, 2, m_int_field),
    Kind("type_change", 1, 3, m_type_change),
    Kind("huge_int", 1, 2, m_huge_int),
    Kind("long_string", 1, 2, m_long_string),
    Kind("deep_nesting", 1, 2, m_deep_nesting),
    Kind("alias", 1, 2, m_alias),
    Kind("yaml_tag", 1, 2, m_yaml_tag),
    Kind("control_chars", 1, 3, m_control_chars),
    Kind("unicode", 1, 2, m_unicode),
    Kind("pnr_in_string", 1, 5, m_pnr_in_string),
    Kind("pnr_in_code", 1, 4, m_pnr_in_code),
    Kind("pnr_in_list", 1, 1, m_pnr_in_list),
    Kind("pnr_as_key", 1, 1, m_pnr_as_key),
    Kind("pnr_invalid", 1, 2, m_pnr_invalid),
    Kind("duplicate_id", 1, 2, m_duplicate_id),
    Kind("dangling_ref", 1, 2, m_dangling_ref),
    Kind("org_facility_same_id", 1, 1, m_org_facility_same_id),
    Kind("kontext", 1, 1, m_kontext),
    Kind("unknown", 1, 1, m_unknown),
    Kind("wrong_container", 1, 1, m_wrong_container),
    Kind("move_record", 1, 1, m_move_record),
    Kind("json_file", 2, 2, m_json_file),
    Kind("truncate", 3, 3, b_truncate),
    Kind("byte_flip", 3, 3, b_flip),
    Kind("duplicate_key", 3, 2, b_duplicate_key),
    Kind("duplicate_kind", 3, 1, b_duplicate_kind),
    Kind("empty_file", 3, 1, b_empty),
    Kind("encoding", 3, 1, b_encoding),
    Kind("pnr_filename", 3, 1, b_pnr_filename),
    Kind("new_file", 3, 1, b_new_file),
]
KIND_BY_NAME = {k.name: k for k in KINDS}


@dataclass
class Case:
    seed: int
    index: int
    kinds: list[str]
    steps: list[str]
    files: dict[str, bytes]

    @property
    def id(self) -> str:
        return f"{self.index:03d}-{'+'.join(self.kinds)}"

    def describe(self) -> str:
        return f"case {self.id} (seed {self.seed}):\n" + "\n".join(f"  - {s}" for s in self.steps)

    def write(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        for name, data in self.files.items():
            p = directory / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        (directory.parent / f"{directory.name}.mutation.txt").write_text(self.describe() + "\n", encoding="utf-8")
        return directory


def make_case(seed: int, index: int, first: str | list[str] | None = None) -> Case:
    """Case `index` of the campaign `seed`: 1–3 random mutations, or exactly the kinds in `first` when it is a
    list (one kind: that one first, then random ones)."""
    rng = random.Random(f"{seed}:{index}")
    count = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
    if isinstance(first, list):
        count = len(first)
    forced = [first] if isinstance(first, str) else list(first or [])
    chosen: list[Kind] = [KIND_BY_NAME[k] for k in forced]
    while len(chosen) < count:
        chosen.append(rng.choices(KINDS, weights=[k.weight for k in KINDS])[0])
    chosen.sort(key=lambda k: k.phase)
    w = Work(rng, demo_files())
    w.parse()
    steps, names = [], []
    dumped = False
    for kind in chosen:
        if kind.phase == 3 and not dumped:
            w.dump()
            dumped = True
        for _ in range(20):
            try:
                desc = kind.fn(w, rng)
            except (IndexError, KeyError, ValueError, TypeError, AttributeError):
                desc = None  # the bundle no longer has what this mutation needs; draw again
            if desc:
                steps.append(desc)
                names.append(kind.name)
                break
    if not dumped:
        w.dump()
    return Case(seed, index, names, steps, dict(w.files))


def suite_cases(seed: int, count: int) -> list[Case]:
    """`count` cases whose first mutation cycles through every kind, so a short run covers all of them."""
    order = [k.name for k in KINDS]
    random.Random(seed).shuffle(order)
    return [make_case(seed, i, first=order[i % len(order)]) for i in range(count)]


# ---------------------------------------------------------------------------------------------
# Oracle: the facilities of the mutated input


def _unquote(v: str) -> Any:
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    if len(v) >= 2 and v[0] == v[-1] == '"':
        try:
            return json.loads(v)
        except ValueError:
            return None
    if " #" in v:
        v = v.split(" #", 1)[0].rstrip()
    try:
        return ref_load(v)
    except Exception:  # noqa: BLE001 - an unreadable scalar is no id
        return None


def _scan_text(text: str) -> list[str]:
    """Facility ids readable in a file that does not parse: `id:` lines of `verksamhet:` records."""
    ids = []
    if text.lstrip().startswith("{"):  # a JSON file: "verksamhet": [ ... "id": "x" ... ]
        m = re.search(r'"verksamhet"\s*:\s*\[', text)
        if m:
            end = re.search(r'\n  "[^"\n]*"\s*:', text[m.end():])
            seg = text[m.end(): m.end() + end.start()] if end else text[m.end():]
            for v in re.findall(r'^\s*"id"\s*:\s*("(?:[^"\\\n]|\\.)*")\s*,?\s*$', seg, re.M):
                ids.append(_unquote(v))
        return [i for i in ids if isinstance(i, str) and ID_RE.fullmatch(i)]
    section = None
    for line in text.splitlines():
        top = re.match(r"^([^\s#\-][^:]*):\s*(#.*)?$", line)
        if top:
            section = top.group(1).strip()
            continue
        if re.match(r"^\S", line) and not line.startswith(("- ", "#")):
            section = None
        if section != "verksamhet":
            continue
        m = re.match(r"^(?:- |  )id:\s(.*)$", line)
        if m:
            ids.append(_unquote(m.group(1)))
    return [i for i in ids if isinstance(i, str) and ID_RE.fullmatch(i)]


_IDS: dict[bytes, tuple[list[str], bool]] = {}


def expected_facilities(files: dict[str, bytes]) -> dict[str, tuple[str, bool]]:
    """Facility id -> (file, whether the file parses as YAML) for every facility id readable in the input."""
    out: dict[str, tuple[str, bool]] = {}
    for name, data in sorted(files.items()):
        if not name.endswith((".yaml", ".yml", ".json")):
            continue
        if data not in _IDS:
            _IDS[data] = _file_facilities(data)
        ids, ok = _IDS[data]
        for i in ids:
            if not find_personal_numbers(i):  # an id shaped like a personal number must not be printed: not expected
                out.setdefault(i, (name, ok))
    return out


def _file_facilities(data: bytes) -> tuple[list[str], bool]:
    text = data.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    parsed, ok = None, False
    try:
        if len(data) < 5_000_000:
            parsed, ok = ref_load(text), True
    except Exception:  # noqa: BLE001 - any failure: read the text instead
        ok = False
    if ok and "\ufffd" not in text:
        recs = parsed.get("verksamhet") if isinstance(parsed, dict) else None
        if isinstance(recs, dict):
            recs = [recs]
        ids = [r.get("id") for r in recs if isinstance(r, dict)] if isinstance(recs, list) else []
        ids = [i for i in ids if isinstance(i, str) and ID_RE.fullmatch(i)]
    else:
        ok = False
        ids = _scan_text(text)
    return ids, ok


# ---------------------------------------------------------------------------------------------
# Running the CLI and judging a run

CLI = Path(sys.executable).parent / "regelkoll"


def cli_command(root: Path = ROOT) -> list[str]:
    """The installed `regelkoll`; for another tree (a snapshot of a commit), that tree's `regelkoll.cli`."""
    if root == ROOT and CLI.exists():
        return [str(CLI)]
    return [sys.executable, "-c", _FROM_TREE, str(root)]


# the package `regelkoll` lives in the tree's engine/ (and regelkoll.adapters in its adapters/): loaded from
# there, not from the installed copy, so that a snapshot of an older commit runs its own code
_FROM_TREE = """import importlib.util, sys
root = sys.argv.pop(1)
spec = importlib.util.spec_from_file_location("regelkoll", root + "/engine/__init__.py",
                                              submodule_search_locations=[root + "/engine", root])
package = importlib.util.module_from_spec(spec)
sys.modules["regelkoll"] = package
spec.loader.exec_module(package)
from regelkoll.cli import main
sys.argv[0] = "regelkoll"
main()
"""


@dataclass
class Run:
    args: list[str]
    returncode: int | None
    stdout: bytes
    stderr: bytes
    seconds: float
    timed_out: bool = False

    def command(self) -> str:
        return " ".join(self.args)


def _limits() -> None:  # in the child: its own process group, and no more than 6 GB of address space
    os.setsid()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
    except (ValueError, OSError):
        pass


def run_check(bundle: Path, fmt: str = "json", jobs: int = 1, timeout: float = 120, extra: tuple = (),
              root: Path = ROOT) -> Run:
    args = [*cli_command(root), "check", str(bundle), "--format", fmt, "--jobs", str(jobs), *extra]
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_limits)
    try:
        out, err = proc.communicate(timeout=timeout)
        return Run(args, proc.returncode, out, err, time.monotonic() - start)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        return Run(args, None, out, err, time.monotonic() - start, timed_out=True)


@dataclass
class Failure:
    prop: str
    message: str
    lines: list[str] = field(default_factory=list)

    def render(self) -> str:
        shown = "\n".join(f"      | {line[:400]}" for line in self.lines[:12])
        more = f"\n      | ... ({len(self.lines) - 12} more)" if len(self.lines) > 12 else ""
        return f"  [{self.prop}] {self.message}" + (f"\n{shown}{more}" if self.lines else "")


def _lines_with(text: str, needles: list[str]) -> list[str]:
    return [line for line in text.splitlines() if any(n in line for n in needles)]


def _snippets(text: str, needles: set[str], width: int = 110) -> list[str]:
    """Each line holding a needle, cut to `width` characters either side of its first one."""
    out = []
    for line in text.splitlines():
        hits = [line.find(n) for n in needles if n in line]
        if hits:
            at = min(hits)
            out.append(("…" if at > width else "") + line[max(0, at - width): at + width] + ("…" if at + width < len(line) else ""))
    return out


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def check_common(run: Run, label: str) -> list[Failure]:
    fails: list[Failure] = []
    out = run.stdout.decode("utf-8", "replace")
    err = run.stderr.decode("utf-8", "replace")
    both = out + "\n" + err
    if run.timed_out:
        return [Failure(f"{label}timeout", f"no answer within {run.seconds:.0f} s", err.splitlines()[-5:])]
    if run.returncode not in (0, 1, 2):
        fails.append(Failure(f"{label}exit_status", f"exit status {run.returncode}", err.splitlines()[-8:]))
    if "Traceback" in both:
        fails.append(Failure(f"{label}no_traceback", "a traceback was printed",
                             [line for line in both.splitlines() if line.strip()][-10:]))
    if "internt fel" in both:
        fails.append(Failure(f"{label}no_internal_error", "internal error", _lines_with(both, ["internt fel"])))
    pnrs = find_personal_numbers(both)
    if pnrs:
        fails.append(Failure(f"{label}no_personal_number", f"unmasked personal identity numbers: {sorted(set(pnrs))}",
                             _snippets(_ascii_digits(both), set(pnrs))))
    return fails


def check_json_run(run: Run, expected: dict[str, tuple[str, bool]]) -> tuple[list[Failure], dict | None]:
    fails = check_common(run, "")
    if run.timed_out:
        return fails, None
    try:
        doc = json.loads(run.stdout.decode("utf-8"))
        if not isinstance(doc, dict):
            raise ValueError("not an object")
    except (ValueError, UnicodeDecodeError) as exc:
        fails.append(Failure("json_parses", f"stdout is not a JSON document ({exc})",
                             run.stdout.decode("utf-8", "replace").splitlines()[:3]
                             + run.stderr.decode("utf-8", "replace").splitlines()[-5:]))
        return fails, None
    # personal numbers inside JSON strings (escaped Unicode digits, e.g. fullwidth)
    inner = [p for s in _json_strings(doc) for p in find_personal_numbers(s)]
    if inner and not any(f.prop == "no_personal_number" for f in fails):
        fails.append(Failure("no_personal_number", f"unmasked personal identity numbers in JSON strings: {sorted(set(inner))}",
                             _snippets("\n".join(_ascii_digits(s) for s in _json_strings(doc) if find_personal_numbers(s)),
                                       set(inner))))
    run_part = doc.get("run") if isinstance(doc.get("run"), dict) else {}
    named = set(run_part.get("facilities") or [])
    errors = doc.get("errors") if isinstance(doc.get("errors"), list) else []
    named |= {e.get("facility_id") for e in errors if isinstance(e, dict) and e.get("facility_id")}
    named |= {f.get("facility_id") for f in doc.get("findings") or [] if isinstance(f, dict)}
    named_nfc = {unicodedata.normalize("NFC", n) for n in named if isinstance(n, str)}
    missing = sorted(i for i in expected if i not in named and unicodedata.normalize("NFC", i) not in named_nfc)
    if missing:
        messages = " ".join(str(e.get("message", "")) + " " + str(e.get("file", "")) for e in errors if isinstance(e, dict))
        lines = []
        split = {True: [i for i in missing if expected[i][1]], False: [i for i in missing if not expected[i][1]]}
        for i in missing:
            file, parses = expected[i]
            where = ("the file parses as YAML" if parses else
                     "the file does not parse (syntax, encoding, or nesting beyond the reference parser); id read from the text")
            mentioned = " (mentioned in an error message only)" if re.search(rf"(?<![\w.:\-]){re.escape(i)}(?![\w.:\-])", messages) else ""
            lines.append(f"{i} from {file}: {where}{mentioned}")
        err = run.stderr.decode("utf-8", "replace").splitlines()
        files = {expected[i][0] for i in missing}
        lines += [line for line in err if any(f in line for f in files)][:6]
        for parses, prop in ((True, "facility_named"), (False, "facility_named_in_unreadable_file")):
            if split[parses]:
                fails.append(Failure(prop, f"{len(split[parses])} facilities of the input are not named: "
                                           f"{split[parses]}", [line for line in lines if not any(
                                               line.startswith(f"{i} from ") for i in split[not parses])]))
    return fails, doc


def check_text_run(run: Run, json_run: Run) -> list[Failure]:
    fails = check_common(run, "text_")
    if run.timed_out:
        return fails
    if run.returncode != json_run.returncode:
        fails.append(Failure("text_exit_status_agrees", f"text exit {run.returncode}, JSON exit {json_run.returncode}"))
    for stream, data in (("stdout", run.stdout), ("stderr", run.stderr)):
        text = data.decode("utf-8", "replace")
        bad = [line for line in text.split("\n") if _CONTROL.search(line)]
        if bad:
            fails.append(Failure("text_no_control_chars", f"raw control characters on {stream}",
                                 [ascii(line)[:300] for line in bad]))
    return fails


def check_deterministic(first: Run, second: Run) -> list[Failure]:
    if first.timed_out or second.timed_out:
        return []
    fails = []
    for stream in ("stdout", "stderr"):
        a, b = getattr(first, stream), getattr(second, stream)
        if a != b:
            al, bl = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
            diff = [f"-{x}\n+{y}" for x, y in zip(al, bl) if x != y][:4] or [f"lengths {len(a)} vs {len(b)}"]
            fails.append(Failure("deterministic", f"{stream} differs between two runs of the same bundle", diff))
    if first.returncode != second.returncode:
        fails.append(Failure("deterministic", f"exit status {first.returncode} then {second.returncode}"))
    return fails


@dataclass
class Outcome:
    case: Case
    json_run: Run
    failures: list[Failure]
    text_run: Run | None = None
    repeat: Run | None = None

    def report(self) -> str:
        head = [self.case.describe(), f"  command: {self.json_run.command()}",
                f"  exit status {self.json_run.returncode}, {self.json_run.seconds:.1f} s"]
        return "\n".join(head + [f.render() for f in self.failures])


def evaluate(case: Case, directory: Path, *, text: bool = False, repeat: bool = False, timeout: float = 120,
             jobs: int = 1, root: Path = ROOT) -> Outcome:
    """Write the case to `directory`, check it, and judge every property."""
    case.write(directory)
    expected = expected_facilities(case.files)
    first = run_check(directory, "json", jobs=jobs, timeout=timeout, root=root)
    fails, _ = check_json_run(first, expected)
    outcome = Outcome(case, first, fails)
    if text:
        outcome.text_run = run_check(directory, "text", jobs=jobs, timeout=timeout, root=root)
        fails += check_text_run(outcome.text_run, first)
    if repeat:
        outcome.repeat = run_check(directory, "json", jobs=jobs, timeout=timeout, root=root)
        fails += check_deterministic(first, outcome.repeat)
    return outcome
