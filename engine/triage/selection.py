"""Which rules a check runs (`--rule`, `--skip-rule`) and which findings its report shows (`--min-severity`,
`--outcome`), and what makes it fail (`--fail-on`).

The rule selection restricts the rule book before anything is compiled or evaluated, so a narrow check is also a
fast one. The other options only choose what is shown: every selected rule is still evaluated for every unit, so
the run's `counts` are the same with or without them, and the report's `run.selection` says what was left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from rapidfuzz import fuzz, process

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.lang.load import Rulebook
from regelkoll.lang.model import SEVERITY_RANK
from regelkoll.ledger.findings import OUTCOME_RANK, OUTCOME_SV
from regelkoll.strict import fold_code

# every word an inspector may type for an outcome, folded (see `fold`): the report's keys and Swedish words,
# the rule format's words, and the short forms of the README
_OUTCOME_WORDS = {
    "violation": ("violation", "overtradelse", "overtradelser"),
    "indication": ("indication", "bor_utredas", "utreda", "indikation", "indikationer"),
    "undetermined": ("undetermined", "kunde_inte_bedomas", "obedomd", "obedomt", "obedomda", "obestamt"),
    "pass": ("pass", "uppfyllt", "uppfylld", "uppfyllda"),
    "not_applicable": ("not_applicable", "ej_tillamplig", "ej_tillampligt", "ej_tillampliga"),
}
OUTCOME_WORDS = {word: outcome for outcome, words in _OUTCOME_WORDS.items() for word in words}
# what `--fail-on` accepts: an outcome that is a finding against the facility
FAIL_ON = ("violation", "indication")


def _error(code: str, option: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic("kommandoraden", 0, 0, code, message, option, hint)


def nearest(word: str, choices: list[str], limit: int = 3) -> str:
    # plain edit distance: ids are short codes, where a partial match (PS-IND-01 for PS-01) misleads
    found = [m[0] for m in process.extract(word, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=50)]
    return f"närmast: {', '.join(found)}" if found else ""


def parse_outcomes(words: list[str] | None, option: str = "--outcome") -> tuple[str, ...] | None:
    """The outcomes named, in report order; None when none were given. RK-E021 for a word that is none."""
    if not words:
        return None
    chosen, problems = set(), []
    for word in words:
        outcome = OUTCOME_WORDS.get(fold_code(word))
        if outcome is None:
            problems.append(_error("RK-E021", option, f"'{word}' är inget utfall",
                                   "välj bland " + ", ".join(fold_code(OUTCOME_SV[o]) for o in OUTCOME_RANK)
                                   + " (eller " + ", ".join(OUTCOME_RANK) + ")"))
        else:
            chosen.add(outcome)
    if problems:
        raise DiagnosticError(problems)
    return tuple(sorted(chosen, key=OUTCOME_RANK.get))


def parse_severity(word: str | None) -> str | None:
    if word is None:
        return None
    severity = fold_code(word)
    if severity not in SEVERITY_RANK:
        raise DiagnosticError([_error("RK-E022", "--min-severity", f"'{word}' är ingen allvarlighetsgrad",
                                      "välj bland " + ", ".join(SEVERITY_RANK))])
    return severity


def parse_fail_on(word: str | None) -> str:
    if word is None:
        return "violation"
    outcome = OUTCOME_WORDS.get(fold_code(word))
    if outcome not in FAIL_ON:
        raise DiagnosticError([_error("RK-E023", "--fail-on", f"'{word}' går inte att välja",
                                      "välj overtradelse (violation) eller utreda (indication)")])
    return outcome


@dataclass(frozen=True)
class Show:
    """Which findings a report shows (picklable: it goes to the workers with the row renderer)."""

    min_severity: str | None = None
    outcomes: tuple[str, ...] | None = None

    def shows(self, severity: str, outcome: str) -> bool:
        if self.outcomes is not None and outcome not in self.outcomes:
            return False
        return self.min_severity is None or SEVERITY_RANK[severity] <= SEVERITY_RANK[self.min_severity]

    @property
    def everything(self) -> bool:
        return self.min_severity is None and self.outcomes is None


@dataclass(frozen=True)
class Selection:
    """The triage options of one check, as given (`--rule`, `--skip-rule` as typed, the rest parsed)."""

    rules: tuple[str, ...] = ()
    skip_rules: tuple[str, ...] = ()
    show: Show = Show()
    fail_on: str = "violation"
    quiet: bool = False

    @property
    def narrowed(self) -> bool:
        """Whether the report shows less than a full check would."""
        return bool(self.rules or self.skip_rules) or not self.show.everything

    def header(self) -> dict[str, Any]:
        """The report's `run.selection`: what was left out, so that the report is not taken for a full one."""
        return {"rules": list(self.rules), "skip_rules": list(self.skip_rules),
                "min_severity": self.show.min_severity,
                "outcomes": list(self.show.outcomes) if self.show.outcomes is not None else None,
                "fail_on": self.fail_on, "complete": not self.narrowed}

    def restrict(self, book: Rulebook) -> Rulebook:
        """The rule book with only the selected rules; RK-E020 for a pattern that matches none, RK-E024 when no
        rule is left (nothing checked must not pass)."""
        if not self.rules and not self.skip_rules:
            return book
        ids = [loaded.rule.id for loaded in book.rules]
        problems = [problem for option, patterns in (("--rule", self.rules), ("--skip-rule", self.skip_rules))
                    for pattern in patterns if (problem := _unmatched(option, pattern, ids)) is not None]
        if problems:
            raise DiagnosticError(problems)
        chosen = [loaded for loaded in book.rules
                  if (not self.rules or matches(loaded.rule.id, self.rules))
                  and not matches(loaded.rule.id, self.skip_rules)]
        if not chosen:
            hint = "--skip-rule tar bort alla regler som --rule valde" if self.rules else "--skip-rule tar bort alla regler"
            raise DiagnosticError([_error("RK-E024", "--skip-rule", "urvalet lämnar ingen regel att kontrollera",
                                          hint)])
        return book.subset(chosen)


def matches(rule_id: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether a rule id matches one of the ids or globs (`LE-*`), in any case: `check --rule`, `rules test --rule`."""
    return any(fnmatchcase(rule_id.upper(), pattern.upper()) for pattern in patterns)


def _unmatched(option: str, pattern: str, ids: list[str]) -> Diagnostic | None:
    if matches_any(pattern, ids):
        return None
    what = "mönstret" if any(c in pattern for c in "*?[") else "regeln"
    return _error("RK-E020", option, f"{what} '{pattern}' matchar ingen regel", nearest(pattern.upper(), ids))


def matches_any(pattern: str, ids: list[str]) -> bool:
    return any(matches(rule_id, (pattern,)) for rule_id in ids)
