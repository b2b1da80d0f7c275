"""The brief as one self-contained HTML page, made for printing on A4.

Page headers and footers are CSS page-margin boxes: the facility's name and the day at the top, "sida x av y"
at the foot. A heading is kept with what follows it by wrapping both in a block that may not break.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from regelkoll.report.citation import acts_cited, capitalised
from regelkoll.report.html import _visible, css_string, running_title
from regelkoll.report.text import SEVERITY_SV, _value


def render_brief_html(doc: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("regelkoll.brief", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, keep_trailing_newline=True, finalize=_visible)
    env.filters["value"] = _value
    env.filters["css_string"] = css_string
    env.filters["running_title"] = running_title
    env.filters["capitalised"] = capitalised
    groups = [(group, list(items)) for group, items in groupby(doc["requests"], key=lambda r: r["group"])]
    acts = acts_cited(doc["violations"] + doc["indications"], doc["run"].get("acts", []))
    return env.get_template("besok.html.j2").render(doc=doc, f=doc["facility"], groups=groups, severity_sv=SEVERITY_SV,
                                                   acts=acts)
