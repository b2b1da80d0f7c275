"""The report of a check written as it is made: each unit's rows as the unit finishes, never the whole.

`RowRenderer` runs in the worker that evaluated a unit (it is the `finish` step of a `UnitJob`), so the
parent process only writes bytes. Units come in the order of `api.units` (sorted ids), and each unit's
rows are sorted, so the output is the same bytes whatever the number of workers or machines.

Formats:
- `json`: one document, `findings` first (one row per line), then `errors`, `notices` and `run`, whose
  facilities and counts are known only at the end; the same bytes as `to_json_bytes(api.document(...))`.
- `jsonl`: one JSON object per line, each with `"type"`: a `run` header, a `finding` per row, an `error`
  for a unit that could not be checked (where the unit comes) and for each input error (after the
  header), a `notice`, and a closing `summary` with the counts. With decisions or a baseline
  (engine/triage), what is known only at the end comes before the summary: a `notice` per expired or
  orphaned decision and per difference of the baseline, and a `resolved` line per finding of the baseline
  that is gone.
- `rows`: the rows themselves (dicts), for the text and HTML reports, which are built whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from regelkoll.lang.load import Rulebook
from regelkoll.ledger.findings import OUTCOME_RANK, Finding
from regelkoll.personal_data import mask_all
from regelkoll.report.document import error_rows, facility_error_row, json_line, masked, outcome_counts
from regelkoll.report.rows import Ledger, encoded_row, row_count, unit_rows
from regelkoll.triage.follow_up import FollowUp
from regelkoll.triage.keys import PROBLEMS, finding_key
from regelkoll.triage.selection import Show

# the text and HTML reports of a run this large show violations and indications only (see `keep`)
LARGE_RUN = 200
_KEEP_LARGE = frozenset({"violation", "indication"})


@dataclass
class UnitRows:
    counts: dict[str, int]
    rows: list[Any]  # encoded lines (json, jsonl) or dicts (rows)
    shown: dict[str, int] | None = None  # the findings the rows stand for, by outcome
    open: dict[str, int] | None = None  # of those, the ones no decision covers: what the exit status counts
    seen: set[str] | None = None  # with a follow-up: the keys of every finding that asks for attention


@dataclass
class RowRenderer:
    """The finishing step of a unit in its worker: its findings as report rows (picklable for a cluster)."""

    book: Rulebook
    names: dict[str, str]
    fmt: str  # json | jsonl | rows
    ledger: Ledger = "summary"
    show_personal_data: bool = False
    keep: frozenset[str] | None = None  # outcomes kept (rows only); None keeps all
    only: Show | None = None  # which findings are shown (--min-severity, --outcome); None shows all
    follow_up: FollowUp | None = None  # decisions and baseline to mark the rows with

    def __call__(self, unit: str, findings: list[Finding]) -> UnitRows:
        kept = findings if self.keep is None else [f for f in findings if f.outcome in self.keep]
        if self.only is not None:
            kept = [f for f in kept if self.only.shows(self.book.get(f.rule_id).rule.allvarlighet, f.outcome)]
        show = self.show_personal_data
        rows = unit_rows(kept, self.book, self.names, show_personal_data=show, ledger=self.ledger, mask=False)
        shown, open_ = outcome_counts(()), outcome_counts(())
        for row in rows:
            decided = self.follow_up is not None and self.follow_up.annotate(row, row["key"])
            shown[row["outcome"]] += row_count(row)
            open_[row["outcome"]] += 0 if decided else row_count(row)
        seen = None
        if self.follow_up is not None:
            seen = {finding_key(f.rule_id, f.facility_id, f.subject_kind, f.subject_id) for f in findings
                    if f.outcome in PROBLEMS}
        if self.fmt == "json":
            rows = [encoded_row(row, show) for row in rows]
        elif self.fmt == "jsonl":
            rows = [encoded_row({"type": "finding", **row}, show) for row in rows]
        elif not show:
            rows = [mask_all(row) for row in rows]
        return UnitRows(outcome_counts(findings), rows, shown, open_, seen)


def keep_for(fmt: str, units: int) -> frozenset[str] | None:
    """Which outcomes a report in `fmt` keeps for a run of `units` units."""
    return _KEEP_LARGE if fmt == "rows" and units > LARGE_RUN else None


def json_chunks(lines: Iterable[bytes], tail: Callable[[], tuple[list, list, dict]]) -> Iterator[bytes]:
    """The JSON document from its finding lines; `tail()` gives errors, notices and run once they are read."""
    yield b'{\n"findings": ['
    previous = None
    for line in lines:
        if previous is not None:
            yield b"\n" + previous + b","
        previous = line
    if previous is not None:
        yield b"\n" + previous
    errors, notices, run = tail()
    yield b"\n],\n"
    for name, items in (("errors", errors), ("notices", notices)):
        yield f'"{name}": ['.encode()
        for i, item in enumerate(items):
            yield b"\n" + json_line(item) + (b"," if i < len(items) - 1 else b"")
        yield b"\n],\n"
    yield b'"run": ' + json_line(run) + b"\n}\n"


def empty_counts() -> dict[str, int]:
    return {name: 0 for name in OUTCOME_RANK}


class ReportStream:
    """The bytes of a check's report, made as the units finish (iterate once). Once read: `counts`,
    `errors` (input errors and units that could not be checked) and `rows` (format `rows` only)."""

    def __init__(self, results: Iterator[Any], fmt: str, header: dict[str, Any], input_errors: list,
                 unreadable: list, facilities: list[str], show_personal_data: bool,
                 keep: frozenset[str] | None = None, follow_up: FollowUp | None = None) -> None:
        self._results = results
        self._fmt = fmt
        self._header = header
        self._show = show_personal_data
        self._facilities = facilities
        self._keep = keep
        self.counts = empty_counts()
        self.failed: list = []  # FacilityError of units whose evaluation failed
        self.input_errors = input_errors
        self.unreadable = unreadable
        self.rows: list[dict[str, Any]] = []
        self._collected = False  # the units' results are read once
        self.shown = empty_counts()  # what the report shows, by outcome (see RowRenderer)
        self.open = empty_counts()  # of that, what no decision covers
        self._follow_up = follow_up
        self._seen: set[str] = set()
        self._followed: tuple[list, dict[str, Any]] | None = None

    @property
    def facility_errors(self) -> list:
        return self.unreadable + self.failed

    def _unit_lines(self) -> Iterator[Any]:
        for result in self._results:
            if result.error is not None:
                self.failed.append(result.error)
                if self._fmt == "jsonl":
                    yield json_line({"type": "error", **masked(facility_error_row(result.error), self._show)})
                continue
            rendered = result.rendered
            for total, part in ((self.counts, rendered.counts), (self.shown, rendered.shown),
                                (self.open, rendered.open)):
                for name, n in part.items():
                    total[name] += n
            self._seen |= rendered.seen or set()
            yield from rendered.rows

    def _follow_up_done(self) -> tuple[list, dict[str, Any]]:
        """Once every unit is in: the decisions that matched nothing, the baseline's resolved findings (their
        notices join `input_errors`, so that stderr says them too) and the run header's additions."""
        if self._followed is None:
            if self._follow_up is None:
                self._followed = ([], {})
            else:
                units = set(self._facilities) - {e.facility_id for e in self.facility_errors}
                rules = {r["id"] for r in self._header["rules"]}
                notices, extra = self._follow_up.finish(self._seen, rules, units, self._header)
                self.input_errors = self.input_errors + notices
                self._followed = (notices, extra)
        return self._followed

    def _triaged(self) -> bool:
        return self._follow_up is not None or "selection" in self._header

    def _tail(self) -> tuple[list, list, dict]:
        _, extra = self._follow_up_done()
        errors, notices = error_rows(self.input_errors, self.facility_errors)
        run = dict(self._header, facilities=self._facilities, counts=self.counts, **extra)
        if self._triaged():
            run.update(shown_counts=self.shown, open_counts=self.open)
        return masked(errors, self._show), masked(notices, self._show), masked(run, self._show)

    def __iter__(self) -> Iterator[bytes]:
        if self._fmt == "json":
            yield from json_chunks(self._unit_lines(), self._tail)
        elif self._fmt == "jsonl":
            yield from self._jsonl()
        else:
            self.rows, self._collected = list(self._unit_lines()), True

    def _jsonl(self) -> Iterator[bytes]:
        yield json_line({"type": "run", **masked(self._header, self._show)}) + b"\n"
        errors, notices = error_rows(self.input_errors, self.unreadable)
        for item in masked(errors, self._show):
            yield json_line({"type": "error", **item}) + b"\n"
        for item in masked(notices, self._show):
            yield json_line({"type": "notice", **item}) + b"\n"
        for line in self._unit_lines():
            yield line + b"\n"
        late, extra = self._follow_up_done()
        for item in masked(error_rows(late, [])[1], self._show):
            yield json_line({"type": "notice", **item}) + b"\n"
        for item in extra.get("baseline", {}).get("resolved", []):
            yield json_line(masked({"type": "resolved", **item}, self._show)) + b"\n"
        summary = {"type": "summary", "counts": self.counts, "facilities": self._facilities,
                   "errors": len(errors) + len(self.failed)}
        if self._triaged():
            summary.update(shown_counts=self.shown, open_counts=self.open,
                           **{k: v for k, v in extra.items() if k == "decisions"})
        yield json_line(masked(summary, self._show)) + b"\n"

    def document(self) -> dict[str, Any]:
        """For format `rows`: evaluate, then the report document of what was kept."""
        if not self._collected:
            self.rows, self._collected = list(self._unit_lines()), True
        errors, notices, run = self._tail()
        if self._keep is not None:
            run["shown_outcomes"] = sorted(self._keep, key=OUTCOME_RANK.get)
        return {"run": run, "findings": self.rows, "errors": errors, "notices": notices}
