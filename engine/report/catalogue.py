"""The rule catalogue for legal staff: every rule, its versions, provisions and examples, in Markdown."""

from __future__ import annotations

from regelkoll.lang.load import Rulebook
from regelkoll.lang.model import Rule
from regelkoll.legaltime import Period
from regelkoll.report.citation import cite

OUTCOME_SV = {"overtradelse": "överträdelse", "uppfyllt": "uppfyllt", "ej_tillamplig": "ej tillämplig",
              "obestamt": "kan inte bedömas"}


def _param(value: object) -> str:
    if isinstance(value, Period):
        return value.swedish()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _refs(refs, acts) -> str:
    parts = []
    for ref in refs:
        text = f"[{cite(ref, acts)}]({ref.url})"
        if ref.lydelse:
            text += f" (lydelse SFS {ref.lydelse})"
        if ref.overifierad:
            text += " *ej verifierad*"
        parts.append(text)
    return "; ".join(parts) or "–"


def _rule(rule: Rule, where: str, book: Rulebook) -> list[str]:
    out = [f"## {rule.id} – {rule.titel.sv}", "",
           f"*{rule.titel.en}* · {rule.slag} · {rule.allvarlighet} · `{where}`", ""]
    applies = [p.beskrivning for p in rule.tillamplig_nar if p.beskrivning]
    if applies:
        out += ["**Gäller:** " + "; ".join(applies) + ".", ""]
    violated = [("saknas: " if p.saknas else "") + (p.beskrivning or p.typ) for p in rule.overtradelse_nar]
    if rule.overtradelse_dar:
        violated.insert(0, rule.overtradelse_dar.beskrivning)
    out += ["**Överträdelse när:** " + "; ".join(violated) + ".", ""]
    for exemption in rule.undantag:
        own = f" ({_refs(exemption.lagrum, book.acts)})" if exemption.lagrum else ""
        out += [f"**Undantag:** {exemption.beskrivning.sv}{own}", ""]
    for doubt in rule.bedoms_inte_nar:
        out += [f"**Kan inte bedömas när:** {doubt.beskrivning.sv}", ""]
        if doubt.begaran is not None:
            out += [f"**Inspektören begär då:** {doubt.begaran.sv}", ""]
    out += ["| giltig för beslutsdatum | lagrum | undantag | parametrar |", "| --- | --- | --- | --- |"]
    for v in rule.versioner:
        window = f"{v.giltig_fran.isoformat()} – {v.giltig_till.isoformat() if v.giltig_till else ''}"
        params = "; ".join(f"{k}: {_param(val)}" for k, val in v.parametrar.items())
        out.append(f"| {window} | {_refs(v.lagrum, book.acts)} | {_refs(v.undantag_lagrum, book.acts)} | {params} |")
    out.append("")
    notes = [v.anteckning.strip() for v in rule.versioner if v.anteckning]
    if rule.anteckningar:
        notes.insert(0, rule.anteckningar.strip())
    if notes:
        out += ["**Anteckningar:**", ""] + [f"- {n}" for n in notes] + [""]
    out += ["**Exempel** (körs som tester):", ""]
    said = dict(OUTCOME_SV, overtradelse="bör utredas") if rule.slag == "indikator" else OUTCOME_SV
    out += [f"- {e.namn} → {said[e.forvantat]}" for e in rule.exempel]
    out.append("")
    return out


def render_catalogue(book: Rulebook) -> str:
    lines = ["# Regelkatalog", "",
             "Genererad av `regelkoll rules docs` ur regelfilerna; redigera reglerna, inte denna fil.", ""]
    for pack_id in sorted(book.packs):
        pack = book.packs[pack_id]
        lines += [f"# {pack.titel.sv}", "", f"*{pack.titel.en}*", ""]
        if pack.beskrivning:
            lines += [pack.beskrivning.strip(), ""]
        for loaded in book.rules:
            if loaded.pack == pack_id:
                lines += _rule(loaded.rule, f"{loaded.file}:{loaded.where()[0]}", book)
    return "\n".join(lines)
