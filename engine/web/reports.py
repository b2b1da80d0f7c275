"""Reports already made, served again: a check's output is deterministic (same inputs, same bytes), so the second
person to open a county's overview need not wait for the engine. Bounded in bytes, so memory stays flat.

A report is kept only once it is complete and every unit was judged: a client that went away mid-stream, or a
worker that crashed under a unit, leaves nothing behind to be served as if it were whole.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

MB = 1024 * 1024
BUDGET = 64 * MB  # all kept reports together
LARGEST = 16 * MB  # a larger report (a national run) is streamed every time, never held
ROW_BYTES = 2048  # what a row of a `rows` report takes in memory, roughly, for the budget


class Replay:
    """A finished report: the same bytes again, and the finished stream's counts, errors and document."""

    def __init__(self, chunks: list[bytes], stream: Any) -> None:
        self._bytes = b"".join(chunks)  # one piece: the bytes of a report are written in one go
        self._stream = stream

    def __iter__(self):
        return iter((self._bytes,))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Recording:
    """A report as it is made for its first reader, kept when it ends complete."""

    def __init__(self, cache: ReportCache, key: tuple, stream: Any, fmt: str) -> None:
        self._cache, self._key, self._stream, self._fmt = cache, key, stream, fmt

    def __iter__(self):
        chunks: list[bytes] | None = []
        size = 0
        for chunk in self._stream:
            if chunks is not None:
                size += len(chunk)
                chunks = chunks if size <= LARGEST else None
                if chunks is not None:
                    chunks.append(chunk)
            yield chunk
        if chunks is not None and not self._stream.failed:
            self._cache.put(self._key, Replay(chunks, self._stream), size)

    def document(self) -> dict[str, Any]:
        doc = self._stream.document()
        if not self._stream.failed:
            # a finished `rows` stream makes its document again from the rows it kept
            self._cache.put(self._key, self._stream, max(1, len(self._stream.rows)) * ROW_BYTES)
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class ReportCache:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self._kept: OrderedDict[tuple, tuple[Any, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: tuple) -> Any:
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                return None
            self._kept.move_to_end(key)
            self.hits += 1
            return found[0]

    def recording(self, key: tuple, stream: Any, fmt: str) -> _Recording:
        return _Recording(self, key, stream, fmt)

    def put(self, key: tuple, report: Any, size: int) -> None:
        if size > min(LARGEST, self.budget) or self.budget <= 0:
            return
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = (report, size)
            self._size += size
            while self._size > self.budget:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0
