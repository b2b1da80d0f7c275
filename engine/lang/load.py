"""Load rule packs: YAML → pydantic → semantic checks, every error with file:line:column."""

from __future__ import annotations

import hashlib
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from string import Template
from typing import Any

from pydantic import ValidationError

from regelkoll.diagnostics import Diagnostic, DiagnosticError, suggest
from regelkoll.discover import discover
from regelkoll.facts import model as fact_model
from regelkoll.lang.model import FieldRef, ParamRef, Pattern, Rule, RuleFile, Test
from regelkoll.lang.operators import OPERATORS, ORDERED_TYPES
from regelkoll.lang.schema_errors import dedupe, pydantic_diagnostics
from regelkoll.lang.values import allowed_values, value_hint
from regelkoll.legaltime import Period
from regelkoll.yamlsafe import Positions, YamlError, load_file

# Names durable_rules' action closure reserves, plus the fields we add to every fact.
RESERVED_ALIASES = frozenset({
    "s", "m", "host", "post", "assert_fact", "retract_fact", "start_timer", "cancel_timer",
    "renew_action_lease", "delete_state", "get_facts", "get_pending_events", "subjekt", "parameter"})
RULE_SUFFIXES = (".yaml", ".yml")
# a rule pack saved under another suffix; the JSON schema next to the packs is not one
_LOOKS_LIKE_RULES = re.compile(r"\.ya?ml", re.IGNORECASE)
_SKIPPED = {"unreadable": "RK-R080", "loop": "RK-R081", "dangling": "RK-R082", "outside": "RK-R083",
            "special": "RK-R084", "suffix": "RK-R085", "inside_link": "RK-R086"}
PER_DATUM = "per_datum"


@dataclass
class LoadedRule:
    rule: Rule
    file: str
    path: tuple  # path of the rule inside its file, for positions
    positions: Positions
    pack: str

    def where(self, *sub: Any, key: bool = False) -> tuple[int, int]:
        pos = self.positions.locate(self.path + tuple(sub), key=key)
        return pos.line, pos.column

    def item(self, section: str, index: int) -> tuple:
        """Where the index-th entry of a section that takes one mapping or a list is written."""
        listed = self.path + (section, index) in self.positions
        return (section, index) if listed else (section,)


@dataclass
class Rulebook:
    rules: list[LoadedRule] = field(default_factory=list)
    acts: dict[str, str] = field(default_factory=dict)  # "2007:171" -> name as cited in text
    abbreviations: dict[str, str] = field(default_factory=dict)  # "2010:659" -> "PSL", where one is established
    packs: dict[str, Any] = field(default_factory=dict)  # pack id -> PackInfo
    # rule id -> its compiled form, when known (from the cache of `lang.cache`); shared with subsets of the book
    compiled: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # built on first use; a report looks a rule up for every finding
    _index: dict[str, LoadedRule] = field(default_factory=dict, compare=False, repr=False)
    _digest: tuple[int, str] | None = field(default=None, compare=False, repr=False)

    @property
    def digest(self) -> str:
        if self._digest is None or self._digest[0] != len(self.rules):
            canon = json.dumps([r.rule.model_dump(mode="json") for r in self.rules], sort_keys=True,
                               ensure_ascii=False)
            self._digest = (len(self.rules), hashlib.sha256(canon.encode()).hexdigest())
        return self._digest[1]

    def subset(self, chosen: list[LoadedRule]) -> Rulebook:
        """The book with only these rules and their packs; everything else about the acts and the compiled
        rules is kept, so a part of the book (application packs, `check --rule`) cites and runs as the whole."""
        packs = {loaded.pack for loaded in chosen}
        return Rulebook(rules=chosen, acts=self.acts, abbreviations=self.abbreviations,
                        packs={k: v for k, v in self.packs.items() if k in packs}, compiled=self.compiled)

    def get(self, rule_id: str) -> LoadedRule:
        if len(self._index) != len(self.rules) or rule_id not in self._index:
            self._index = {r.rule.id: r for r in self.rules}
        return self._index[rule_id]


