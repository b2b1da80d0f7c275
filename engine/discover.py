"""Find the files to read under a data set or rule directory, and say why every other path is not read.

Kept apart from the YAML reader: which files there are is a question of the file system (links, loops,
devices, permissions), asked by every adapter, whatever format its files are in.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from regelkoll.yamlsafe import oserror_sv


@dataclass(frozen=True)
class Skipped:
    """A path under a bundle or rule directory that is not read, and why (the caller gives it a code)."""

    path: Path
    why: str  # unreadable, loop, dangling, outside, special, suffix, inside_link
    message: str


_SPECIAL = "är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte"


def discover(root: Path, suffixes: tuple[str, ...], looks_like: re.Pattern, *,
             area: str = "datamängden") -> tuple[list[Path], list[Skipped]]:
    """The files under `root` to read, sorted, and every path that is not read.

    Symbolic links are never followed out of `root`, nor into a directory (what a link inside the
    root points at is read at its own place, so nothing is read twice and no link can loop). Only
    regular files are returned: a FIFO, socket or device is never opened. `looks_like` names files
    that are worth a word when their suffix keeps them from being read (`org.yaml.bak`, `x.YML~`).
    """
    real_root = os.path.realpath(root)
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen_dirs:  # a bind mount or similar loop
                skipped.append(Skipped(folder, "loop", "katalogen har redan lästs (en slinga); läses inte igen"))
                continue
            seen_dirs.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(folder, "unreadable", f"katalogen kan inte läsas ({oserror_sv(exc)}); "
                                   "filerna i den kontrolleras inte"))
            continue
        subdirs = []
        for entry in entries:
            path = Path(entry.path)
            wanted = entry.name.lower().endswith(suffixes)
            relevant = wanted or bool(looks_like.search(entry.name))
            try:
                link = entry.is_symlink()
                if not link:
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append(path)
                    elif not entry.is_file(follow_symlinks=False):
                        skipped.append(Skipped(path, "special", _SPECIAL))
                    elif wanted:
                        files.append(path)
                    elif relevant:
                        skipped.append(Skipped(path, "suffix", "läses inte: filändelsen är inte "
                                               + ", ".join(suffixes[:-1]) + f" eller {suffixes[-1]}"))
                    continue
            except OSError as exc:
                skipped.append(Skipped(path, "unreadable", f"kan inte läsas ({oserror_sv(exc)})"))
                continue
            note = _link(path, real_root, relevant, area)
            if isinstance(note, Skipped):
                skipped.append(note)
            elif note is not None:
                files.append(path)
        pending.extend(reversed(subdirs))
    # a link to a file inside the root that is read anyway (or twice linked) is read once
    read: dict[str, Path] = {}
    for path in sorted(files, key=lambda p: (os.path.realpath(p), os.path.islink(p), str(p))):
        real = os.path.realpath(path)
        if real in read:
            skipped.append(Skipped(path, "inside_link", f"samma fil som {read[real]}; läses en gång"))
        else:
            read[real] = path
    return sorted(read.values()), sorted(skipped, key=lambda s: str(s.path))


def _link(path: Path, real_root: str, relevant: bool, area: str) -> Skipped | Path | None:
    """A symbolic link: the file to read, a reason it is not read, or None when it is no concern of ours."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if not relevant and path.suffix:  # `notes.txt -> nowhere` is not data
            return None
        if exc.errno == errno.ELOOP:
            return Skipped(path, "loop", "symbolisk länk i en slinga (pekar till slut på sig själv); läses inte")
        return Skipped(path, "dangling", "symbolisk länk till något som inte finns; läses inte")
    target = os.path.realpath(path)
    inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
    if stat.S_ISDIR(info.st_mode):
        if not inside:
            return Skipped(path, "outside", f"symbolisk länk till katalogen {target} utanför {area}; läses inte")
        return Skipped(path, "inside_link", f"symbolisk länk till en katalog inom {area}; följs inte "
                                            "(katalogen läses på sin egen plats)")
    if not relevant:
        return None
    if not inside:
        return Skipped(path, "outside", f"symbolisk länk till {target} utanför {area}; läses inte")
    if not stat.S_ISREG(info.st_mode):
        return Skipped(path, "special", _SPECIAL)
    return path
