"""Decisions and a baseline applied to a check's report rows, and what is said about them when the run ends.

`FollowUp.annotate` runs where a unit's rows are made (a worker, as part of `RowRenderer`): it adds each row's
`key`, its decision and its baseline mark, and records the keys of the unit's findings that ask for attention, so
that the main process can tell, once every unit is in, which decisions matched nothing (RK-D011) and which
findings of the baseline are gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regelkoll.diagnostics import Diagnostic, suggest
from regelkoll.triage.baseline import Baseline
from regelkoll.triage.decisions import Decisions
from regelkoll.triage.keys import PROBLEMS, key_parts


@dataclass
class FollowUp:
    decisions: Decisions | None = None
    baseline: Baseline | None = None
    # every rule id of the rule book and every unit of the data set, chosen or not: a decision about one of these
    # that the run left out (--rule, --facility) is outside the run; about anything else, its key is wrong
    known_rules: frozenset[str] = frozenset()
    known_units: frozenset[str] = frozenset()

    def annotate(self, row: dict[str, Any], key: str) -> bool:
        """Add the decision and baseline mark of one row; True when a decision applies to it."""
        decided = False
        if self.decisions is not None and row["outcome"] in PROBLEMS:
            decision = self.decisions.active.get(key)
            if decision is not None:
                row["decision"] = decision.to_json()
                decided = True
        if self.baseline is not None:
            mark = self.baseline.mark(row, key)
            if mark is not None:
                row["baseline"] = mark
        return decided

    def finish(self, seen: set[str], rules: set[str], units: set[str],
               header: dict[str, Any]) -> tuple[list[Diagnostic], dict[str, Any]]:
        """The notices and the run header's additions once every unit is in. `seen`: the keys of every finding
        that asks for attention (shown or not); `rules`, `units`: what this run judged (units that could not be
        checked left out)."""
        notices: list[Diagnostic] = []
        extra: dict[str, Any] = {}
        if self.decisions is not None:
            notices += [_expired(d) for d in self.decisions.expired]
            notices += [_pending(d) for d in self.decisions.pending]
            orphaned = outside = 0
            for key, decision in sorted(self.decisions.active.items()):
                if key in seen:
                    continue
                rule, unit, _, _ = key_parts(key)
                left_out = (rule not in rules or unit not in units) and (
                    rule in rules or rule in self.known_rules) and (unit in units or unit in self.known_units)
                if left_out:
                    outside += 1  # about a rule or unit this run left out: neither used nor contradicted
                    continue
                orphaned += 1
                # a misspelt key is most likely one of the same unit's, else any of the run's
                same_unit = sorted(k for k in seen if k.split("/", 2)[1] == unit)
                notices.append(_orphaned(decision, suggest(key, same_unit or sorted(seen))))
            extra["decisions"] = {**self.decisions.header(), "orphaned": orphaned, "outside_run": outside,
                                  "applied": len(self.decisions.active) - orphaned - outside}
        if self.baseline is not None:
            notices += self.baseline.differences(header)
            extra["baseline"] = {**self.baseline.header(),
                                 "resolved": self.baseline.resolved(seen, rules, units)}
        return notices, extra


def _file_line(source: str) -> tuple[str, int]:
    file, _, line = source.rpartition(":")
    return file, int(line)


def _expired(decision) -> Diagnostic:
    file, line = _file_line(decision.source)
    return Diagnostic(file, line, 0, "RK-D010", f"ställningstagandet om {decision.key} gällde till "
                      f"{decision.valid_until.isoformat()} och gäller inte längre; fyndet visas som utan "
                      "ställningstagande", "giltig_till")


def _pending(decision) -> Diagnostic:
    file, line = _file_line(decision.source)
    return Diagnostic(file, line, 0, "RK-D012", f"ställningstagandet om {decision.key} beslutades "
                      f"{decision.decided.isoformat()}, efter bedömningsdagen, och gäller inte i körningen; fyndet "
                      "visas som utan ställningstagande", "beslutad")


def _orphaned(decision, near: str) -> Diagnostic:
    file, line = _file_line(decision.source)
    return Diagnostic(file, line, 0, "RK-D011", f"ställningstagandet om {decision.key} motsvarar inget fynd i "
                      "körningen (ingen överträdelse, inget att utreda och inget obedömt)", "nyckel",
                      "är bristen åtgärdad, eller är nyckeln felskriven?" + (f" {near}" if near else ""))
