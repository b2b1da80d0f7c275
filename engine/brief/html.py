"""The brief as one self-contained HTML page, made for printing on A4.

Page headers and footers are CSS page-margin boxes: the facility's name and the day at the top, "sida x av y"
at the foot. A heading is kept with what follows it by wrapping both in a block that may not break.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from regelkoll.output import printable
from regelkoll.report.text import SEVERITY_SV, _value


def _visible(value: Any) -> Any:
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def css_string(value: str) -> Markup:
    """A CSS string literal for any text: every character but letters, digits and spaces as a hex escape, so
    that nothing from the data can end the string, the rule or the <style> element."""
    out = []
    for ch in printable(str(value)):
        # the space after an escape ends it and is not shown, so a space that follows survives
        out.append(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x} ")
    return Markup('"' + "".join(out) + '"')


def render_brief_html(doc: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("regelkoll.brief", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, keep_trailing_newline=True, finalize=_visible)
    env.filters["value"] = _value
    env.filters["css_string"] = css_string
    groups = [(group, list(items)) for group, items in groupby(doc["requests"], key=lambda r: r["group"])]
    return env.get_template("besok.html.j2").render(doc=doc, f=doc["facility"], groups=groups, severity_sv=SEVERITY_SV)
