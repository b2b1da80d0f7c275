"""The command line's own words in Swedish: usage errors, `--help` and its headings.

Typer and the click it builds on write English, and only some of it through gettext (typer's headings; click's
error texts are plain literals), so a message catalogue could not reach them all. Instead the entry point lets
usage errors through (`standalone_mode=False`) and `usage_error` writes each kind in Swedish from the exception's
own fields, never from its English text; the help is made by command classes that name its parts in Swedish.
The heading texts typer offers no setting for are module constants in `typer.rich_utils`, read when the help is
drawn: they are set then, and a typer without them is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

try:  # typer ≥ 0.20 carries its own click; earlier typers use click itself
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import exceptions as click_errors  # type: ignore[no-redef]

HELP_OPTION = "Visa denna hjälp och avsluta."
_USAGE = (("Usage:", "Användning:"), ("[OPTIONS]", "[FLAGGOR]"), ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENT]..."))
_HEADINGS = {
    "ARGUMENTS_PANEL_TITLE": "Argument",
    "OPTIONS_PANEL_TITLE": "Flaggor",
    "COMMANDS_PANEL_TITLE": "Kommandon",
    "ERRORS_PANEL_TITLE": "Fel",
    "DEFAULT_STRING": "[standard: {}]",
    "ENVVAR_STRING": "[miljövariabel: {}]",
    "REQUIRED_LONG_STRING": "[krävs]",
    "DEPRECATED_STRING": "(utgår) ",
    "ABORTED_TEXT": "Avbrutet.",
    "RICH_HELP": "Se [blue]'{command_path} {help_option}'[/] för hjälp.",
}


def _swedish_headings() -> None:
    from typer import rich_utils

    for name, text in _HEADINGS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)


class _Swedish:
    def get_usage(self, ctx: Any) -> str:
        text = super().get_usage(ctx)  # type: ignore[misc]
        for english, swedish in _USAGE:
            text = text.replace(english, swedish, 1)
        return text

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option

    def format_help(self, ctx: Any, formatter: Any) -> Any:
        _swedish_headings()
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            _swedish_type(param, ctx)
        return super().format_help(ctx, formatter)  # type: ignore[misc]


# the type column of the help (`<path>`): a flag needs none, choices (`<text|json>`) are the user's own words
_TYPES = {"<path>": "<sökväg>", "<str>": "<text>", "<int>": "<heltal>", "<int range>": "<heltal>",
          "<list[str]>": "<text> …", "<bool>": None}


def _swedish_type(param: Any, ctx: Any) -> None:
    shown = getattr(param, "display_type_rich", None)
    if shown is None or getattr(param, "_swedish_type", False):
        return
    label = shown(ctx)
    if label in _TYPES:
        param.display_type_rich = lambda ctx, _label=_TYPES[label]: _label
    param._swedish_type = True


class SwedishCommand(_Swedish, TyperCommand):
    pass


class SwedishGroup(_Swedish, TyperGroup):
    pass


def make_swedish(app: Any) -> None:
    """Give every command and group of a Typer app the Swedish help (before its click command is built)."""
    app.info.cls = SwedishGroup
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):  # a command's own class is kept
            info.cls = SwedishCommand
    for group in app.registered_groups:
        group.cls = SwedishGroup
        make_swedish(group.typer_instance)


def usage_error(exc: Exception) -> list[str]:
    """The lines a usage error is shown as: what is wrong, then the usage and where to find help."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "regelkoll"
    lines = [f"{where}: {_what(exc, ctx)}"]
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(f"Hjälp: {where} --help")
    return lines


def _what(exc: Exception, ctx: Any) -> str:
    param = getattr(exc, "param", None)
    if isinstance(exc, click_errors.MissingParameter):
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            return f"argumentet {_name(param)} saknas"
        return f"flaggan {_name(param)} måste anges" if param is not None else "ett värde saknas"
    if isinstance(exc, click_errors.NoSuchOption):
        near = sorted(exc.possibilities or ())
        return f"okänd flagga {exc.option_name}" + (f" (menade du {' eller '.join(near)}?)" if near else "")
    if isinstance(exc, click_errors.BadOptionUsage):
        if "requires an argument" in exc.message or "requires" in exc.message:
            return f"flaggan {exc.option_name} behöver ett värde"
        if "does not take a value" in exc.message:
            return f"flaggan {exc.option_name} tar inget värde"
        return f"flaggan {exc.option_name} används fel"
    if isinstance(exc, click_errors.BadParameter):
        return _bad_value(exc, param)
    message = str(getattr(exc, "message", ""))
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", message)
    if extra:
        return f"oväntat argument: {extra.group(1)}"
    unknown = re.match(r"No such command '(.*?)'", message)
    if unknown:
        return f"okänt kommando '{unknown.group(1)}'{_near_command(unknown.group(1), ctx)}"
    if message.startswith("Missing command"):
        return "ange ett kommando"
    return "felaktig användning"


def _name(param: Any) -> str:
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return f"'{param.metavar or param.name}'"  # the name the usage line shows (DATAMÄNGD), not the code's
    return " / ".join(opts)


def _bad_value(exc: Any, param: Any) -> str:
    from pydantic import ValidationError

    from regelkoll.validation_sv import swedish_message

    name = _name(param) if param is not None else "ett argument"
    cause = exc.__cause__
    errors = cause.errors(include_url=False) if isinstance(cause, ValidationError) else []
    value = errors[0].get("input") if errors else None
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        allowed = ", ".join(str(getattr(c, "value", c)) for c in choices)
        shown = f" {value!r}" if value is not None else ""
        return f"ogiltigt värde{shown} för {name}; tillåtna: {allowed}"
    if errors and errors[0]["type"] not in ("value_error", "assertion_error"):
        return f"ogiltigt värde {value!r} för {name}: {swedish_message(errors[0])}"
    return f"ogiltigt värde för {name}"


def _near_command(typo: str, ctx: Any) -> str:
    from regelkoll.diagnostics import suggest

    commands = list(getattr(getattr(ctx, "command", None), "commands", {}) or {})
    hint = suggest(typo, commands) if commands else ""
    return f" ({hint})" if hint else ""
