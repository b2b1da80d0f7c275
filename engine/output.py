"""Safe output: a report is written whole or not at all, and data cannot steer the terminal.

Every command that writes a file goes through `check_target` (before any work, so
a bad `--output` costs nothing) and `write_file`. A regular file is written to a
temporary file in the same directory, synced and renamed over the target, so a
full disk or an interrupt leaves the old report as it was. Streams (stdout, a
FIFO, /dev/…) cannot be replaced atomically; `write_stream` at least never stops
at a short write and turns a failed one into a coded error.

`printable` is the one place where text taken from the data is made safe to show
on a terminal: control characters are shown as escapes, so a name cannot clear
the screen, set the window title or start a line that looks like a heading.
"""

from __future__ import annotations

import errno
import os
import re
import select
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

# temporary files being written, for discard_partial_outputs
_PARTIAL: set[str] = set()
_INTERRUPTS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}

_ERRNO_SV = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EFBIG: "filen blir för stor för filsystemet",
    errno.EIO: "in- eller utmatningsfel",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EACCES: "åtkomst nekad",
    errno.EPERM: "åtkomst nekad",
    errno.ENOENT: "katalogen finns inte längre",
    errno.EPIPE: "mottagaren har stängt",
}


class OutputError(Exception):
    """The report cannot be (or was not) written where the user asked; one coded line."""

    def __init__(self, where: str, code: str, message: str) -> None:
        super().__init__(f"{where}: {code}: {message}")
        self.where, self.code, self.message = where, code, message

    def render(self) -> str:
        return printable(f"{self.where}: {self.code}: {self.message}")


def describe(exc: OSError) -> str:
    """An OS error in Swedish; strerror is English and the README promises Swedish."""
    if exc.errno in _ERRNO_SV:
        return _ERRNO_SV[exc.errno]
    return f"systemfel {errno.errorcode.get(exc.errno, exc.errno)}"


# C0 and C1 controls, DEL, line/paragraph separators and the bidi overrides and isolates (which
# reorder what follows on the line: a name could make a finding appear to say the opposite)
BEYOND_C0 = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"  # a character class body; JSON escapes only C0
_UNSAFE = re.compile(f"[\x00-\x1f{BEYOND_C0}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character shown as an escape (ESC as \\x1b, a newline as \\n)."""
    return _UNSAFE.sub(_escape, text)


def _writable(path: Path) -> bool:
    # root may write anything; a file or directory with no write bit at all was still protected on purpose
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _resolve(path: Path) -> Path:
    # write through a symbolic link to the file it names, as the user meant, rather than replace the link
    return Path(os.path.realpath(path))


def check_target(path: Path) -> None:
    """Raise OutputError now if a report could not be written to `path` later."""
    where = str(path)
    real = _resolve(path)
    if real.exists():
        mode = real.stat().st_mode
        if stat.S_ISDIR(mode):
            raise OutputError(where, "RK-O001", "är en katalog; ange en fil att skriva rapporten till")
        if stat.S_ISREG(mode):
            if not _writable(real):
                raise OutputError(where, "RK-O003", "filen är skrivskyddad; den skrivs inte över")
        elif not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise OutputError(where, "RK-O001", "är varken en vanlig fil, en enhet eller en namngiven rörledning")
        elif not os.access(real, os.W_OK):
            raise OutputError(where, "RK-O003", "åtkomst nekad")
        if not stat.S_ISREG(mode):
            return
    parent = real.parent
    if not parent.is_dir():
        raise OutputError(where, "RK-O002", f"katalogen {parent} finns inte")
    if not _writable(parent):
        raise OutputError(where, "RK-O003", f"katalogen {parent} är skrivskyddad; rapporten kan inte skapas där")


def write_stream(fd: int, data: bytes, where: str) -> None:
    """Write all of `data` to `fd`, however many calls it takes.

    os.write may write less than asked: a pipe, a signal, and Linux's cap of
    just under 2 GiB per call. BrokenPipeError is let through: a reader that
    went away (`| head`) is not an error to report (the CLI ends quietly).
    """
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [])  # a non-blocking stdout (set by a parent): wait until it drains
            continue
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(where, "RK-O005", f"rapporten kunde inte skrivas: {describe(exc)}") from None
        if written <= 0:
            raise OutputError(where, "RK-O005", "rapporten kunde inte skrivas: inget skrevs")
        view = view[written:]


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_BUFFER = 1 << 20


def buffered(chunks: bytes | Iterable[bytes]) -> Iterator[bytes]:
    """The chunks of a streamed report gathered into writes of about a megabyte (one row is a few hundred
    bytes: a system call for each would cost more than making it)."""
    if isinstance(chunks, bytes):
        yield chunks
        return
    pending: list[bytes] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= _BUFFER:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def write_chunks(fd: int, chunks: bytes | Iterable[bytes], where: str) -> None:
    for data in buffered(chunks):
        write_stream(fd, data, where)