def load_rulebook(root: Path) -> Rulebook:
    """Load every `*.yaml` and `*.yml` under `root`; raise DiagnosticError with all problems found.

    A path that is not read (an unreadable directory, a broken or outward link, a rule pack saved
    as `*.yaml.bak`) is an error: a rule pack must never be left out without a word.
    """
    diags: list[Diagnostic] = []
    if root.is_dir():
        files, skipped = discover(root, RULE_SUFFIXES, _LOOKS_LIKE_RULES, area="regelkatalogen")
        diags += [Diagnostic(_display(s.path), 0, 0, _SKIPPED[s.why], s.message) for s in skipped]
    else:
        files = [root]
    if not files:
        raise DiagnosticError(diags + [Diagnostic(str(root), 0, 0, "RK-R010",
                                                  "inga regelfiler (*.yaml, *.yml) hittades")])
    book = Rulebook()
    pack_files: dict[str, str] = {}
    for path in files:
        display = _display(path)
        try:
            data, positions = load_file(path, display, anchors=True)
        except YamlError as exc:
            diags.append(exc.diagnostic)
            continue
        if positions.problems:  # a rule file is used whole or not at all
            diags += [problem.diagnostic for problem in positions.problems]
            continue
        try:
            parsed = RuleFile.model_validate(data)
        except ValidationError as exc:
            diags += pydantic_diagnostics(exc, display, positions)
            continue
        pack = parsed.regelpaket.id
        if pack in pack_files:
            # the second pack would silently replace the first's title and acts in the catalogue
            line, column = _xy(positions.locate(("regelpaket", "id")))
            diags.append(Diagnostic(display, line, column, "RK-R090", f"regelpaketet '{pack}' finns redan i "
                                    f"{pack_files[pack]}; varje regelpaket behöver ett eget id", "regelpaket.id"))
            continue
        pack_files[pack] = f"{display}:{positions.locate(('regelpaket', 'id')).line}"
        book.packs[pack] = parsed.regelpaket
        for sfs, act in parsed.forfattningar.items():
            book.acts.setdefault(sfs, act.namn)
            if act.forkortning:
                book.abbreviations.setdefault(sfs, act.forkortning)
        for index, rule in enumerate(parsed.regler):
            loaded = LoadedRule(rule, display, ("regler", index), positions, parsed.regelpaket.id)
            diags += check_rule(loaded)
            book.rules.append(loaded)
    seen: dict[str, LoadedRule] = {}
    for loaded in book.rules:
        if loaded.rule.id in seen:
            first = seen[loaded.rule.id]
            diags.append(Diagnostic(loaded.file, *loaded.where("id"), "RK-R011",
                                    f"regel-id {loaded.rule.id} finns redan i {first.file}:{first.where('id')[0]}",
                                    "id"))
        seen[loaded.rule.id] = loaded
    for loaded in book.rules:
        diags += _check_acts(loaded, book.acts)
    if diags:
        # a node reused through a YAML alias is checked at every use, but is one mistake at one place
        raise DiagnosticError(sorted(dict.fromkeys(diags)))
    book.rules.sort(key=lambda r: r.rule.id)
    return book


def _check_acts(loaded: LoadedRule, acts: dict[str, str]) -> list[Diagnostic]:
    out = []
    for i, version in enumerate(loaded.rule.versioner):
        for group in ("lagrum", "undantag_lagrum"):
            for j, ref in enumerate(getattr(version, group)):
                if ref.forfattning not in acts:
                    out.append(Diagnostic(loaded.file, *loaded.where("versioner", i, group, j, "forfattning"),
                                          "RK-R012", f"författningen {ref.forfattning} saknas under "
                                          "forfattningar i regelpaketet", f"versioner.{i}.{group}.{j}.forfattning",
                                          suggest(ref.forfattning, list(acts))))
    for x, exemption in enumerate(loaded.rule.undantag):
        for j, ref in enumerate(exemption.lagrum):
            if ref.forfattning not in acts:
                where = loaded.item("undantag", x)
                out.append(Diagnostic(loaded.file, *loaded.where(*where, "lagrum", j, "forfattning"), "RK-R012",
                                      f"författningen {ref.forfattning} saknas under forfattningar i regelpaketet",
                                      ".".join(map(str, (*where, "lagrum", j, "forfattning"))),
                                      suggest(ref.forfattning, list(acts))))
    return out


def _xy(position: Any) -> tuple[int, int]:
    return position.line, position.column


