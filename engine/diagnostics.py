"""Diagnostics shown to users: a stable code, a position and a Swedish message."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import process

from regelkoll.personal_data import mask_all, mask_text


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in a rule file or an input file.

    Lines and columns are 1-based; 0 means unknown.
    """

    file: str
    line: int
    column: int
    code: str
    message: str
    field: str = ""
    hint: str = ""

    def render(self, *, personal_data: bool = False) -> str:
        """One line; numbers shaped like a personnummer are masked unless `personal_data` is asked for."""
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.code}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text if personal_data else mask_text(text)

    def to_json(self, *, personal_data: bool = False) -> dict:
        out = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }
        return out if personal_data else mask_all(out)


@dataclass
class DiagnosticError(Exception):
    """Raised when input cannot be used at all; carries every diagnostic found."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(d.render() for d in sorted(self.diagnostics))


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """The hint for a misspelt name: the nearest of `choices`, if near enough."""
    match = process.extractOne(str(word), list(choices), score_cutoff=70)
    return f"menade du '{match[0]}'?" if match else ""


class RuleCompileError(Exception):
    """A rule that validates but cannot be compiled safely for durable_rules."""


class EvaluationError(Exception):
    """The engine failed on one facility; the run reports it and goes on."""
