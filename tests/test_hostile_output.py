"""Hostile and careless output targets: a report is never lost, cut short, forged or claimed when it failed.

Issue 9, item 6 (and the empty bundle of item 8, an interrupt while writing of item 7). Every case runs the real
command where the defect was visible to users; the writer's own loop is
driven in-process where the kernel cannot be made to misbehave on demand
(short writes, a disk that fills half-way).
"""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
# a tiny bundle (one facility) keeps the runs that must get as far as writing quick
SMALL = ROOT / "tests" / "data" / "broken_bundle" / "a_ok.yaml"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def regelkoll(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True, timeout=300,
                          **kwargs)


def _leftovers(directory: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name not in keep)


# --- the target is checked before anything is evaluated --------------------------------------------

def _read_only_file(tmp: Path) -> Path:
    target = tmp / "rapport.txt"
    target.write_text("gammal rapport\n", encoding="utf-8")
    target.chmod(0o444)
    return target


def _read_only_dir(tmp: Path) -> Path:
    folder = tmp / "last"
    folder.mkdir()
    folder.chmod(0o555)
    return folder / "rapport.txt"


@pytest.mark.parametrize(("make", "code"), [
    (lambda tmp: tmp, "RK-O001"),                                       # a directory
    (lambda tmp: tmp / "saknas" / "rapport.txt", "RK-O002"),            # a missing parent
    (lambda tmp: (tmp / "fil").write_text("x") and tmp / "fil" / "rapport.txt", "RK-O002"),  # parent is a file
    (_read_only_file, "RK-O003"),
    (_read_only_dir, "RK-O003"),
], ids=["katalog", "foralder-saknas", "foralder-ar-fil", "skrivskyddad-fil", "skrivskyddad-katalog"])
def test_a_bad_output_target_is_refused_before_the_evaluation(tmp_path, make, code):
    target = make(tmp_path)
    # the bundle does not exist: refusing the target first proves nothing was read or evaluated
    proc = regelkoll("check", str(tmp_path / "ingen-data"), "--output", str(target))
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert f"{target}: {code}: " in err and "RK-B001" not in err
    assert "internt fel" not in err and "Traceback" not in err and len(err.splitlines()) == 1
    if target.exists() and target.is_file():
        assert target.read_text(encoding="utf-8") == "gammal rapport\n"


@pytest.mark.parametrize("command", [["rules", "docs"], ["rules", "schema"]])
def test_every_command_that_writes_a_file_checks_its_target(tmp_path, command):
    proc = regelkoll(*command, "--output", str(tmp_path / "saknas" / "x.md"))
    assert proc.returncode == 2 and b"RK-O002" in proc.stderr and b"internt fel" not in proc.stderr


# --- writing: atomic for files, complete for streams, failures reported ----------------------------

def test_an_existing_report_is_replaced_whole_and_keeps_its_mode(tmp_path):
    target = tmp_path / "rapport.json"
    target.write_text("gammal\n", encoding="utf-8")
    target.chmod(0o640)
    proc = regelkoll("check", str(SMALL), "--format", "json", "--output", str(target))
    assert proc.returncode in (1, 2), proc.stderr.decode()
    assert json.loads(target.read_bytes())["run"]["tool"] == "regelkoll"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _leftovers(tmp_path, "rapport.json") == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full finns inte här")
def test_a_full_disk_is_a_coded_error_not_a_success_nor_an_internal_error():
    to_file = regelkoll("check", str(SMALL), "--output", "/dev/full")
    with open("/dev/full", "wb") as full:
        to_stdout = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(SMALL)], cwd=ROOT, stdout=full,
                                   stderr=subprocess.PIPE, timeout=300)
    for proc, code in ((to_file, "RK-O004"), (to_stdout, "RK-O005")):
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert code in err and "disken är full" in err
        assert "internt fel" not in err and "Traceback" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full finns inte här")