def write_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace the file at `path` with `data` (bytes, or chunks of a report made as it is written) atomically;
    on any failure, an interrupt included, the old file stays as it was."""
    where = str(path)
    check_target(path)
    real = _resolve(path)
    if real.exists() and not stat.S_ISREG(real.stat().st_mode):
        _write_device(real, data, where)
        return
    mode = stat.S_IMODE(real.stat().st_mode) if real.exists() else _new_file_mode()
    anonymous = _anonymous_file(real.parent)
    if anonymous is not None:
        _write_anonymous(anonymous, real, data, mode, where)
    else:
        _write_named(real, data, mode, where)
    _sync_directory(real.parent)


def _anonymous_file(directory: Path) -> int | None:
    """A file in `directory` without a name (Linux O_TMPFILE): a report streamed for minutes leaves nothing
    behind when the run is killed outright (SIGKILL, the OOM killer), which no handler can clean up."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, flag | os.O_WRONLY, 0o600)
    except OSError:
        return None  # a file system without it: a named temporary file, removed by the handlers


def _write_anonymous(fd: int, real: Path, data: bytes | Iterable[bytes], mode: int, where: str) -> None:
    try:
        try:
            os.fchmod(fd, mode)
            write_chunks(fd, data, where)
            os.fsync(fd)
            # a name for the finished file, then renamed over the target: the old report stays until then
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)
            try:
                name = f".{real.name}.{os.getpid()}.{id(data):x}.tmp"
                temp = str(real.parent / name)
                _link_anonymous(fd, real.parent, name)
                _PARTIAL.add(temp)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        finally:
            os.close(fd)
    except OutputError as exc:
        raise OutputError(where, "RK-O004", exc.message) from None
    except OSError as exc:
        raise OutputError(where, "RK-O004", f"rapporten kunde inte skrivas: {describe(exc)}") from None
    try:
        os.replace(temp, real)
    except OSError as exc:
        _unlink(temp)
        raise OutputError(where, "RK-O004", f"rapporten kunde inte skrivas: {describe(exc)}") from None
    finally:
        _PARTIAL.discard(temp)


def _link_anonymous(fd: int, directory: Path, name: str) -> None:
    # linkat with AT_SYMLINK_FOLLOW resolves /proc/self/fd/N to the file itself; os.link uses it only when a
    # directory descriptor is given (plain link() would try to link the /proc entry: EXDEV)
    dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=dir_fd, follow_symlinks=True)
    finally:
        os.close(dir_fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _write_named(real: Path, data: bytes | Iterable[bytes], mode: int, where: str) -> None:
    # an interrupt between creating the temporary file and listing it would leave it behind
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)
    try:
        fd, temp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        _PARTIAL.add(temp)
    except OSError as exc:
        raise OutputError(where, "RK-O004", f"rapporten kunde inte skrivas: {describe(exc)}") from None
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    try:
        try:
            os.fchmod(fd, mode)
            write_chunks(fd, data, where)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, real)
    except BaseException as exc:
        # an interrupt as much as a full disk: the half-written temporary file must not stay behind
        _unlink(temp)
        if isinstance(exc, OutputError):
            raise OutputError(where, "RK-O004", exc.message) from None
        if isinstance(exc, OSError):
            raise OutputError(where, "RK-O004", f"rapporten kunde inte skrivas: {describe(exc)}") from None
        raise
    finally:
        _PARTIAL.discard(temp)


def discard_partial_outputs() -> None:
    """Remove every temporary file still being written; for an interrupt handler about to os._exit.

    The target itself is untouched: it is either the old report or, if the rename came first, the new one whole.
    """
    for temp in list(_PARTIAL):
        try:
            os.unlink(temp)
        except OSError:
            pass


def _write_device(real: Path, data: bytes | Iterable[bytes], where: str) -> None:
    try:
        fd = os.open(real, os.O_WRONLY)
    except OSError as exc:
        raise OutputError(where, "RK-O004", f"rapporten kunde inte skrivas: {describe(exc)}") from None
    try:
        write_chunks(fd, data, where)
    except OutputError as exc:
        raise OutputError(where, "RK-O004", exc.message) from None
    except BrokenPipeError:
        raise OutputError(where, "RK-O004", f"rapporten kunde inte skrivas: {_ERRNO_SV[errno.EPIPE]}") from None
    finally:
        os.close(fd)


def _sync_directory(directory: Path) -> None:
    # the rename is durable only once the directory entry is on disk; some file systems refuse, which is harmless
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
