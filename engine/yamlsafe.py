"""Strict YAML loading with source positions for every key and value.

PyYAML's safe loader still reads YAML 1.1: `nej` stays a string but `no`
becomes False, and an unquoted SFS number such as `2003:20` becomes the
base-60 integer 120200. Timestamps are left to pydantic so that a bad
date is reported against its field instead of crashing the constructor.

The document is built from libyaml's event stream with an explicit stack,
never by PyYAML's recursive composer and constructor: the input comes from
the supervised, so depth, size and alias expansion are bounded while
reading, and a problem inside one record (a duplicate key, an alias, an
over-long string, a huge integer, an unknown tag) is recorded with its
path in `Positions.problems` instead of discarding the whole file. The
caller decides what the smallest unit is that the problem breaks.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from regelkoll.diagnostics import Diagnostic

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_FLOAT = "tag:yaml.org,2002:float"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
# `=` (YAML 1.1's "value" type) has no constructor: a lone `=` is text, not a crash
_DROPPED = {_BOOL, _INT, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}

# Limits on what one input file may make us hold in memory or walk.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SCALAR_CHARS = 10_000
MAX_DEPTH = 50
MAX_INT_DIGITS = 18
# Rule files may share sections through anchors; this bounds what the aliases expand to.
MAX_EXPANDED_NODES = 1_000_000

_INT_RX = re.compile(r"^[-+]?[0-9]+$")
_NULLS = {"", "~", "null", "Null", "NULL"}


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader: only true/false are booleans, only decimal digits are integers."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver(_INT, _INT_RX, list("-+0123456789"))


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Problem:
    """A structural problem inside the document, at `path` (the smallest part of the document it spoils)."""

    path: tuple
    diagnostic: Diagnostic


class Positions(dict):
    """Maps a document path to the position of its value; `path + ("__key__",)` to the key.

    `links` maps the path of an alias to the path of its anchor, so that positions inside an
    aliased part are found without recording them once per reference.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.problems: list[Problem] = []
        self.links: dict[tuple, tuple] = {}
        # the values of a key written a second (third ...) time, by the path of the first: never data,
        # but what they hold can be named instead of vanishing with the refused key
        self.shadowed: dict[tuple, list] = {}

    def __contains__(self, loc: object) -> bool:
        # `path in positions` must see a path below an alias as the reader of the file does
        if dict.__contains__(self, loc):
            return True
        return isinstance(loc, tuple) and bool(self.links) and dict.__contains__(self, self._follow(loc))

    def locate(self, loc: tuple, *, key: bool = False) -> Position:
        loc = self._follow(tuple(loc))
        if key and dict.__contains__(self, loc + ("__key__",)):
            return self[loc + ("__key__",)]
        while loc and not dict.__contains__(self, loc):
            loc = loc[:-1]
        return self.get(loc, Position(1, 1))

    def _follow(self, loc: tuple) -> tuple:
        # the alias itself has a position; only what lies below it is found at the anchor
        for _ in range(MAX_DEPTH * 2):
            for cut in range(len(loc) - 1, 0, -1):
                target = self.links.get(loc[:cut])
                if target is not None and not dict.__contains__(self, loc):
                    loc = target + loc[cut:]
                    break
            else:
                return loc
        return loc

    def problems_under(self, prefix: tuple) -> list[Problem]:
        n = len(prefix)
        return [p for p in self.problems if p.path[:n] == prefix]


