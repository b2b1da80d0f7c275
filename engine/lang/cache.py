"""A cache of the loaded and compiled rule book, so that a command does not parse 40 YAML files each time.

Loading and compiling the rule packs costs several tenths of a second, most of a one-facility check.
The cache is keyed by everything the result depends on: every rule file's path as shown and its bytes,
the versions of Regelkoll, Python, pydantic and durable_rules. A rule book with errors is never cached
(its errors are reported each time). The cache is the user's own (a directory only they may write,
checked before a file is read: a pickle from elsewhere could run code); `REGELKOLL_CACHE=0` turns it off
and `REGELKOLL_CACHE=DIR` moves it. A cache that cannot be read or written is passed over: it only
saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from regelkoll.diagnostics import DiagnosticError
from regelkoll.discover import discover
from regelkoll.lang.load import _LOOKS_LIKE_RULES, RULE_SUFFIXES, Rulebook, _display

_FORMAT = b"regelkoll-regelbok-1"


def cache_dir() -> Path | None:
    setting = os.environ.get("REGELKOLL_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "regelkoll"


def _versions() -> bytes:
    found = []
    for name in ("regelkoll", "pydantic", "durable_rules"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} ?")
    return "\n".join([*found, sys.version]).encode()


def _key(root: Path) -> str | None:
    """The digest of what the rule book is made from; None when it cannot be told (then nothing is cached)."""
    digest = hashlib.sha256(_FORMAT + _versions())
    try:
        if root.is_dir():
            files, skipped = discover(root, RULE_SUFFIXES, _LOOKS_LIKE_RULES, area="regelkatalogen")
            if skipped:
                return None  # reported as errors by the loader, every time
        else:
            files = [root]
        for path in files:
            data = path.read_bytes()
            digest.update(b"\0" + _display(path).encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    except OSError:
        return None
    # the compiled rulesets depend on the engine code too: the package's own files, by size and time
    code = Path(__file__).resolve().parent.parent
    for path in sorted(code.rglob("*.py")):
        info = path.stat()
        digest.update(f"{path.relative_to(code)} {info.st_size} {info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _owned_directory(directory: Path) -> bool:
    try:
        info = directory.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP
                                                                                             | stat.S_IWOTH)


def _read(path: Path) -> Rulebook | None:
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP
                                                                                          | stat.S_IWOTH):
            return None
        with open(path, "rb") as handle:
            book = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a stale or broken cache entry only costs the time it would have saved
        return None
    return book if isinstance(book, Rulebook) else None


def _write(directory: Path, path: Path, book: Rulebook) -> None:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _owned_directory(directory):
            return
        fd, temp = tempfile.mkstemp(dir=directory, prefix=".regelbok.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(book, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        return


def cached_rulebook(root: Path, load: Callable[[Path], Rulebook],
                    compile_book: Callable[[Rulebook], list]) -> Rulebook:
    """The rule book at `root`, loaded and compiled (`book.compiled`), from the cache when it is there.

    Errors in the rules are raised by `load` or `compile_book` as DiagnosticError, as without a cache.
    """
    directory = cache_dir()
    key = _key(root) if directory is not None else None
    if key is None or directory is None:
        return load(root)
    path = directory / f"{key}.pickle"
    if _owned_directory(directory):
        book = _read(path)
        if book is not None:
            return book
    book = load(root)
    try:
        compiled = compile_book(book)
    except DiagnosticError:
        return book  # the caller's compile step reports the rules the engine cannot run
    book.compiled = {c.rule.id: c for c in compiled}
    _write(directory, path, book)
    _prune(directory)
    return book


_KEPT = 8


def _prune(directory: Path) -> None:
    """Keep the most recent few entries: each edit of a rule pack makes a new one."""
    try:
        entries = sorted(directory.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[_KEPT:]:
            old.unlink()
    except OSError:
        return
