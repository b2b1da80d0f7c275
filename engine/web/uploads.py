"""Uploaded data sets and applications, unpacked under the upload directory and nowhere else.

Limits (Settings): the bytes received, the number of files in an archive and their size unpacked, counted as
they are written (an archive's own header can lie about sizes). A member whose name is absolute, climbs out
(`..`), is not a regular file (links, devices) or is hidden is refused, never skipped: a data set missing a
file would be checked as if the file said nothing. An upload is named by the SHA-256 of its bytes, so the same
upload twice is one data set, and it appears only once it is complete (written aside, then renamed).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.web.datasets import FACT_FILES, UPLOADED
from regelkoll.web.settings import Settings

CHUNK = 1 << 16
# the most a zip's table of contents may take a file: a name, its header and extra fields, generously
DIRECTORY_ENTRY = 1024
# what a tar adds to its files' bytes: a header (and padding) a member, and the end-of-archive blocks
TAR_OVERHEAD = 3 * 512


@dataclass(frozen=True)
class Upload:
    name: str  # the data set's name (uppladdad-…), or the application's file name
    path: Path


def _refuse(where: str, code: str, message: str, field: str = "fil", hint: str = "") -> DiagnosticError:
    return DiagnosticError([Diagnostic(where, 0, 0, code, message, field, hint)])


def _receive(stream: BinaryIO, limit: int, where: str, into: BinaryIO) -> str:
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise _refuse(where, "RK-W040", f"filen är större än servern tar emot ({limit // (1024 * 1024)} MB)")
        digest.update(chunk)
        into.write(chunk)
    if size == 0:
        raise _refuse(where, "RK-W041", "filen är tom")
    return digest.hexdigest()


def _member_path(name: str, where: str, directory: bool = False) -> PurePosixPath:
    path = PurePosixPath(name.replace("\\", "/"))
    if directory and not path.parts:
        return path  # the archive's own top folder, `./` in `tar -czf x.tar.gz -C folder .`
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise _refuse(where, "RK-W043", f"arkivet innehåller en sökväg som lämnar arkivet: '{_printable(name)}'")
    if any(part.startswith(".") for part in path.parts):
        raise _refuse(where, "RK-W043", f"arkivet innehåller en dold fil: '{_printable(name)}'", hint="packa bara "
                      "datamängdens YAML/JSON-filer")
    if not name.isprintable():
        raise _refuse(where, "RK-W043", f"arkivet innehåller ett filnamn med styrtecken: '{_printable(name)}'")
    return path


class _Budget:
    def __init__(self, settings: Settings, where: str) -> None:
        self.members = settings.max_members
        self.bytes = settings.max_unpacked_bytes
        self.where = where

    def member(self) -> None:
        self.members -= 1
        if self.members < 0:
            raise _refuse(self.where, "RK-W044", "arkivet har fler filer än servern packar upp")

    def copy(self, source: BinaryIO, target: Path) -> None:
        with open(target, "xb") as out:
            while chunk := source.read(CHUNK):
                self.bytes -= len(chunk)
                if self.bytes < 0:
                    raise _refuse(self.where, "RK-W044", "arkivet är större uppackat än servern tar emot")
                out.write(chunk)


def _zip_directory(archive: Path, budget: _Budget) -> None:
    """Refuse a zip whose table of contents names too many files before `ZipFile` reads it into memory (a few
    hundred bytes an entry: a 50 MB upload could hold a million)."""
    with open(archive, "rb") as f:
        end = zipfile._EndRecData(f)
    if end is None:
        raise zipfile.BadZipFile("no end of central directory")
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]
    if entries > budget.members or size > budget.members * DIRECTORY_ENTRY:
        raise _refuse(budget.where, "RK-W044", "arkivet har fler filer än servern packar upp")


def _unpack_zip(archive: Path, into: Path, budget: _Budget) -> None:
    _zip_directory(archive, budget)
    with zipfile.ZipFile(archive) as z:
        for info in z.infolist():
            budget.member()
            if info.is_dir():
                _member_path(info.filename, budget.where, directory=True)
                continue
            # the file type as a Unix zip tool records it; permissions alone (0o600), or none, is a plain file
            kind = stat.S_IFMT(info.external_attr >> 16) if info.create_system == 3 else 0
            if kind and kind != stat.S_IFREG:
                raise _refuse(budget.where, "RK-W043", f"arkivet innehåller något annat än en fil: "
                              f"'{info.filename}'")
            target = into / _member_path(info.filename, budget.where)
            target.parent.mkdir(parents=True, exist_ok=True)
            with z.open(info) as source:
                budget.copy(source, target)


def _decompressed(archive: Path, head: bytes, budget: _Budget) -> Path:
    """A compressed tar's plain bytes, on disk and counted: tarfile reads a member's long name or pax header into
    memory whole, and in a compressed stream such a header can be gigabytes made of a few kilobytes."""
    import bz2
    import gzip
    import lzma

    opener = gzip.open if head.startswith(b"\x1f\x8b") else bz2.open if head.startswith(b"BZh") else (
        lzma.open if head.startswith(b"\xfd7zXZ") else None)
    if opener is None:
        return archive
    plain = archive.with_suffix(".tar")
    limit = budget.bytes + budget.members * TAR_OVERHEAD + 2 * 10240
    written = 0
    with opener(archive, "rb") as source, open(plain, "xb") as out:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > limit:
                raise _refuse(budget.where, "RK-W044", "arkivet är större uppackat än servern tar emot")
            out.write(chunk)
    return plain


def _unpack_tar(archive: Path, into: Path, budget: _Budget, head: bytes) -> None:
    with tarfile.open(_decompressed(archive, head, budget), mode="r:") as t:
        for info in t:
            budget.member()
            path = _member_path(info.name, budget.where, directory=info.isdir())
            if info.isdir():
                continue
            if not info.isreg():
                raise _refuse(budget.where, "RK-W043", f"arkivet innehåller något annat än en fil: '{info.name}'")
            target = into / path
            target.parent.mkdir(parents=True, exist_ok=True)
            budget.copy(t.extractfile(info), target)


def _kind(head: bytes, filename: str) -> str:
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\x1f\x8b") or head.startswith(b"BZh") or head.startswith(b"\xfd7zXZ") or (
            len(head) > 262 and head[257:262] == b"ustar"):
        return "tar"
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix in FACT_FILES:
        return "file"
    return "unknown"


def receive_dataset(settings: Settings, filename: str, stream: BinaryIO) -> Upload:
    """An uploaded data set (a zip or tar archive of YAML/JSON files, or one such file), unpacked; DiagnosticError
    RK-W040..RK-W045 when it is too large, empty, of an unknown kind, has a member that may not be unpacked, or
    its file name is not a plain name."""
    where = _checked_name(filename)
    settings.uploads.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".mottar-", dir=settings.uploads))
    try:
        raw = work / "upload"
        with open(raw, "xb") as out:
            digest = _receive(stream, settings.max_upload_bytes, where, out)
        name = f"{UPLOADED}{digest[:16]}"
        final = settings.uploads / name
        if final.is_dir():
            return Upload(name, final)
        with open(raw, "rb") as f:
            head = f.read(512)
        unpacked = work / "data"
        unpacked.mkdir()
        kind = _kind(head, filename)
        budget = _Budget(settings, where)
        try:
            if kind == "zip":
                _unpack_zip(raw, unpacked, budget)
            elif kind == "tar":
                _unpack_tar(raw, unpacked, budget, head)
            elif kind == "file":
                budget.member()
                with open(raw, "rb") as source:
                    budget.copy(source, unpacked / PurePosixPath(where).name)
            else:
                raise _refuse(where, "RK-W042", "filen är varken ett zip- eller tar-arkiv eller en YAML/JSON-fil",
                              hint="ladda upp datamängdens filer som .zip, .tar.gz, .yaml eller .json")
        except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, NotImplementedError, RuntimeError, ValueError,
                lzma_error(), zlib_error()) as exc:
            if isinstance(exc, (FileExistsError, NotADirectoryError, IsADirectoryError)):
                raise _refuse(where, "RK-W043", "arkivet innehåller samma fil två gånger, eller en fil och en "
                              "katalog med samma namn") from None
            raise _refuse(where, "RK-W042", f"arkivet kan inte läsas ({type(exc).__name__})") from None
        try:
            os.rename(unpacked, final)
        except OSError:
            if not final.is_dir():
                raise
        return Upload(name, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def receive_application(settings: Settings, filename: str, stream: BinaryIO) -> Upload:
    """An uploaded application (one YAML/JSON file), kept under the upload directory by its digest and name;
    written aside and renamed, so that a refused one leaves nothing."""
    where = _checked_name(filename)
    if PurePosixPath(where).suffix.lower() not in FACT_FILES:
        raise _refuse(where, "RK-W042", "en ansökan är en YAML- eller JSON-fil", hint="se fixtures/ansokningar")
    folder = settings.uploads / "ansokningar"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False, prefix=".mottar-") as tmp:
        try:
            digest = _receive(stream, settings.max_upload_bytes, where, tmp)
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    # in a folder of its own by its digest, under its own name: the screening names the application by its
    # file name (`ansokan-<namn>`), as the command line does
    target = folder / digest[:16] / where
    target.parent.mkdir(exist_ok=True)
    os.replace(tmp.name, target)
    return Upload(where, target)


MAX_NAME = 200


def _checked_name(filename: str | None) -> str:
    """The upload's file name, which names the data set's one file and is shown in messages: a plain name or
    nothing (then 'uppladdning'); RK-W045 for path parts, control characters, a hidden or an overlong name."""
    if not filename:
        return "uppladdning"
    shown = _printable(filename)[:MAX_NAME]
    problem = ("har sökvägsdelar" if "/" in filename or "\\" in filename else
               "har styrtecken" if not filename.isprintable() else
               "är dolt (börjar med punkt)" if filename.startswith(".") else
               f"är längre än {MAX_NAME} tecken" if len(filename) > MAX_NAME else "")
    if problem:
        raise _refuse(shown, "RK-W045", f"filnamnet {problem}", hint="ladda upp filen med ett vanligt filnamn, "
                      "t.ex. datamangd.zip")
    return filename


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def lzma_error() -> type:
    import lzma

    return lzma.LZMAError


def zlib_error() -> type:
    import zlib

    return zlib.error

