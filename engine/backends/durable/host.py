"""durable_rules behind one small, synchronous interface.

One Host per process, without its background timer threads (field guide
§1.15); one live session at a time, always deleted (§1.3: at most 1024 live
sessions, 32-bit session hashes); each compiled ruleset registered once under
its content-hashed name (§1.14).
"""

from __future__ import annotations

import copy
import json
import threading
from dataclasses import dataclass
from typing import Any

import durable_rules_engine
from durable import engine as dr

from regelkoll.diagnostics import EvaluationError

# C error codes seen in practice (field guide §2) and what they mean for us.
ERROR_CODES = {
    302: "för många egenskaper i ett faktum",
    304: "för många mönster i en regel",
    309: "sessionen finns inte",
    311: "en jämförelse mot ett fält som saknas",
    312: "räkning på ett värde som inte är ett tal",
    303: "för många samtidiga alfa-träffar",
}


@dataclass(frozen=True)
class Match:
    role: str  # galler | brott | undantag
    frame: tuple[tuple[str, str], ...]  # (alias, fact ref), sorted
    version: int = 0  # index of the rule version whose durable rule matched


class _QuietHost(dr.Host):
    def __init__(self, collector: "DurableRunner"):
        self._collector = collector
        super().__init__()

    def _run(self) -> None:  # no dispatcher or timer threads: every action runs inside assert_facts
        pass

    def get_action(self, action_name: str):
        _, role, version = action_name.split("|")
        return lambda c: self._collector._record(role, int(version), getattr(c, "_m", None))


class DurableRunner:
    """Evaluates a compiled ruleset on one batch of facts and returns its matches."""

    def __init__(self) -> None:
        self._host = _QuietHost(self)
        self._registered: set[str] = set()
        self._roles: dict[str, dict[str, tuple[str, int]]] = {}  # ruleset -> durable rule -> (role, version)
        self._lock = threading.Lock()
        self._current: list[Match] | None = None
        self._errors: list[str] = []

    def _record(self, role: str, version: int, facts: dict[str, Any]) -> None:
        if role == "opened" or self._current is None:
            return
        try:
            frame = tuple(sorted((alias, str(fact["ref"])) for alias, fact in facts.items()))
            self._current.append(Match(role, frame, version))
        except Exception as exc:  # durable swallows action errors; keep them
            self._errors.append(repr(exc))

    def register(self, name: str, ruleset: dict[str, Any]) -> None:
        if name not in self._registered:
            # set_rulesets deletes each rule's "run" from its input (PR #254), so pass a copy
            self._host.set_rulesets({name: copy.deepcopy(ruleset)})
            self._roles[name] = {rule: (role, int(version)) for rule, body in ruleset.items()
                                 for _, role, version in [body["run"].split("|")]}
            self._registered.add(name)

    def _assert_facts(self, name: str, batch: list[dict[str, Any]]) -> int:
        """durable's Host.assert_facts without its exceptions for an unmatched or duplicate fact: those
        encode the whole batch to JSON a second time for a message nobody reads. The same C calls, in
        the same order: assert the batch, then run the actions of the state it returns."""
        rules = self._host.get_ruleset(name)
        result = durable_rules_engine.assert_facts(rules._handle, json.dumps(batch, ensure_ascii=False))
        if result[0] == _UNHANDLED:
            return _UNHANDLED
        if result[0] == 2:
            raise _Observed()
        self._do_actions(name, rules, 0 if result[0] == 3 else result[1])
        return 0

    def _update_state(self, name: str, sid: str) -> None:
        """durable's Host.update_state(name, {"sid": sid}): run the actions a batch deferred."""
        rules = self._host.get_ruleset(name)
        self._do_actions(name, rules, rules.update_state({"sid": sid}))

    def _do_actions(self, name: str, rules: Any, state_handle: int) -> None:
        """durable's Ruleset.do_actions with the same C calls in the same order, for our actions only:
        they record the frame and leave the session state alone, so no Closure (with its clock reads)
        is built per action and the unchanged state is encoded once instead of once per action."""
        handle = rules._handle
        result = durable_rules_engine.start_action_for_state(handle, state_handle)
        if not result:
            return
        state = json.dumps(json.loads(result[0]), ensure_ascii=False)
        message = json.loads(result[1])
        roles = self._roles[name]
        while True:
            rule_name, facts = next(iter(message.items()))
            self._record(*roles[rule_name], facts)
            try:
                durable_rules_engine.update_state(handle, state)
                following = durable_rules_engine.complete_and_start_action(handle, state_handle)
            except BaseException:
                durable_rules_engine.abandon_action(handle, state_handle)
                raise
            if not following:
                return
            message = json.loads(following)

    def run(self, name: str, ruleset: dict[str, Any], batch: list[dict[str, Any]]) -> list[Match]:
        sid = batch[0]["sid"]
        with self._lock:
            self.register(name, ruleset)
            self._current, self._errors = [], []
            try:
                try:
                    outcome = self._assert_facts(name, batch)
                except _Observed:
                    # a fact was refused as a duplicate: the results would be incomplete, so none are given
                    try:
                        self._host.update_state(name, {"sid": sid})
                    except Exception:
                        pass
                    raise EvaluationError("durable_rules avvisade ett faktum som dubblett; inget resultat") \
                        from None
                except Exception as exc:
                    # the batch stopped at the failing fact; run the deferred opening action so that
                    # deleting the session does not free an uninitialised context (defect D)
                    try:
                        self._host.update_state(name, {"sid": sid})
                    except Exception:
                        pass
                    raise EvaluationError(_describe(exc)) from None
                if outcome == _UNHANDLED:
                    # a batch with an unmatched fact defers every action: run them now
                    self._update_state(name, sid)
                state = self._host.get_state(name, sid)
                if self._errors or "exception" in state:
                    raise EvaluationError(f"regelåtgärd misslyckades: {self._errors or state['exception']}")
                return sorted(set(self._current), key=lambda m: (m.version, m.role, m.frame))
            finally:
                self._current = None
                self._host.delete_state(name, sid)


_UNHANDLED = 1  # durable's result code for a batch with a fact no rule matched (MessageNotHandledException)


class _Observed(Exception):
    """durable's result code 2: a fact was refused as already observed (MessageObservedException)."""


def _describe(exc: Exception) -> str:
    text = str(exc)
    for code, meaning in ERROR_CODES.items():
        if str(code) in text:
            return f"durable_rules fel {code} ({meaning}): {text}"
    return f"durable_rules: {text}"