def test_rules_docs_and_schema_use_the_same_writer():
    for command in (["rules", "docs"], ["rules", "schema"]):
        proc = regelkoll(*command, "--output", "/dev/full")
        assert proc.returncode == 2 and b"RK-O004" in proc.stderr and b"internt fel" not in proc.stderr


def test_a_closed_pipe_ends_the_run_quietly_like_other_unix_tools():
    """`regelkoll check … | head -1`: no traceback, no message, the status of a SIGPIPE death (128 + 13)."""
    proc = subprocess.Popen([sys.executable, "-m", "regelkoll.cli", "check", str(DEMO), "--format", "json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the report (larger than a pipe buffer) is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141, err
    assert err == ""


def test_a_failed_write_keeps_the_old_report_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    from regelkoll import output

    target = tmp_path / "rapport.txt"
    target.write_bytes(b"gammal rapport\n")
    real = os.write
    written = []

    def filling(fd, data):
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(len(data))
        return real(fd, bytes(data[:10]))

    monkeypatch.setattr(output.os, "write", filling)
    with pytest.raises(output.OutputError) as info:
        output.write_file(target, b"ny rapport " * 1000)
    assert info.value.code == "RK-O004" and "disken är full" in info.value.render()
    assert target.read_bytes() == b"gammal rapport\n"
    assert _leftovers(tmp_path, "rapport.txt") == []


def test_an_interrupt_during_the_write_leaves_the_old_report(tmp_path, monkeypatch):
    from regelkoll import output

    target = tmp_path / "rapport.txt"
    target.write_bytes(b"gammal rapport\n")

    def interrupted(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_file(target, b"ny rapport")
    assert target.read_bytes() == b"gammal rapport\n" and _leftovers(tmp_path, "rapport.txt") == []


def test_short_writes_are_continued_until_every_byte_is_out(tmp_path, monkeypatch):
    """os.write may write less than asked (a pipe, a signal, Linux's 2 GiB cap); nothing may be dropped."""
    from regelkoll import output

    real = os.write
    calls = []

    def short(fd, data):
        calls.append(len(data))
        return real(fd, bytes(data[:1000]))  # at most 1000 bytes a call, as the kernel may do

    payload = bytes(range(256)) * 400
    monkeypatch.setattr(output.os, "write", short)
    output.write_file(tmp_path / "fil.bin", payload)
    assert (tmp_path / "fil.bin").read_bytes() == payload
    with open(tmp_path / "ut.bin", "wb") as sink:
        output.write_stream(sink.fileno(), payload, "standard ut")
    assert (tmp_path / "ut.bin").read_bytes() == payload
    assert len(calls) >= 2 * len(payload) // 1000


def test_a_write_that_makes_no_progress_is_an_error_not_a_success(tmp_path, monkeypatch):
    from regelkoll import output

    monkeypatch.setattr(output.os, "write", lambda fd, data: 0)
    with open(tmp_path / "ut.bin", "wb") as sink, pytest.raises(output.OutputError) as info:
        output.write_stream(sink.fileno(), b"rapport", "standard ut")
    assert info.value.code == "RK-O005"


def test_a_report_to_stdout_goes_out_whole_through_short_writes(monkeypatch, tmp_path, capfd):
    """The check command itself writes through the loop (the 2 GiB cut-off was sys.stdout's single write)."""
    from regelkoll import cli, output

    real = os.write
    monkeypatch.setattr(output.os, "write", lambda fd, data: real(fd, bytes(data[:4096])))
    monkeypatch.setattr(sys, "argv", ["regelkoll", "check", str(DEMO), "--format", "json", "--jobs", "1"])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 1
    out = capfd.readouterr().out
    assert json.loads(out)["run"]["tool"] == "regelkoll" and len(out) > 4096 * 4


# --- control characters: nothing the data holds may steer the terminal or forge a line -------------

HOSTILE = "Falsk\x1b[2J\x1b]0;titel\x07\n== Påhittad verksamhet [x] ==\r\u202eesrever\u0085\x9b31m"


def _hostile_document() -> dict:
    from regelkoll.adapters.yaml_files import read_bundle
    from regelkoll.cli import PROJECT_RULES
    from regelkoll.lang.load import load_rulebook
    from regelkoll.ledger.result import RunResult, checkable_facilities
    from regelkoll.ledger.run import compile_rulebook
    from regelkoll.ledger.workers import evaluate_facilities
    from regelkoll.report.document import build_document

    book = load_rulebook(PROJECT_RULES)
    bundle = read_bundle(SMALL)
    facilities = checkable_facilities(bundle)
    findings, errors = evaluate_facilities(compile_rulebook(book), bundle, bundle.kontext, facilities, "t", jobs=1)
    result = RunResult(bundle.kontext.per_datum, book.digest, "0" * 64, findings, errors, list(bundle.diagnostics),
                       facilities)
    doc = build_document(result, book, {}, source=str(SMALL) + HOSTILE)
    # every string a report shows that can come from the data: names, messages, evidence, errors
    for item in doc["findings"]:
        item["facility_name"] = HOSTILE
        item["message"]["sv"] = "meddelande " + HOSTILE
        item["subject"]["label"] = "subjekt " + HOSTILE
        item["missing"] = [HOSTILE]
        item["absent"] = [HOSTILE]
        for ev in item["evidence"]:
            ev["id"] = HOSTILE
            ev["fields"] = {"namn": HOSTILE, "lista": [HOSTILE, HOSTILE]}
            ev.update(names={"namn": HOSTILE}, label="underlag " + HOSTILE, text=HOSTILE)
    for err in doc["errors"]:
        err.update(message=HOSTILE, field=HOSTILE, hint=HOSTILE, file=HOSTILE)
    return doc


@pytest.fixture(scope="module")
def hostile_document() -> dict:
    return _hostile_document()


def test_text_report_shows_control_characters_visibly_and_no_line_is_forged(hostile_document):
    from regelkoll.report.text import render_text

    text = render_text(hostile_document)
    lines = text.split("\n")
    assert not CONTROL.search(text.replace("\n", ""))
    assert "\\x1b[2J" in text and "\\n== Påhittad verksamhet" in text and "\\u202e" in text
    assert not any(line.startswith("== Påhittad") for line in lines)
    facilities = {i["facility_id"] for i in hostile_document["findings"]}
    assert sum(line.startswith("== ") for line in lines) == len(facilities)


def test_json_report_escapes_the_controls_json_itself_leaves_raw(hostile_document):
    from regelkoll.report.document import to_json_bytes

    payload = to_json_bytes(hostile_document)
    text = payload.decode("utf-8")
    assert not CONTROL.search(text.replace("\n", ""))  # a terminal showing it with cat acts on none of them
    assert "\\u202e" in text and "\\u009b" in text
    assert json.loads(payload) == json.loads(json.dumps(hostile_document))  # the values are unchanged


def test_html_report_escapes_markup_and_control_characters(hostile_document):
    from regelkoll.report.html import render_html

    doc = hostile_document
    doc["findings"][0]["facility_name"] = "<script>alert(1)</script>\n<h2>Påhittad</h2>" + HOSTILE
    html = render_html(doc)
    assert "<script" not in html and "<h2>Påhittad" not in html
    assert "&lt;script&gt;" in html and "&lt;h2&gt;Påhittad" in html
    assert '<div class="finding' in html and "&lt;div" not in html  # the template's own markup stays markup
    facilities = {i["facility_id"] for i in doc["findings"]}
    # one heading per facility, and the report's own list of acts
    assert html.count("<h2>") == len(facilities) + 1 and html.count("<h2>Författningar</h2>") == 1
    assert not CONTROL.search(html.replace("\n", ""))


def test_stderr_diagnostics_and_the_text_report_show_control_characters_visibly(tmp_path):
    # JSON escapes reach the loader as real control characters; a file name may hold them too. Unknown
    # keys and file names are echoed as they are in diagnostics, names in the report's headings.
    bundle = tmp_path / "data"
    bundle.mkdir()
    (bundle / ("fil\x1b[31m\nfalsk: RK-X.json")).write_text(json.dumps({
        "kontext": {"per_datum": "2026-11-20"},
        "organisation": [{"id": "o1", "namn": "O", "regi": "enskild"}],
        "verksamhet": [{"id": "v1", "namn": "V" + HOSTILE, "organisation": "o1", "typ": "hvb",
                        "tar_emot_barn": True, "falt\x1b[2J\nfalsk": 1}]}), encoding="utf-8")
    proc = regelkoll("check", str(bundle))
    err, out = proc.stderr.decode(), proc.stdout.decode()
    assert proc.returncode == 2, err
    assert err and not CONTROL.search(err.replace("\n", "")) and not CONTROL.search(out.replace("\n", ""))
    assert not any(line.startswith("falsk") for line in err.splitlines() + out.splitlines())
    assert not any(line.startswith("== Påhittad") for line in out.splitlines())
    assert "Traceback" not in err


def test_stderr_masks_personal_identity_numbers_like_the_report(tmp_path):
    """A personnummer typed as a field name breaks the facility; the RK-E001 line quotes it, masked."""
    (tmp_path / "a.yaml").write_text(
        "kontext: {per_datum: 2026-11-20}\n"
        "organisation:\n  - {id: o1, namn: O, regi: enskild}\n"
        "verksamhet:\n  - {id: v1, namn: V, organisation: o1, typ: hvb, tar_emot_barn: true, K-198701242383: 1}\n",
        encoding="utf-8")
    proc = regelkoll("check", str(tmp_path), "--format", "json")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "RK-E001" in err, err
    assert "198701242383" not in err + proc.stdout.decode() and "19870124-****" in err


# --- item 8: nothing to check is not a pass -------------------------------------------------------

def test_a_bundle_with_no_facility_is_an_error_not_a_pass(tmp_path):
    (tmp_path / "personer.yaml").write_text(
        "kontext: {per_datum: 2026-11-20}\n"
        "organisation:\n  - {id: org-x, namn: X AB, regi: enskild}\n"
        "person:\n  - {id: p-1, namn: Julia Strand}\n", encoding="utf-8")
    proc = regelkoll("check", str(tmp_path), "--format", "json")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert f"{tmp_path}: RK-E002: " in err and "ingen verksamhet" in err
    assert [e["code"] for e in json.loads(proc.stdout)["errors"]] == ["RK-E002"]


def test_an_interrupt_while_the_report_is_written_keeps_the_old_report_whole(tmp_path):
    """SIGINT half-way through writing: one line, status 130, the old report as it was, no temporary file."""
    target = tmp_path / "rapport.json"
    target.write_bytes(b"gammal rapport\n")
    # the test, not the product, arranges the interrupt: the first chunk written makes the process signal itself
    script = (
        "import os, signal, sys\n"
        "from regelkoll import cli, output\n"
        "real = output.write_stream\n"
        "def write(fd, data, where):\n"
        "    real(fd, data[:100], where)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    real(fd, data[100:], where)\n"
        "output.write_stream = write\n"
        f"sys.argv = ['regelkoll', 'check', {str(SMALL)!r}, '--format', 'json', '--output', {str(target)!r}]\n"
        "cli.main()\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=300,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    err = proc.stderr.decode()
    assert proc.returncode == 130, err
    assert err.splitlines()[-1] == "regelkoll: avbruten (Ctrl-C)" and "Traceback" not in err
    assert target.read_bytes() == b"gammal rapport\n"
    assert _leftovers(tmp_path, "rapport.json") == []