class YamlError(Exception):
    """The whole file is refused. `partial` is what was read before the fault (None if nothing): never
    to be used as data, only to name the records the file held, so that they are not silently lost."""

    def __init__(self, diagnostic: Diagnostic, partial: Any = None):
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic
        self.partial = partial
        self.shadowed: dict[tuple, list] = {}  # as `Positions.shadowed`, for what was read before the fault
        self.text: str | None = None  # the file's text, as far as it could be decoded (None if never read)


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# libyaml's problem texts, in Swedish; anything not listed keeps its text after a Swedish lead
_PROBLEMS = {
    "mapping values are not allowed in this context": "kolon på fel ställe (ett värde där en nyckel inte får stå)",
    "mapping values are not allowed here": "kolon på fel ställe (ett värde där en nyckel inte får stå)",
    "could not find expected ':'": "kolon saknas efter nyckeln",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken eller en parentes?)",
    "found unknown escape character": "okänd escape-sekvens i texten",
    "did not find expected key": "förväntade en nyckel (fel indrag?)",
    "did not find expected node content": "förväntade ett värde",
    "did not find expected '-' indicator": "förväntade '-' (fel indrag i listan?)",
    "did not find expected ',' or ']'": "förväntade ',' eller ']'",
    "did not find expected ',' or '}'": "förväntade ',' eller '}'",
    "found character that cannot start any token": "tecknet får inte inleda ett värde (citera värdet)",
    "found a tab character that violates indentation": "tabb i indraget (använd mellanslag)",
    "found a tab character where an indentation space is expected": "tabb i indraget (använd mellanslag)",
    "block sequence entries are not allowed in this context": "listpost ('-') på fel ställe (fel indrag?)",
    "mapping keys are not allowed in this context": "nyckel på fel ställe",
    "found undefined tag handle": "okänt taggprefix",
    "did not find expected <document start>": "förväntade början på ett dokument ('---')",
    "did not find expected alphabetic or numeric character": "ogiltigt namn på ankare eller alias",
    "found unexpected document indicator": "'---' eller '...' mitt i en text",
    "exceeded maximum nesting depth": "för djup nästling: mer än 1000 nivåer; filen läses inte",
    "control characters are not allowed": "styrtecken är inte tillåtna",
    "special characters are not allowed": "specialtecken är inte tillåtna",
    "found duplicate %YAML directive": "%YAML anges två gånger",
    "found incompatible YAML document": "YAML-versionen stöds inte",
    "found duplicate %TAG directive": "%TAG anges två gånger",
    "found unknown directive name": "okänt direktiv",
    "could not find expected directive name": "direktivets namn saknas",
    "did not find URI escaped octet": "ogiltig %-kodning i en tagg",
    "did not find expected '!'": "förväntade '!' i taggen",
    "did not find expected <stream-start>": "förväntade början på filen",
    "did not find expected comment or line break": "förväntade en kommentar eller ett radslut",
    "did not find expected digit or '.' character": "förväntade en siffra eller '.'",
    "did not find expected hexdecimal number": "förväntade ett hexadecimalt tal",
    "did not find expected tag URI": "förväntade en tagg",
    "did not find expected version number": "förväntade ett versionsnummer",
    "did not find expected whitespace": "förväntade ett mellanslag",
    "did not find expected whitespace or line break": "förväntade ett mellanslag eller ett radslut",
    "did not find the expected '>'": "förväntade '>'",
    "found an indentation indicator equal to 0": "indragsangivelsen får inte vara 0",
    "found extremely long version number": "för långt versionsnummer",
    "found invalid Unicode character escape code": "ogiltig Unicode-escape i texten",
    "found unexpected ':'": "oväntat kolon (citera värdet)",
    "found unexpected non-alphabetical character": "oväntat tecken (bara bokstäver får stå här)",
    "incompatible %YAML directive": "YAML-versionen stöds inte",
    "found an incorrect leading UTF-8 octet": "ogiltig UTF-8",
    "found an incorrect trailing UTF-8 octet": "ogiltig UTF-8",
    "invalid leading UTF-8 octet": "ogiltig UTF-8",
    "invalid trailing UTF-8 octet": "ogiltig UTF-8",
    "invalid length of a UTF-8 sequence": "ogiltig UTF-8",
    "incomplete UTF-8 octet sequence": "ofullständigt UTF-8-tecken",
    "incomplete UTF-16 character": "ofullständigt UTF-16-tecken",
    "incomplete UTF-16 surrogate pair": "ofullständigt UTF-16-tecken",
    "unexpected low surrogate area": "ogiltigt Unicode-tecken",
    "invalid Unicode character": "ogiltigt Unicode-tecken",
    "input is too long": "filen är för lång",
}