def _display(path: Path) -> str:
    # the path as the user finds it, never resolved through links: a looping link cannot be resolved at all
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Checker:
    def __init__(self, loaded: LoadedRule):
        self.loaded = loaded
        self.rule = loaded.rule
        self.diags: list[Diagnostic] = []
        self.aliases: dict[str, tuple[str, bool]] = {}  # alias -> (kind, negated)

    def error(self, code: str, message: str, *path: Any, field: str = "", hint: str = "", key: bool = False):
        line, col = self.loaded.where(*path, key=key)
        dotted = field or ".".join(str(p) for p in path)
        self.diags.append(Diagnostic(self.loaded.file, line, col, code, message, dotted, hint))

    def item(self, section: str, index: int) -> tuple:
        return self.loaded.item(section, index)

    @contextmanager
    def applicability_only(self):
        """Exemptions and doubts are matched next to the applicability patterns only (engine/compile.py):
        while they are checked, only those aliases can be referred to."""
        full = self.aliases
        self.aliases = {p.som: full[p.som] for p in self.rule.tillamplig_nar if p.som in full}
        try:
            yield full
        finally:
            self.aliases = full

    def run(self) -> list[Diagnostic]:
        rule = self.rule
        self.check_versions()
        sections = [("tillamplig_nar", rule.tillamplig_nar), ("overtradelse_nar", rule.overtradelse_nar)]
        for section, patterns in sections:
            for i, pattern in enumerate(patterns):
                self.check_pattern(pattern, (section, i), first=(section == "tillamplig_nar" and i == 0))
                if section == "tillamplig_nar" and pattern.saknas:
                    self.error("RK-R020", "tillämplighet kan inte bygga på att något saknas; flytta mönstret "
                               "till overtradelse_nar", section, i, "saknas")
        # each exemption and doubt pattern needs an alias of its own
        extra: dict[str, tuple] = {}
        with self.applicability_only() as full:
            for d, doubt in enumerate(rule.bedoms_inte_nar):
                for i, pattern in enumerate(doubt.monster):
                    where = (*self.item("bedoms_inte_nar", d), "monster", i)
                    self.check_extra_alias(pattern, where, full, extra)
                    self.check_pattern(pattern, where, first=False, register=False)
            for x, exemption in enumerate(rule.undantag):
                where = self.item("undantag", x)
                if exemption.monster.saknas:
                    self.error("RK-R021", "ett undantag måste beskriva något som finns", *where, "monster")
                self.check_extra_alias(exemption.monster, (*where, "monster"), full, extra)
                self.check_pattern(exemption.monster, (*where, "monster"), first=False, register=False)
        unprovided = [x for x, exemption in enumerate(rule.undantag) if not exemption.lagrum]
        if unprovided and not all(v.undantag_lagrum for v in rule.versioner):
            self.error("RK-R022", "varje version måste ange undantag_lagrum när ett undantag saknar eget lagrum "
                       f"(undantag {', '.join(str(x + 1) for x in unprovided)})", "versioner")
        subject = self.aliases.get(rule.avser)
        conditions = [(self.item("bedoms_inte_nar", d), doubt) for d, doubt in enumerate(rule.bedoms_inte_nar)]
        conditions.append((("overtradelse_dar",), rule.overtradelse_dar))
        if subject is not None:
            for section, condition in conditions:
                if section[0] == "bedoms_inte_nar":
                    with self.applicability_only():
                        self.check_condition(condition, section)
                else:
                    self.check_condition(condition, section)
        if subject is None or subject[1]:
            self.error("RK-R023", f"avser: '{rule.avser}' är inget alias i tillamplig_nar", "avser",
                       hint=suggest(rule.avser, list(self.aliases)))
        else:
            kind = subject[0]
            cls = fact_model.FACT_KINDS.get(kind)
            if cls is not None and cls.facility_field is None and cls.owner_via is None:
                self.error("RK-R024", f"faktatypen {kind} hör inte till någon verksamhet och kan inte vara "
                           "subjekt", "avser")
            types = fact_model.field_types(kind) if kind in fact_model.ALL_KINDS else {}
            if rule.avgorande_datum != PER_DATUM and types.get(rule.avgorande_datum) != "date":
                self.error("RK-R025", f"avgorande_datum: '{rule.avgorande_datum}' är inget datumfält i {kind}",
                           "avgorande_datum", hint=suggest(rule.avgorande_datum, [*types, PER_DATUM]))
        self.check_template()
        starts = {v.giltig_fran for v in rule.versioner}
        for i, example in enumerate(rule.exempel):
            if example.version_fran is not None and example.version_fran not in starts:
                self.error("RK-R034", f"ingen version börjar {example.version_fran.isoformat()}", "exempel", i,
                           "version_fran", hint="ange giltig_fran för en av regelns versioner")
        self.check_example_subjects()
        outcomes = {e.forvantat for e in rule.exempel}
        if "overtradelse" not in outcomes or outcomes == {"overtradelse"}:
            self.error("RK-R026", "regeln behöver minst ett exempel som bryter mot den och ett som inte gör det",
                       "exempel")
        return self.diags

    def check_example_subjects(self) -> None:
        """An example's `subjekt` names a fact of the subject's kind that the example gives (a misspelt id
        would leave the example with no finding to judge)."""
        subject = self.aliases.get(self.rule.avser)
        model = fact_model.FACT_KINDS.get(subject[0]) if subject else None
        if model is None or model.derived_only:
            return  # a derived fact's id is made from its source's: not written in the example
        for i, example in enumerate(self.rule.exempel):
            ids = [r["id"] for r in example.fakta.get(model.kind, []) if isinstance(r, dict) and "id" in r]
            if example.subjekt is not None and example.subjekt not in ids:
                self.error("RK-R102", f"subjekt: '{example.subjekt}' är inget {model.kind}-id i exemplets fakta",
                           "exempel", i, "subjekt", hint=f"exemplets {model.kind}: {', '.join(ids)}" if ids else "")

    def check_versions(self) -> None:
        versions = self.rule.versioner
        for i, (a, b) in enumerate(zip(versions, versions[1:])):
            if a.giltig_till is None or b.giltig_fran <= a.giltig_till:
                self.error("RK-R030", "versionerna överlappar eller står i fel ordning", "versioner", i + 1,
                           "giltig_fran")
            elif b.giltig_fran != a.giltig_till + timedelta(days=1) and b.lucka_fore is None:
                self.error("RK-R032", f"glapp mellan versionerna: {a.giltig_till.isoformat()} till "
                           f"{b.giltig_fran.isoformat()} bedöms inte av någon version", "versioner", i + 1,
                           "giltig_fran", hint="låt versionen börja dagen efter föregående slutar, eller ange "
                           "lucka_fore med skälet")
            elif b.giltig_fran == a.giltig_till + timedelta(days=1) and b.lucka_fore is not None:
                self.error("RK-R033", "lucka_fore anges men versionerna ligger kant i kant", "versioner", i + 1,
                           "lucka_fore")
        if versions and versions[0].lucka_fore is not None:
            self.error("RK-R033", "lucka_fore på första versionen: det finns ingen föregående version",
                       "versioner", 0, "lucka_fore")
        names = set().union(*(v.parametrar for v in versions))
        for i, version in enumerate(versions):
            for name in sorted(names - set(version.parametrar)):
                self.error("RK-R031", f"parametern '{name}' saknas i denna version", "versioner", i, "parametrar")

    def check_condition(self, condition: Any, section: tuple) -> None:
        """The tests of `overtradelse_dar` or of one `bedoms_inte_nar` on the subject (or its `avser`)."""
        rule = self.rule
        target = getattr(condition, "avser", None) or rule.avser
        if condition is not None and target not in {p.som for p in rule.tillamplig_nar}:
            self.error("RK-R027", f"avser: '{target}' är inget alias i tillamplig_nar", *section, "avser",
                       hint=suggest(target, list(self.aliases)))
            return
        kind = self.aliases[target][0] if condition is not None else ""
        types = fact_model.field_types(kind) if kind in fact_model.ALL_KINDS else {}
        for group in ("dar", "nagon_av"):
            for i, test in enumerate(getattr(condition, group, ()) if condition is not None else ()):
                self.check_test(test, kind, types, (*section, group, i), target)
        if getattr(condition, "nagon_av", None) and any(
                p.nagon_av for p in rule.tillamplig_nar if p.som == target):
            self.error("RK-R028", "nagon_av går inte att kombinera med nagon_av i subjektets mönster",
                       *section, "nagon_av")

    def check_extra_alias(self, pattern: Pattern, path: tuple, full: dict, extra: dict) -> None:
        """An exemption's or doubt's alias may not repeat any other alias of the rule."""
        # (one that repeats an applicability alias is reported by check_pattern)
        if (pattern.som in full and pattern.som not in self.aliases) or pattern.som in extra:
            self.error("RK-R041", f"aliaset '{pattern.som}' används redan", *path, "som")
        extra[pattern.som] = (pattern.typ, pattern.saknas)

    def check_pattern(self, pattern: Pattern, path: tuple, *, first: bool, register: bool = True) -> None:
        if pattern.som in RESERVED_ALIASES:
            self.error("RK-R040", f"aliaset '{pattern.som}' är reserverat", *path, "som")
        elif pattern.som in self.aliases:
            self.error("RK-R041", f"aliaset '{pattern.som}' används redan", *path, "som")
        if first and pattern.saknas:
            self.error("RK-R042", "det första mönstret kan inte vara `saknas`", *path, "saknas")
        if pattern.typ not in fact_model.ALL_KINDS:
            self.error("RK-R043", f"okänd faktatyp '{pattern.typ}'", *path, "typ",
                       hint=suggest(pattern.typ, fact_model.ALL_KINDS))
            return
        types = fact_model.field_types(pattern.typ)
        for group in ("dar", "nagon_av"):
            for i, test in enumerate(getattr(pattern, group)):
                self.check_test(test, pattern.typ, types, (*path, group, i), pattern.som)
        if register:
            self.aliases[pattern.som] = (pattern.typ, pattern.saknas)

    def check_test(self, test: Test, kind: str, types: dict[str, str], path: tuple, own: str) -> None:
        ftype = types.get(test.falt)
        if ftype is None:
            self.error("RK-R050", f"fältet '{test.falt}' finns inte i {kind}", *path, "falt",
                       hint=suggest(test.falt, list(types)))
            return
        if ftype == "struktur":
            self.error("RK-R055", f"fältet '{test.falt}' i {kind} läses inte av regler (använd den "
                                  "härledda faktatypen, t.ex. tillstandsperiod)", *path, "falt")
            return
        op = test.operator
        if test.plus is not None and ftype != "date":
            self.error("RK-R051", "plus går bara på datumfält", *path, "plus")
        self.check_period(test.plus, (*path, "plus"))
        if OPERATORS[op].shape == "contains":
            if ftype != "list":
                self.error("RK-R052", f"{op} går bara på listfält", *path, op)
            elif test.operand not in fact_model.list_values(kind, test.falt):
                self.error("RK-R053", f"'{test.operand}' är inget tillåtet värde",
                           *path, op, hint=value_hint(test.operand, fact_model.list_values(kind, test.falt)))
            return
        if ftype == "list":
            self.error("RK-R052", "listfält jämförs med innehaller eller saknar", *path, op)
            return
        if OPERATORS[op].ordered and ftype not in ORDERED_TYPES:
            self.error("RK-R054", f"{op} kräver ett datum- eller talfält, {test.falt} är {ftype}", *path, op)
        operand = test.operand
        if isinstance(operand, FieldRef):
            self.check_fieldref(operand, ftype, (*path, op), own, kind)
        elif isinstance(operand, ParamRef):
            self.check_param(operand.parameter, (*path, op))
            self.check_param_values(operand.parameter, kind, test.falt)
        elif isinstance(operand, list):
            for j, value in enumerate(operand):
                self.check_literal(value, ftype, (*path, op, j), kind, test.falt)
        else:
            self.check_literal(operand, ftype, (*path, op), kind, test.falt)

    def check_fieldref(self, ref: FieldRef, ftype: str, path: tuple, own: str, own_kind: str) -> None:
        alias, name = ref.falt.split(".")
        if alias == own and alias not in self.aliases:
            self.aliases[alias] = (own_kind, False)  # a field of the same fact
            try:
                return self.check_fieldref(ref, ftype, path, "", own_kind)
            finally:
                del self.aliases[alias]
        if alias not in self.aliases:
            self.error("RK-R060", f"'{alias}' är inget tidigare alias", *path, "falt",
                       hint=suggest(alias, list(self.aliases)))
            return
        kind, negated = self.aliases[alias]
        if negated:
            self.error("RK-R061", f"'{alias}' beskriver något som saknas och kan inte refereras", *path, "falt")
        other = fact_model.field_types(kind).get(name)
        if other is None:
            self.error("RK-R062", f"fältet '{name}' finns inte i {kind}", *path, "falt",
                       hint=suggest(name, list(fact_model.field_types(kind))))
        elif other != ftype:
            self.error("RK-R063", f"{ref.falt} är {other} men jämförs med ett fält av typen {ftype}", *path, "falt")
        if ref.plus is not None and other != "date":
            self.error("RK-R051", "plus går bara på datumfält", *path, "plus")
        self.check_period(ref.plus, (*path, "plus"))

    def check_period(self, value: Any, path: tuple) -> None:
        if isinstance(value, ParamRef):
            self.check_param(value.parameter, path, want=Period)

    def check_param(self, name: str, path: tuple, want: type | None = None) -> None:
        for i, version in enumerate(self.rule.versioner):
            if name not in version.parametrar:
                self.error("RK-R064", f"parametern '{name}' saknas i version {i + 1}", *path, "parameter",
                           hint=suggest(name, list(version.parametrar)))
            elif want is not None and not isinstance(version.parametrar[name], want):
                self.error("RK-R065", f"parametern '{name}' ska vara en tidsperiod ({{manader: 6}})",
                           "versioner", i, "parametrar", name)

    def check_literal(self, value: Any, ftype: str, path: tuple, kind: str, name: str) -> None:
        ok = {
            "date": lambda v: isinstance(v, str) and _is_iso(v),
            "bool": lambda v: isinstance(v, bool),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "text": lambda v: isinstance(v, str),
        }[ftype](value)
        if not ok:
            self.error("RK-R066", f"värdet {value!r} passar inte fältets typ ({ftype})", *path)
            return
        allowed = allowed_values(kind, name) if ftype == "text" else None
        if allowed is not None and value not in allowed:
            self.error("RK-R100", f"'{value}' är inget värde som {kind}.{name} kan ha", *path,
                       hint=value_hint(value, allowed))

    def check_param_values(self, parameter: str, kind: str, name: str) -> None:
        """A version parameter a test compares a coded field with holds only values the field can have."""
        allowed = allowed_values(kind, name)
        if allowed is None:
            return
        for i, version in enumerate(self.rule.versioner):
            given = version.parametrar.get(parameter)
            listed = given if isinstance(given, list) else [given]
            for j, value in enumerate(listed):
                if isinstance(value, str) and value not in allowed:
                    where = ("versioner", i, "parametrar", parameter) + ((j,) if isinstance(given, list) else ())
                    self.error("RK-R101", f"parametern '{parameter}' jämförs med {kind}.{name}, som inte kan ha "
                               f"värdet '{value}'", *where, hint=value_hint(value, allowed))

    def check_template(self) -> None:
        names = set()
        for text, lang in ((self.rule.meddelande.sv, "sv"), (self.rule.meddelande.en, "en")):
            try:
                names |= template_names(text)
            except ValueError as exc:
                self.error("RK-R070", f"ogiltig meddelandemall: {exc}", "meddelande", lang)
        params = set().union(*(v.parametrar for v in self.rule.versioner))
        for name in sorted(names):
            head, _, tail = name.partition(".")
            if name in ("subjekt", "lagrum", "saknas"):
                continue
            if head == "parameter" and tail in params:
                continue
            alias = self.aliases.get(head)
            if alias and not alias[1] and tail in fact_model.field_types(alias[0]):
                continue
            self.error("RK-R071", f"okänt namn i meddelandet: ${{{name}}}", "meddelande",
                       hint="använd ${alias.falt}, ${subjekt}, ${lagrum}, ${saknas} eller ${parameter.namn}")


class MessageTemplate(Template):
    """`${e.start}`: dotted names; never str.format, which lets a template reach Python internals."""

    idpattern = r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?"
    braceidpattern = idpattern


def template_names(text: str) -> set[str]:
    template = MessageTemplate(text)
    if not template.is_valid():
        raise ValueError("ett $ som inte följs av ett namn; skriv $$ för ett dollartecken")
    return set(template.get_identifiers())


def _is_iso(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


def check_rule(loaded: LoadedRule) -> list[Diagnostic]:
    # a parameter compared in two tests is reported once
    return dedupe(_Checker(loaded).run())
