"""What the pages and the API do, in one place: choose a data set, check it, brief a facility, screen an
application, record decisions, and log every look at personal data. The web layers only translate HTTP.

The rule book is loaded and compiled once, at start. A data set is read again only when its files change
(their names, sizes and modification times), and the engine runs in the server's shared workers (pool.py).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from regelkoll import api
from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.facts.bundle import FactBundle
from regelkoll.ledger.result import facts_digest
from regelkoll.triage.follow_up import FollowUp
from regelkoll.triage.selection import Selection
from regelkoll.web.pool import DataRef, WarmPool
from regelkoll.web.reports import ReportCache
from regelkoll.web.settings import Settings
from regelkoll.web.storage import AccessEntry, RunRecord, Store
from regelkoll.web.uploads import Upload

KEPT_BUNDLES = 4  # data sets the server keeps read; memory stays flat however many are checked


@dataclass(frozen=True)
class Who:
    """Who asks: the API client's name, or the user a proxy names (else the name given on the form), and from where."""

    name: str
    client: str


@dataclass
class Loaded:
    name: str
    path: Path
    bundle: FactBundle
    digest: str  # what the facts say; not where they were read, nor what could not be read
    files: str = ""  # the files as read (names, sizes, times): with the digest, what a report is made from


class Service:
    def __init__(self, settings: Settings, store: Store | None = None, pool: WarmPool | None = None) -> None:
        self.settings = settings
        self.rules = api.load_rules(settings.rules)
        self.compiled = api.compile_rules(self.rules)
        self.rules_path = str(settings.rules) if settings.rules is not None else str(api.BUNDLED_RULES)
        self.store = store if store is not None else Store(settings.database_url)
        self.pool = pool if pool is not None else WarmPool(settings.jobs)
        self._bundles: OrderedDict[tuple, Loaded] = OrderedDict()
        self.reports = ReportCache(settings.report_cache_bytes)
        self._lock = threading.Lock()

    def close(self) -> None:
        self.pool.close()
        self.store.close()

    # data sets
    def datasets(self) -> list[str]:
        """The data sets offered: the folders and fact files directly under `--data`, then the uploaded ones."""
        from regelkoll.web.datasets import list_datasets

        return list_datasets(self.settings)

    def path_of(self, name: str) -> Path:
        """The path of a data set by the name `datasets` gives; RK-W010 for any other name (never a path)."""
        from regelkoll.web.datasets import resolve_dataset

        return resolve_dataset(self.settings, name)

    def load(self, name: str) -> Loaded:
        path = self.path_of(name)
        signature = (name, _signature(path))
        with self._lock:
            if signature in self._bundles:
                self._bundles.move_to_end(signature)
                return self._bundles[signature]
        bundle = api.read_facts(path)
        files = hashlib.sha256(repr(signature).encode("utf-8")).hexdigest()
        loaded = Loaded(name, path, bundle, facts_digest(bundle), files)
        with self._lock:
            self._bundles[signature] = loaded
            while len(self._bundles) > KEPT_BUNDLES:
                self._bundles.popitem(last=False)
        return loaded

    def _pool(self, data: Loaded):
        return self.pool.bind(DataRef(str(data.path), data.digest, self.rules_path, self.rules.digest, data.files))

    # checks
    def check(self, name: str, who: Who, *, fmt: str = "json", facilities: list[str] | None = None,
              selection: Selection | None = None, show_personal_data: bool = False, reason: str | None = None,
              action: str = "kontroll"):
        """The report of a check as the CLI's `api.stream` makes it (fmt json, jsonl or rows), with the stored
        decisions about the data set's facilities applied. The access is logged before anything is shown.

        A report already made from the same data, rules, day, options and decisions is served again from memory
        (reports.py): the output is deterministic, so it is the same bytes, and a county that many people open
        is judged once, not once per person."""
        data = self.load(name)
        plan = api.plan_check(self.rules, data.bundle, source=str(data.path), compiled=self.compiled,
                              facilities=facilities, selection=selection)
        follow_up, decided = self._follow_up(data, plan.day)
        self.log(who, action, name, facilities, show_personal_data, reason)
        # the facts' digest leaves out where they were read and the files that could not be read: two data sets
        # (or one before and after a broken file was added) with the same facts have different reports
        key = (data.digest, data.files, self.rules.digest, plan.day, fmt, tuple(plan.reported),
               repr(selection.header()) if selection is not None else "", show_personal_data, decided)
        made = self.reports.get(key)
        if made is not None:
            return made, plan, data
        report = api.stream(self.rules, data.bundle, fmt=fmt, show_personal_data=show_personal_data, plan=plan,
                            selection=selection, follow_up=follow_up, pool=self._pool(data))
        return self.reports.recording(key, report, fmt), plan, data

    def _follow_up(self, data: Loaded, day: date) -> tuple[FollowUp | None, tuple]:
        """The stored decisions about the data set's units, and what identifies them (for the report cache)."""
        units = set(api.units(data.bundle))
        stored = self.store.decisions(units)
        if not stored:
            return None, ()  # no decision about this data: the report is the CLI's, byte for byte
        decisions = self.store.triage_decisions(units, day)
        every_rule = frozenset(loaded.rule.id for loaded in api.select_rules(self.rules).rules)
        return FollowUp(decisions=decisions, known_rules=every_rule), tuple(sorted(repr(d) for d in stored))

    def record(self, kind: str, name: str, who: Who, plan, data: Loaded, counts: dict[str, int], errors: int,
               facility: str | None = None) -> int:
        return self.store.record_run(RunRecord(kind, name, facility, plan.day, plan.rules.digest, data.digest,
                                               who.name, counts.get("violation", 0), counts.get("indication", 0),
                                               counts.get("undetermined", 0), errors))

    def brief(self, name: str, facility: str, who: Who, *, inspector: str | None = None,
              show_personal_data: bool = False, reason: str | None = None) -> dict[str, Any]:
        _purpose(show_personal_data, reason)
        data = self.load(name)
        day, _ = api.assessment_day(data.bundle)
        doc = api.brief(self.rules, data.bundle, facility, inspector=inspector,
                        show_personal_data=show_personal_data, source=str(data.path), compiled=self.compiled,
                        pool=self._pool(data), follow_up=self._follow_up(data, day)[0])
        # logged once there is a brief to show: a refused one (no such facility) showed nobody's data
        self.log(who, "besok", name, [facility], show_personal_data, reason)
        summary = doc["summary"]
        self.store.record_run(RunRecord("besok", name, facility, day, doc["run"]["rules_digest"], data.digest, who.name,
                                        summary["overtradelser"]["totalt"], summary["bor_utredas"],
                                        summary["kunde_inte_bedomas"], len(doc["errors"])))
        return doc

    def screen(self, application: Upload, name: str | None, who: Who, *, show_personal_data: bool = False,
               reason: str | None = None) -> dict[str, Any]:
        """The screening of an uploaded application (`regelkoll ansokan --format json`), against data set `name`.

        It runs in a process of its own: `api.screen` evaluates the application's unit in the calling process,
        and a crash in durable_rules' C core there would end the server (RK-A040 instead). The document names
        the application by the name it was uploaded as, never by the server's path."""
        data = self.path_of(name) if name else None
        self.log(who, "ansokan", name or "", None, show_personal_data, reason)
        doc = self.pool.alone(_screen, str(application.path), str(data) if data else None, self.rules_path,
                              show_personal_data, crashed=Diagnostic(
                                  application.name, 0, 0, "RK-A040", "granskningen kraschade i regelmotorn; "
                                  "ingenting granskades", "fil", "servern arbetar vidare; granska ansökan för hand "
                                  "och rapportera filen som ett fel"))
        return _renamed(doc, str(application.path), application.name)

    # the access log: whoever is shown a facility's findings is shown personal data (names, at least)
    def log(self, who: Who, action: str, dataset: str, facilities: list[str] | None, unmasked: bool,
            reason: str | None) -> None:
        _purpose(unmasked, reason)
        for facility in facilities or [None]:
            self.store.log_access(AccessEntry(who.name, who.client, action, dataset, facility, unmasked,
                                              reason.strip() if reason else None))


def _purpose(unmasked: bool, reason: str | None) -> None:
    if unmasked and not (reason or "").strip():
        raise DiagnosticError([Diagnostic("begäran", 0, 0, "RK-W020", "omaskerade personnummer visas bara med "
                                          "ett angivet ändamål (t.ex. ärendets diarienummer), som loggas",
                                          "andamal")])


def _screen(application: str, data: str | None, rules: str, show_personal_data: bool) -> dict[str, Any]:
    screening = api.screen(application, data, rules=api.load_rules(rules))
    return api.screening_document(screening, show_personal_data=show_personal_data)


def _renamed(value: Any, path: str, name: str) -> Any:
    """The document with the server's path of an upload written as the name it was uploaded by: the client
    learns nothing of the server's folders, and the document reads as the CLI's run on a file of that name."""
    if isinstance(value, str):
        return value.replace(path, name)
    if isinstance(value, dict):
        return {k: _renamed(v, path, name) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, path, name) for v in value]
    return value


def _signature(path: Path) -> tuple:
    """What changes when a data set's files do: each file's name, size and modification time."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    out = []
    for file in files:
        stat = file.stat()
        out.append((str(file), stat.st_size, stat.st_mtime_ns))
    return tuple(out)
