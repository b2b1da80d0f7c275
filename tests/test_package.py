"""One package, `regelkoll`, laid out by stage: its folders are all shipped, its layering holds, its API is public.

The package lives in the folders the project is known by (`engine/` is `regelkoll`, `adapters/` is
`regelkoll.adapters`; pyproject.toml maps them). import-linter finds modules by walking the package's folder,
so the layering is checked on a copy laid out as the wheel lays it out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _folders() -> dict[str, Path]:
    """Every package the source folders hold, by its import name."""
    mapping = SETUPTOOLS["package-dir"]
    out = {}
    for name, folder in mapping.items():
        if not (ROOT / folder / "__init__.py").exists():
            out[name] = ROOT / folder  # a folder of data (the rule packs), shipped as package data
            continue
        for init in sorted((ROOT / folder).rglob("__init__.py")):
            if "templates" in init.parts:
                continue
            relative = init.parent.relative_to(ROOT / folder)
            out[".".join([name, *relative.parts]) if relative.parts else name] = init.parent
    return out


def _lay_out(target: Path) -> Path:
    """The package as the wheel holds it: each listed package's own .py files at its dotted place."""
    for name, folder in _folders().items():
        place = target.joinpath(*name.split("."))
        place.mkdir(parents=True, exist_ok=True)
        for module in folder.glob("*.py"):
            shutil.copy2(module, place / module.name)
    return target


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"], cwd=tree,
                          env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                          timeout=300)


def test_every_package_folder_is_shipped():
    # a folder missing from the list would be missing from the wheel, and its imports would fail only there
    assert sorted(_folders()) == sorted(SETUPTOOLS["packages"])


def test_the_wheel_ships_every_rule_pack_and_the_installed_package_finds_them(tmp_path):
    # an editable install reads rules/ in the checkout; a wheel must carry them, or `check` fails once installed
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("regelkoll-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name.removeprefix("regelkoll/rules/") for name in archive.namelist()
                   if name.startswith("regelkoll/rules/")}
        archive.extractall(tmp_path / "site")
    assert shipped == {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*") if p.is_file()}
    found = subprocess.run([sys.executable, "-c", "from regelkoll.lang import BUNDLED_RULES; print(BUNDLED_RULES)"],
                           cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
                           capture_output=True, text=True, timeout=60)
    assert found.stdout.strip() == str(tmp_path / "site" / "regelkoll" / "rules"), found.stderr


def test_version_names_the_tool_the_rules_digests_and_the_engine():
    import regelkoll

    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "--version"], capture_output=True, text=True,
                          timeout=120)
    book = regelkoll.load_rules()
    from regelkoll.application.packs import application_rules, supervision_rules

    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"regelkoll {regelkoll.__version__}\n")
    for part in (supervision_rules(book), application_rules(book)):
        assert f"{len(part.rules)} regler, sammandrag {part.digest}" in proc.stdout
    assert "durable_rules 2.0.28" in proc.stdout and "Python 3." in proc.stdout


def test_the_layering_holds(tmp_path):
    proc = _lint(_lay_out(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    contracts = len(PYPROJECT["tool"]["importlinter"]["contracts"])
    assert f"{contracts} kept, 0 broken" in proc.stdout, proc.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("report/text.py", "import durable.engine\n", "Only the durable backend imports durable_rules"),
    ("facts/model.py", "from regelkoll.lang import model as _rules\n", "Facts know nothing of rules"),
    ("adapters/yaml_files.py", "from regelkoll.lang.load import Rulebook as _Rulebook\n",
     "Adapters know facts, not rules"),
    ("report/document.py", "from regelkoll.ledger import workers as _workers\n", "Reports know findings and rules"),
    ("brief/document.py", "from regelkoll.ledger import judge as _judge\n", "The brief reads facts, findings"),
])
def test_an_import_across_the_layers_breaks_the_build(tmp_path, module, line, contract):
    tree = _lay_out(tmp_path)
    target = tree / "regelkoll" / module
    target.write_text(target.read_text(encoding="utf-8") + line, encoding="utf-8")
    proc = _lint(tree)
    assert proc.returncode == 1 and f"{contract}" in proc.stdout and "BROKEN" in proc.stdout, proc.stdout


def test_the_public_api_is_what_the_readme_documents():
    import regelkoll

    assert sorted(regelkoll.__all__) == sorted([
        "BUNDLED_RULES", "Diagnostic", "DiagnosticError", "FactBundle", "Finding", "RunResult", "Rulebook",
        "UnitResult", "__version__", "check", "compile_rules", "document", "iter_check", "load_rules",
        "read_facts", "to_json_bytes", "units"])
    for name in regelkoll.__all__:
        assert getattr(regelkoll, name) is not None
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## As a library"):readme.index("## Architecture")]
    for name in regelkoll.__all__:
        if not name.startswith("_"):
            assert re.search(rf"(`|regelkoll\.){name}\b", section), f"{name} is not documented in README.md"


def test_the_api_in_a_python_session_gives_the_cli_bytes(monkeypatch):
    """The README's library example, run in this process, gives what `regelkoll check --format json` writes."""
    import regelkoll

    monkeypatch.chdir(ROOT)

    rules = regelkoll.load_rules()
    facts = regelkoll.read_facts("fixtures/demo")
    in_process = regelkoll.to_json_bytes(regelkoll.document(regelkoll.check(rules, facts, jobs=0)))
    cli = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", "fixtures/demo", "--format", "json"],
                         cwd=ROOT, capture_output=True, timeout=300)
    assert cli.returncode == 1 and in_process == cli.stdout
    streamed = [unit.unit for unit in regelkoll.iter_check(rules, facts, jobs=0)]
    assert streamed == regelkoll.units(facts) and len(streamed) > 20


def test_an_error_in_the_rules_is_raised_with_its_place_never_an_exit(tmp_path):
    import regelkoll

    (tmp_path / "pack.yaml").write_text("regelpaket: {id: x}\nregler: []\nokänd: 1\n", encoding="utf-8")
    with pytest.raises(regelkoll.DiagnosticError) as info:
        regelkoll.load_rules(tmp_path)
    assert all(d.file == str(tmp_path / "pack.yaml") and d.code.startswith("RK-") for d in info.value.diagnostics)
    with pytest.raises(regelkoll.DiagnosticError) as info:
        regelkoll.load_rules(tmp_path / "finns-inte")
    assert [d.code for d in info.value.diagnostics] == ["RK-R010"]
