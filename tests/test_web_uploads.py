"""Uploads (engine/web/uploads.py) and the body-size limit (engine/web/limits.py) under attack: every hostile
archive is refused with its code, and a refused upload leaves nothing behind, so no partial data set is listed."""

from __future__ import annotations

import asyncio
import bz2
import gzip
import io
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest

from regelkoll.diagnostics import DiagnosticError
from regelkoll.web.datasets import list_datasets
from regelkoll.web.limits import BodyLimit
from regelkoll.web.settings import Settings
from regelkoll.web.uploads import receive_application, receive_dataset

ROOT = Path(__file__).resolve().parent.parent
YAML = b"verksamheter:\n  - id: v-1\n    namn: Test\n"


@pytest.fixture
def settings(tmp_path):
    return Settings(data=tmp_path / "data", uploads=tmp_path / "uploads", database_url="sqlite://",
                    max_upload_bytes=1_000_000, max_members=10, max_unpacked_bytes=100_000)


def _zip(members: dict[str, bytes], *, modes: dict[str, int] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if modes and name in modes:
                info.create_system = 3
                info.external_attr = modes[name] << 16
            z.writestr(info, data)
    return buffer.getvalue()


def _tar(members: list[tarfile.TarInfo | tuple[str, bytes]], mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as t:
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                t.addfile(member)
            else:
                name, data = member
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _special(name: str, kind: bytes, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    return info


def _refused(settings: Settings, filename: str, data: bytes, code: str, receive=receive_dataset) -> DiagnosticError:
    before = sorted(p.name for p in settings.uploads.iterdir()) if settings.uploads.exists() else []
    with pytest.raises(DiagnosticError) as refused:
        receive(settings, filename, io.BytesIO(data))
    assert [d.code for d in refused.value.diagnostics] == [code], refused.value.diagnostics
    after = sorted(p.name for p in settings.uploads.iterdir()) if settings.uploads.exists() else []
    # nothing left behind: no work folder, no partial data set (at most the empty folder for applications)
    assert [name for name in after if name not in before and name != "ansokningar"] == []
    if (settings.uploads / "ansokningar").exists():
        assert list((settings.uploads / "ansokningar").iterdir()) == []
    assert list_datasets(settings) == []
    return refused.value


def test_a_plain_archive_is_unpacked_and_the_same_bytes_twice_are_one_data_set(settings):
    data = _zip({"demo/verksamheter.yaml": YAML})
    first = receive_dataset(settings, "demo.zip", io.BytesIO(data))
    again = receive_dataset(settings, "annat-namn.zip", io.BytesIO(data))
    assert first == again and first.name.startswith("uppladdad-")
    assert (first.path / "demo" / "verksamheter.yaml").read_bytes() == YAML
    assert list_datasets(settings) == [first.name]
    assert sorted(p.name for p in settings.uploads.iterdir()) == [first.name]  # the work folder is gone
    for mode in ("w:gz", "w:bz2", "w:xz"):
        unpacked = receive_dataset(settings, "d.tar", io.BytesIO(_tar([("a/b.yaml", YAML)], mode)))
        assert (unpacked.path / "a" / "b.yaml").read_bytes() == YAML


def test_a_zip_bomb_is_refused_as_it_unpacks_whatever_its_header_says(settings):
    bomb = _zip({"stor.yaml": b"a" * 5_000_000})
    assert len(bomb) < 10_000
    _refused(settings, "bomb.zip", bomb, "RK-W044")
    # the header's sizes are lies the unpacking does not believe: a member that claims to be small
    lying = bytearray(bomb)
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = lying.find(header)
        offset = at + (22 if header == b"PK\x03\x04" else 24)
        lying[offset:offset + 4] = (100).to_bytes(4, "little")
    with pytest.raises(DiagnosticError) as refused:
        receive_dataset(settings, "lies.zip", io.BytesIO(bytes(lying)))
    assert refused.value.diagnostics[0].code in ("RK-W042", "RK-W044")  # zipfile's own check, or ours
    assert list_datasets(settings) == []


def test_a_compressed_tar_bomb_is_refused_before_tarfile_holds_a_header_in_memory(settings):
    # a GNU long name of 50 MB: tarfile would read it whole into memory; compressed it is a few kilobytes
    header = tarfile.TarInfo("././@LongLink")
    header.type = tarfile.GNUTYPE_LONGNAME
    header.size = 50_000_000
    raw = header.tobuf(format=tarfile.GNU_FORMAT) + b"\0" * 50_000_000
    bomb = gzip.compress(raw, compresslevel=9)
    assert len(bomb) < 200_000
    _refused(settings, "bomb.tar.gz", bomb, "RK-W044")
    _refused(settings, "bomb.tar.bz2", bz2.compress(raw), "RK-W044")


def test_too_many_members_are_refused_before_the_table_of_contents_is_read(settings):
    _refused(settings, "many.zip", _zip({f"f{i}.yaml": YAML for i in range(11)}), "RK-W044")
    _refused(settings, "many.tar", _tar([(f"f{i}.yaml", YAML) for i in range(11)]), "RK-W044")


@pytest.mark.parametrize("name", ["../utanfor.yaml", "a/../../utanfor.yaml", "/etc/passwd", "a/.dold.yaml",
                                  "a/b\x07.yaml"])
def test_a_member_that_climbs_out_is_absolute_hidden_or_has_control_characters_refuses_the_upload(settings, name):
    _refused(settings, "x.zip", _zip({"ok.yaml": YAML, name: YAML}), "RK-W043")
    _refused(settings, "x.tar", _tar([("ok.yaml", YAML), (name, YAML)]), "RK-W043")


def test_a_tar_member_named_with_backslashes_cannot_climb_out(settings):
    _refused(settings, "x.tar", _tar([("..\\..\\utanfor.yaml", YAML)]), "RK-W043")
    _refused(settings, "x.zip", _zip({"a\\..\\..\\utanfor.yaml": YAML}), "RK-W043")
    # a backslash is a separator, so the same file twice through both spellings is a duplicate
    _refused(settings, "x.tar", _tar([("a/b.yaml", YAML), ("a\\b.yaml", YAML)]), "RK-W043")


def test_links_devices_and_fifos_refuse_the_upload(settings):
    for member in (_special("lank.yaml", tarfile.SYMTYPE, "/etc/passwd"),
                   _special("hard.yaml", tarfile.LNKTYPE, "ok.yaml"),
                   _special("enhet", tarfile.CHRTYPE), _special("block", tarfile.BLKTYPE),
                   _special("fifo", tarfile.FIFOTYPE)):
        _refused(settings, "x.tar", _tar([("ok.yaml", YAML), member]), "RK-W043")
    link = _zip({"ok.yaml": YAML, "lank.yaml": b"/etc/passwd"}, modes={"lank.yaml": stat.S_IFLNK | 0o777})
    _refused(settings, "x.zip", link, "RK-W043")


def test_the_same_name_twice_and_a_file_where_a_folder_is_refuse_the_upload(settings):
    _refused(settings, "x.tar", _tar([("a.yaml", YAML), ("a.yaml", YAML)]), "RK-W043")
    _refused(settings, "x.tar", _tar([("a", YAML), ("a/b.yaml", YAML)]), "RK-W043")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z, pytest.warns(UserWarning):
        z.writestr("a.yaml", YAML)
        z.writestr("a.yaml", YAML)
    _refused(settings, "x.zip", buffer.getvalue(), "RK-W043")


def test_what_is_no_archive_or_is_empty_or_broken_is_refused(settings):
    _refused(settings, "x.pdf", b"%PDF-1.4 inte en datamangd", "RK-W042")
    _refused(settings, "x.zip", b"PK\x03\x04" + b"\0" * 100, "RK-W042")
    _refused(settings, "x.tar.gz", b"\x1f\x8b" + b"\0" * 100, "RK-W042")
    _refused(settings, "x.zip", b"", "RK-W041")
    _refused(settings, "x.yaml", b"a" * 1_000_001, "RK-W040")


@pytest.mark.parametrize("name", ["../demo.zip", "mapp/demo.zip", "C:\\Users\\a\\demo.zip", "demo\x00.zip",
                                  "demo\n.zip", ".dold.zip", "a" * 201 + ".zip"])
def test_a_file_name_with_path_parts_or_control_characters_is_refused(settings, name):
    refused = _refused(settings, name, _zip({"ok.yaml": YAML}), "RK-W045")
    assert all(ch.isprintable() for ch in refused.diagnostics[0].render())
    _refused(settings, name.replace(".zip", ".yaml"), YAML, "RK-W045", receive=receive_application)


def test_an_application_is_kept_by_its_digest_and_a_refused_one_leaves_nothing(settings):
    kept = receive_application(settings, "ansokan.yaml", io.BytesIO(YAML))
    assert kept.name == "ansokan.yaml" and kept.path.read_bytes() == YAML
    assert kept.path.parent.parent == settings.uploads / "ansokningar" and kept.path.name == "ansokan.yaml"
    with pytest.raises(DiagnosticError) as refused:
        receive_application(settings, "stor.yaml", io.BytesIO(b"a" * 1_000_001))
    assert refused.value.diagnostics[0].code == "RK-W040"
    assert [p.name for p in (settings.uploads / "ansokningar").iterdir()] == [kept.path.parent.name]


# --- the body-size limit, as ASGI sees it -------------------------------------------------------------------

def _run(limit: int, messages: list[dict], headers: list[tuple[bytes, bytes]]) -> tuple[list[dict], int, int]:
    """The middleware in front of an app that reads the whole body: what was sent back, how many body bytes
    the app got, and how many messages were taken from the client."""
    taken = 0
    got = 0

    async def receive():
        nonlocal taken
        taken += 1
        return messages[taken - 1] if taken <= len(messages) else {"type": "http.disconnect"}

    async def app(scope, receive, send):
        nonlocal got
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise OSError("klienten gick")  # what a parser does on a disconnect: the middleware drops it
            got += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "path": "/api/v1/datamangder", "method": "POST", "headers": headers}
    asyncio.run(BodyLimit(app, limit)(scope, receive, send))
    return sent, got, taken


def test_a_chunked_body_is_cut_off_at_the_limit_and_never_read_further():
    chunks = [{"type": "http.request", "body": b"x" * 1000, "more_body": True} for _ in range(100)]
    sent, got, taken = _run(2500, chunks, [(b"transfer-encoding", b"chunked")])
    assert sent[0]["status"] == 413 and b"RK-W040" in sent[1]["body"]
    assert len(sent) == 2  # the app's own answer is dropped
    assert taken == 3 and got == 2000  # the third chunk passed the limit; nothing after it was taken


def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read():
    sent, got, taken = _run(2500, [{"type": "http.request", "body": b"x" * 3000}], [(b"content-length", b"3000")])
    assert sent[0]["status"] == 413 and (taken, got) == (0, 0)
    sent, got, _ = _run(2500, [{"type": "http.request", "body": b"x" * 2500}], [(b"content-length", b"2500")])
    assert sent[0]["status"] == 200 and got == 2500