def _swedish_problem(problem: str) -> str:
    text = " ".join(str(problem).split())
    if text in _PROBLEMS:
        return _PROBLEMS[text]
    # every problem text libyaml has is listed above; one it gains later is not shown in English
    return "syntaxfel"


def _offset_position(text: str, offset: int) -> Position:
    """Line and column of a character offset; libyaml's reader counts UTF-8 bytes for str input."""
    encoded = text.encode("utf-8", "surrogatepass")
    head = encoded[:offset].decode("utf-8", "ignore")
    line = head.count("\n") + 1
    return Position(line, len(head) - (head.rfind("\n") + 1) + 1)


def _syntax_error(exc: yaml.YAMLError, text: str, filename: str) -> YamlError:
    if isinstance(exc, yaml.reader.ReaderError):
        where = _offset_position(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        return YamlError(Diagnostic(filename, where.line, where.column, "RK-Y001",
                                    f"ogiltig YAML: tecknet U+{char:04X} är inte tillåtet "
                                    f"({_swedish_problem(exc.reason)})"))
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        code = "RK-Y015" if "nesting depth" in str(exc.problem) else "RK-Y001"
        message = _swedish_problem(exc.problem or exc.context or "")
        return YamlError(Diagnostic(filename, line, column, code,
                                    message if code == "RK-Y015" else f"ogiltig YAML: {message}"))
    return YamlError(Diagnostic(filename, 0, 0, "RK-Y001", f"ogiltig YAML: {_swedish_problem(str(exc))}"))


@dataclass
class _Frame:
    path: tuple
    value: Any  # dict or list
    tag_problem: Diagnostic | None = None
    anchor: str | None = None
    size: int = 1  # nodes below and including this one, aliases expanded
    key: Any = None
    key_raw: Any = None  # the key as written; a private object for a key that is not text
    have_key: bool = False
    key_ok: bool = True
    twice: bool = False  # the key was written before: its value is kept aside in `Positions.shadowed`
    seen: dict = field(default_factory=dict)


class _Builder:
    def __init__(self, loader: Any, filename: str, anchors: bool):
        self.loader = loader
        self.filename = filename
        self.anchors_allowed = anchors
        self.positions = Positions()
        self.anchors: dict[str, tuple[Any, int, tuple]] = {}
        self.expanded = 0  # nodes that aliases add to the document, beyond those written out
        self.stack: list[_Frame] = []

    def partial(self) -> Any:
        """The document as far as it was read: each open list or mapping put into its parent."""
        stack = self.stack
        for child, parent in zip(reversed(stack[1:]), reversed(stack[:-1])):
            if isinstance(parent.value, list):
                parent.value.append(child.value)
            elif parent.have_key and parent.key_ok:
                parent.value[parent.key] = child.value
            elif parent.have_key and parent.twice:
                self.positions.shadowed.setdefault(parent.path + (parent.key_raw,), []).append(child.value)
        return stack[0].value if stack else None

    def diag(self, mark: Any, code: str, message: str) -> Diagnostic:
        pos = _pos(mark)
        return Diagnostic(self.filename, pos.line, pos.column, code, message)

    def problem(self, path: tuple, mark: Any, code: str, message: str) -> None:
        self.positions.problems.append(Problem(path, self.diag(mark, code, message)))

    def fail(self, mark: Any, code: str, message: str) -> YamlError:
        return YamlError(self.diag(mark, code, message))

    def build(self) -> Any:
        get = self.loader.get_event
        get()  # StreamStartEvent
        if self.loader.check_event(yaml.StreamEndEvent):
            raise YamlError(Diagnostic(self.filename, 1, 1, "RK-Y002", "filen är tom"))
        get()  # DocumentStartEvent
        root = self.document()
        get()  # DocumentEndEvent
        if not self.loader.check_event(yaml.StreamEndEvent):
            event = self.loader.peek_event()
            error = self.fail(event.start_mark, "RK-Y001", "ogiltig YAML: filen innehåller mer än ett dokument ('---')")
            error.partial = root  # the first document was read whole: its facilities can be named
            raise error
        return root

    def child_path(self, stack: list[_Frame]) -> tuple | None:
        """Where the next node goes; None while the top mapping is waiting for a key."""
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.value, list):
            return top.path + (len(top.value),)
        if not top.have_key:
            return None
        if not top.key_ok:
            return top.path + (f"__ogiltig_{id(top)}_{len(top.seen)}",)
        return top.path + (top.key,)

    def document(self) -> Any:
        stack: list[_Frame] = self.stack
        result: list[Any] = []
        while not result:
            event = self.loader.get_event()
            path = self.child_path(stack)
            if path is None and not isinstance(event, yaml.MappingEndEvent):
                self.key(stack[-1], event)
            elif isinstance(event, yaml.AliasEvent):
                self.attach(stack, result, *self.alias(event, path))
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None and not self.anchors_allowed:
                    self.refuse_anchor(path, event)
                self.positions[path] = _pos(event.start_mark)
                value = self.scalar(event, path)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, path)
                self.attach(stack, result, value, 1)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                self.positions[path] = _pos(event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    # only the part that holds it is spoilt; libyaml itself stops a file at 1000 levels
                    self.problem(path, event.start_mark, "RK-Y015", f"för djup nästling: mer än {MAX_DEPTH} nivåer")
                    self.skip(event)
                    self.attach(stack, result, None, 1)
                    continue
                if event.anchor is not None and not self.anchors_allowed:
                    self.refuse_anchor(path, event)
                sequence = isinstance(event, yaml.SequenceStartEvent)
                tag_problem = None
                if event.tag not in (None, "!", _SEQ if sequence else _MAP):
                    tag_problem = self.diag(event.start_mark, "RK-Y007", _tag_message(event.tag))
                stack.append(_Frame(path, [] if sequence else {}, tag_problem, event.anchor))
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                self.finish(stack.pop(), stack, result)
            else:  # pragma: no cover - libyaml emits nothing else inside a document
                raise self.fail(event.start_mark, "RK-Y001", "ogiltig YAML: oväntad händelse")
        return result[0]

    def finish(self, done: _Frame, stack: list[_Frame], result: list) -> None:
        value = done.value
        if done.tag_problem is not None:
            self.positions.problems.append(Problem(done.path, done.tag_problem))
            value = None
        if done.anchor is not None and self.anchors_allowed:
            self.anchors[done.anchor] = (value, done.size, done.path)
        self.attach(stack, result, value, done.size)

    def attach(self, stack: list[_Frame], result: list, value: Any, size: int) -> None:
        if not stack:
            result.append(value)
            return
        top = stack[-1]
        top.size += size
        if isinstance(top.value, list):
            top.value.append(value)
            return
        if top.key_ok:
            top.value[top.key] = value
        elif top.twice:
            self.positions.shadowed.setdefault(top.path + (top.key_raw,), []).append(value)
        top.have_key = False

    def key(self, top: _Frame, event: Any) -> None:
        """Read one mapping key; a key that is not plain text spoils the mapping it sits in."""
        path = top.path
        top.have_key, top.key_ok, top.key_raw, top.twice = True, True, None, False
        if not isinstance(event, yaml.ScalarEvent):
            top.key_ok = False
            top.key_raw = object()
            where = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                self.problem(path, where, "RK-Y010", f"alias (*{event.anchor}) som nyckel stöds inte")
            else:
                self.problem(path, where, "RK-Y017", "nyckeln måste vara en enkel text, inte en lista eller mappning")
                self.skip(event)
            return
        raw = event.value
        top.key_raw = raw
        position = _pos(event.start_mark)
        if event.anchor is not None and not self.anchors_allowed:
            self.refuse_anchor(path, event)
        if len(raw) > MAX_SCALAR_CHARS:
            top.key_ok = False
            self.problem(path, event.start_mark, "RK-Y014", f"nyckeln är längre än {MAX_SCALAR_CHARS} tecken")
            return
        tag = event.tag if event.tag not in (None, "!") else self.loader.resolve(yaml.ScalarNode, raw, event.implicit)
        if tag == _MERGE:
            top.key_ok = False
            self.problem(path, event.start_mark, "RK-Y004", "sammanslagningsnyckeln '<<' stöds inte; skriv ut värdena")
            return
        if raw in top.seen:
            first = top.seen[raw]
            top.key_ok, top.twice = False, True
            self.problem(path + (raw,), event.start_mark, "RK-Y003",
                         f"nyckeln {raw!r} förekommer två gånger (första gången på rad {first.line})")
            return
        value = self.scalar(event, path + (raw,))
        if value is None and tag != _NULL:
            top.key_ok = False
            return
        top.key = value
        top.seen[raw] = position
        self.positions[path + (value, "__key__")] = position

    def skip(self, event: Any) -> None:
        """Read past a refused list or mapping (a key, or one nested too deep): what it holds is never used."""
        depth = 1
        while depth:
            event = self.loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1

    def refuse_anchor(self, path: tuple, event: Any) -> None:
        self.problem(path, event.start_mark, "RK-Y011",
                     f"ankare (&{event.anchor}) stöds bara i regelfiler, inte i den här filen; skriv ut värdet")

    def alias(self, event: Any, path: tuple) -> tuple[Any, int]:
        self.positions[path] = _pos(event.start_mark)
        if not self.anchors_allowed:
            self.problem(path, event.start_mark, "RK-Y010",
                         f"alias (*{event.anchor}) stöds bara i regelfiler, inte i den här filen; skriv ut värdet")
            return None, 1
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            self.problem(path, event.start_mark, "RK-Y019",
                         f"aliaset *{event.anchor} hänvisar till ett ankare som inte finns (eller till sig självt)")
            return None, 1
        value, size, target = anchored
        self.positions.links[path] = target
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES:
            raise self.fail(event.start_mark, "RK-Y012",
                            f"alias expanderar till fler än {MAX_EXPANDED_NODES} noder; filen läses inte")
        return value, size

    def scalar(self, event: Any, path: tuple) -> Any:
        value = event.value
        if len(value) > MAX_SCALAR_CHARS:
            self.problem(path, event.start_mark, "RK-Y014",
                         f"värdet är {len(value)} tecken långt; högst {MAX_SCALAR_CHARS} tillåts")
            return None
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
        if tag == _STR:
            return value
        if tag == _INT and _INT_RX.match(value):
            if len(value.lstrip("+-")) > MAX_INT_DIGITS:
                self.problem(path, event.start_mark, "RK-Y016",
                             f"heltalet har {len(value.lstrip('+-'))} siffror; högst {MAX_INT_DIGITS} tillåts "
                             "(citera värdet om det är en kod)")
                return None
            return int(value)
        if tag == _BOOL and value in ("true", "false"):
            return value == "true"
        if tag == _NULL and value in _NULLS:
            return None
        if tag == _FLOAT:
            try:
                return self.loader.construct_yaml_float(yaml.ScalarNode(tag, value))
            except (ValueError, yaml.YAMLError):
                pass
        if tag in (_INT, _BOOL, _NULL, _FLOAT):
            self.problem(path, event.start_mark, "RK-Y007", f"värdet {value!r} passar inte taggen {tag.rsplit(':', 1)[-1]}")
            return None
        self.problem(path, event.start_mark, "RK-Y007", _tag_message(tag))
        return None


def _tag_message(tag: str | None) -> str:
    shown = str(tag).replace("tag:yaml.org,2002:", "!!")
    return f"taggen {shown[:80]!r} stöds inte; skriv värdet utan tagg"


def load_text(text: str, filename: str, *, anchors: bool = False) -> tuple[Any, Positions]:
    """Load one YAML document; raise YamlError with file:line:col on what spoils the whole file.

    Problems that sit inside the document are in `positions.problems`, at their path, with the
    value replaced by None. `anchors` allows anchors and aliases (rule files), bounded in what
    they expand to; fact bundles refuse them.
    """
    loader = StrictLoader(text)
    builder = _Builder(loader, filename, anchors)
    try:
        data = builder.build()
    except yaml.YAMLError as exc:
        error = _syntax_error(exc, text, filename)
        error.partial = builder.partial()
        error.shadowed = builder.positions.shadowed
        mark = getattr(exc, "problem_mark", None)
        at = mark.index if mark is not None else getattr(exc, "position", None)  # a ReaderError has no mark
        if not error.partial and isinstance(at, int) and 0 < at < len(text):
            # libyaml refuses some characters before it reports a single event: read what precedes them
            head = text.encode("utf-8", "surrogatepass")[:at].decode("utf-8", "ignore")  # `at` counts bytes
            error.partial = _read_before(head, filename, anchors)
        raise error from None
    except YamlError as exc:
        if exc.partial is None:
            exc.partial = builder.partial()
        exc.shadowed = exc.shadowed or builder.positions.shadowed
        raise
    finally:
        loader.dispose()
    return data, builder.positions


def _not_a_file(mode: int) -> str:
    what = ("en katalog" if stat.S_ISDIR(mode) else "en FIFO" if stat.S_ISFIFO(mode) else "ett uttag (socket)"
            if stat.S_ISSOCK(mode) else "en enhet")
    return f"är {what}, ingen vanlig fil; läses inte"


def read_limited(path: Path, name: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, refusing anything else before opening it and anything too big."""
    max_bytes = max_bytes or MAX_FILE_BYTES
    try:
        info = os.stat(path)
    except OSError as exc:
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y006", f"kan inte läsa filen: {oserror_sv(exc)}")) from None
    if not stat.S_ISREG(info.st_mode):
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y018", _not_a_file(info.st_mode)))
    if info.st_size > max_bytes:
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y013", f"filen är {info.st_size} byte; högst {max_bytes} "
                                   "byte läses"))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the stat, opening must not hang
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y006", f"kan inte läsa filen: {oserror_sv(exc)}")) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise YamlError(Diagnostic(name, 0, 0, "RK-Y018", _not_a_file(mode)))
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y006", f"kan inte läsa filen: {oserror_sv(exc)}")) from None
    finally:
        os.close(fd)
    if total > max_bytes:  # the file grew after the stat
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y013", f"filen är större än {max_bytes} byte; läses inte"))
    return b"".join(chunks)


def oserror_sv(exc: OSError) -> str:
    """The operating system's reason, in Swedish where we know it."""
    return {
        "Permission denied": "åtkomst nekad",
        "No such file or directory": "filen finns inte",
        "Is a directory": "är en katalog",
        "Too many levels of symbolic links": "för många nivåer av symboliska länkar (en länk som pekar på sig själv?)",
    }.get(exc.strerror or "", exc.strerror or str(exc))


def load_file(path: Path, display: str | None = None, *, anchors: bool = False) -> tuple[Any, Positions]:
    name = display or str(path)
    raw = read_limited(path, name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[:exc.start].decode("utf-8", "ignore")
        line, column = head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1
        error = YamlError(Diagnostic(name, line, column, "RK-Y005",
                                     f"filen är inte UTF-8: ogiltig byte 0x{raw[exc.start]:02X}"))
        error.partial = _read_before(head, name, anchors)
        error.text = raw.decode("utf-8", "replace")
        raise error from None
    try:
        return load_text(text, name, anchors=anchors)
    except YamlError as exc:
        exc.text = text
        raise


def _read_before(head: str, name: str, anchors: bool) -> Any:
    """What the text before a bad byte holds, as far as it can be read, so that its records can be named."""
    try:
        return load_text(head, name, anchors=anchors)[0]
    except YamlError as exc:
        return exc.partial
