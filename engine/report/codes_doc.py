"""The README's "Error codes" section, rendered from the registry so that the two cannot disagree."""

from __future__ import annotations

from regelkoll.codes import AREAS, CODES, INTRO


def render_codes() -> str:
    """The whole section in Markdown, from its `## Error codes` heading to its last table row."""
    blocks = ["## Error codes", INTRO.strip()]
    for area in AREAS.values():
        blocks.append(f"### {area.key} — {area.title}")
        if area.intro:
            blocks.append(area.intro.strip())
        rows = ["| Code | Betydelse | When it is reported | Effect |", "|---|---|---|---|"]
        rows += [f"| {c.code} | {c.betydelse} | {c.when} | {'*Upplysning.* ' if c.notice else ''}{c.effect} |"
                 for c in sorted(CODES.values(), key=lambda c: c.code) if c.area == area.key]
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"
