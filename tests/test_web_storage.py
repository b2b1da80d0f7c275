"""The server's storage (engine/web/storage/) on SQLite and on a real PostgreSQL server.

Every test that takes `database_url` runs twice: on a fresh SQLite file, and on a fresh PostgreSQL database made
for it on the server of REGELKOLL_TEST_POSTGRES_URL (a role that may create databases) and dropped after. Without
that URL the PostgreSQL runs are skipped, unless REGELKOLL_REQUIRE_POSTGRES=1 (CI, which starts a server), where
a missing or unreachable server fails them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, create_engine, text
from sqlalchemy.engine import make_url

from regelkoll.diagnostics import DiagnosticError
from regelkoll.triage.decisions import read_decisions
from regelkoll.web.storage import AccessEntry, RunRecord, Store
from regelkoll.web.storage.migrate import VERSION_TABLE, current, head, upgrade
from regelkoll.web.storage.models import Base

POSTGRES_URL = os.environ.get("REGELKOLL_TEST_POSTGRES_URL")
POSTGRES_REQUIRED = os.environ.get("REGELKOLL_REQUIRE_POSTGRES") == "1"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = timezone.utc
SECRET = "hemligt-lösen-7"


def _unavailable(why: str) -> None:
    if POSTGRES_REQUIRED:
        pytest.fail(f"REGELKOLL_REQUIRE_POSTGRES=1 men {why}", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The URL of a database on the test server whose role may create databases."""
    if not POSTGRES_URL:
        _unavailable("REGELKOLL_TEST_POSTGRES_URL är inte satt")
    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means no server to test on
        shown = make_url(POSTGRES_URL).render_as_string(hide_password=True)
        _unavailable(f"PostgreSQL-servern {shown} kan inte nås ({type(exc).__name__})")
    finally:
        engine.dispose()
    return POSTGRES_URL


@pytest.fixture
def postgres_database(postgres_server):
    """A fresh database on the test server, dropped after the test (with whatever connections are left)."""
    name = f"regelkoll_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'regelkoll.sqlite3'}"
    return request.getfixturevalue("postgres_database")


class Clock:
    """The time the store records, set by the test; starts in Swedish winter time, not UTC."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=STOCKHOLM)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(database_url, clock):
    opened = Store(database_url, clock=clock)
    yield opened
    opened.close()


def _decision(key: str = "LE-01/klinik-glans/behandling/b-05", **changes) -> dict:
    entry = {"nyckel": key, "slag": "atgardad", "motivering": "Legitimation sedan 2026-09-01; dnr 3.5-1234/2026",
             "beslutad_av": "Anna Inspektör", "beslutad": "2026-10-01", "giltig_till": "2027-03-31"}
    entry.update(changes)
    return entry


def _access(who: str, facility: str | None, *, unmasked: bool = False, reason: str | None = None,
            action: str = "besok") -> AccessEntry:
    return AccessEntry(who, "127.0.0.1", action, "demo", facility, unmasked, reason)


# the schema: made by the migrations, the same as the models, safe to make again and at once


def test_the_migrated_schema_is_the_models(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE,
                                                               "compare_type": True,
                                                               "compare_server_default": True})
        assert compare_metadata(context, Base.metadata) == []
        assert current(connection) == [head()]
        # the comparison reads the database: the models with one more column differ from it
        drifted = MetaData()
        for table in Base.metadata.tables.values():
            table.to_metadata(drifted)
        drifted.tables["atkomstlogg"].append_column(Column("ny_kolumn", Integer))
        assert [change[0] for change in compare_metadata(context, drifted)] == ["add_column"]


def test_the_indexes_the_queries_need_are_there(store):
    from sqlalchemy import inspect

    inspector = inspect(store.engine)
    indexes = {table: {(tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(table)}
               for table in ("atkomstlogg", "stallningstagande", "stallningstagande_historik")}
    assert {(("facility", "at"), False), (("at",), False)} <= indexes["atkomstlogg"]
    assert (("nyckel",), True) in indexes["stallningstagande"]
    assert (("nyckel",), False) in indexes["stallningstagande_historik"]


def test_upgrading_again_changes_nothing_and_keeps_the_data(database_url, clock):
    first = Store(database_url, clock=clock)
    first.save_decision(_decision(), "Anna")
    first.log_access(_access("Anna", "klinik-glans"))
    upgrade(first.engine)
    first.close()
    second = Store(database_url, clock=clock)
    assert [d.nyckel for d in second.decisions()] == [_decision()["nyckel"]]
    assert len(second.access_log()) == 1
    with second.engine.connect() as connection:
        assert connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all() == [head()]
    second.close()


STARTER = """
import sys, time
from pathlib import Path
from regelkoll.web.storage import Store
Path(sys.argv[2]).touch()
while not Path(sys.argv[3]).exists():
    time.sleep(0.002)
Store(sys.argv[1]).close()
"""


def test_servers_starting_at_once_on_one_database_all_start(database_url, tmp_path):
    # separate processes, as separate servers are: each waits, imported, until all are ready, then opens the store
    go = tmp_path / "start"
    starters = [subprocess.Popen([sys.executable, "-c", STARTER, database_url, str(tmp_path / f"ready-{n}"), str(go)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    deadline = datetime.now() + timedelta(seconds=120)
    while not all((tmp_path / f"ready-{n}").exists() for n in range(4)) and datetime.now() < deadline:
        threading.Event().wait(0.01)
    go.touch()
    results = [(starter.wait(timeout=120), starter.stderr.read()) for starter in starters]
    assert [status for status, _ in results] == [0, 0, 0, 0], [err for _, err in results]
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all() == [head()]
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


# times and dates


def test_times_read_back_as_the_same_instant_in_utc_and_dates_as_dates(store, clock):
    clock.now = datetime(2026, 7, 1, 14, 30, 15, 123456, tzinfo=STOCKHOLM)  # summer time, +02:00
    store.log_access(_access("Anna", "klinik-glans"))
    store.record_run(RunRecord("kontroll", "demo", None, date(2026, 6, 30), "r" * 64, "f" * 64, "Anna", 3, 1))
    saved = store.save_decision(_decision(), "Anna")
    (logged,) = store.access_log()
    (run,) = store.runs()
    (decision,) = store.decisions()
    for value in (logged["at"], run["at"], decision.registrerad, saved.registrerad):
        assert value == clock.now
        assert value.utcoffset() == timedelta(0) and value.tzinfo is not None
        assert value.isoformat() == "2026-07-01T12:30:15.123456+00:00"
    assert type(run["as_of"]) is date and run["as_of"] == date(2026, 6, 30)
    assert type(decision.beslutad) is date and type(decision.giltig_till) is date
    assert (decision.beslutad, decision.giltig_till) == (date(2026, 10, 1), date(2027, 3, 31))


def test_newest_first_is_by_the_instant_not_by_the_clock_time_written(store, clock):
    clock.now = datetime(2026, 12, 1, 10, 30, tzinfo=STOCKHOLM)  # 09:30 UTC
    store.log_access(_access("Tidigare", "klinik-glans"))
    clock.now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # later, though its clock time is earlier
    store.log_access(_access("Senare", "klinik-glans"))
    assert [e["who"] for e in store.access_log()] == ["Senare", "Tidigare"]
    since = datetime(2026, 12, 1, 10, 45, tzinfo=STOCKHOLM)  # 09:45 UTC: only the later one
    assert [e["who"] for e in store.access_log(since=since)] == ["Senare"]


def test_a_time_without_zone_is_refused(database_url):
    naive = Store(database_url, clock=lambda: datetime(2026, 12, 1, 9, 0))
    with pytest.raises(ValueError, match="tidszon"):
        naive.log_access(_access("Anna", "klinik-glans"))
    with pytest.raises(ValueError, match="tidszon"):
        naive.access_log(since=datetime(2026, 12, 1))
    assert naive.access_log() == []
    naive.close()


# decisions


@pytest.mark.parametrize("change, code", [
    ({"slag": "glomd"}, "RK-D003"),
    ({"motivering": "   "}, "RK-D003"),
    ({"beslutad": "20261001"}, "RK-D003"),
    ({"giltig_till": "2026-09-30"}, "RK-D003"),
    ({"okant_falt": 1}, "RK-D003"),
    ({"nyckel": "ingen-nyckel"}, "RK-D004"),
])
def test_a_decision_is_validated_as_the_decisions_file_is(store, tmp_path, change, code):
    entry = _decision(**change)
    path = tmp_path / "stallningstaganden.yaml"
    path.write_text(yaml.safe_dump({"stallningstaganden": [entry]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DiagnosticError) as from_file:
        read_decisions(path, date(2026, 12, 1))
    with pytest.raises(DiagnosticError) as from_store:
        store.save_decision(entry, "Anna")
    assert {d.code for d in from_store.value.diagnostics} == {d.code for d in from_file.value.diagnostics} == {code}
    assert {d.field.split(".")[-1] for d in from_store.value.diagnostics} == \
           {d.field.split(".")[-1] for d in from_file.value.diagnostics}
    assert store.decisions() == [] and store.decision_history() == []


def test_a_decision_about_the_same_key_replaces_it_and_the_history_keeps_both(store, clock):
    first = store.save_decision(_decision(), "Anna")
    clock.now += timedelta(days=1)
    second = store.save_decision(_decision(slag="godtagen_risk", motivering="Risken godtas", beslutad="2026-10-02",
                                           beslutad_av="Bo Inspektör"), "Bo")
    (now,) = store.decisions()
    assert (now.id, now.slag, now.motivering, now.registrerad_av) == (first.id, "godtagen_risk", "Risken godtas", "Bo")
    assert now == second
    history = store.decision_history(_decision()["nyckel"])
    assert [(e.handelse, e.slag, e.beslutad_av, e.registrerad_av, e.registrerad) for e in history] == [
        ("sparad", "godtagen_risk", "Bo Inspektör", "Bo", clock.now),
        ("sparad", "atgardad", "Anna Inspektör", "Anna", clock.now - timedelta(days=1))]


def test_removing_a_decision_keeps_what_it_said_and_who_removed_it(store, clock):
    key = _decision()["nyckel"]
    store.save_decision(_decision(), "Anna")
    store.save_decision(_decision("LE-01/klinik-glans/behandling/b-06"), "Anna")
    clock.now += timedelta(hours=2)
    assert store.delete_decision(key, deleted_by="Cecilia") is True
    assert [d.nyckel for d in store.decisions()] == ["LE-01/klinik-glans/behandling/b-06"]
    removed, saved = store.decision_history(key)
    assert (removed.handelse, removed.registrerad_av, removed.registrerad) == ("borttagen", "Cecilia", clock.now)
    assert (removed.slag, removed.motivering, removed.beslutad_av) == ("atgardad", _decision()["motivering"],
                                                                      "Anna Inspektör")
    assert (saved.handelse, saved.registrerad_av) == ("sparad", "Anna")
    assert store.delete_decision(key, deleted_by="Cecilia") is False  # nothing there: nothing added either
    assert len(store.decision_history()) == 3


def test_two_saves_of_one_key_at_once_both_land(store):
    barrier = threading.Barrier(2)
    failures = []

    def save(who: str) -> None:
        barrier.wait()
        try:
            store.save_decision(_decision(motivering=f"enligt {who}"), who)
        except Exception as exc:  # noqa: BLE001 - collected, asserted below
            failures.append(exc)

    threads = [threading.Thread(target=save, args=(who,)) for who in ("Anna", "Bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    (decision,) = store.decisions()
    history = store.decision_history()
    assert sorted(e.registrerad_av for e in history) == ["Anna", "Bo"]
    assert decision.registrerad_av == history[0].registrerad_av  # the last saved is the one that stands


def _yaml_decisions(entries: list[dict], path: Path) -> Path:
    path.write_text(yaml.safe_dump({"stallningstaganden": entries}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def _sorted_as(decisions) -> dict[str, list[tuple]]:
    def fields(d):
        return (d.key, d.kind, d.reason, d.decided_by, d.decided, d.valid_until)

    return {"active": sorted(fields(d) for d in decisions.active.values()),
            "expired": sorted(fields(d) for d in decisions.expired),
            "pending": sorted(fields(d) for d in decisions.pending)}


@pytest.mark.parametrize("as_of", [date(2026, 9, 1), date(2026, 10, 1), date(2026, 12, 31), date(2027, 4, 1)])
def test_stored_decisions_sort_as_the_same_decisions_file(store, tmp_path, as_of):
    entries = [
        _decision("LE-01/klinik-glans/behandling/b-01"),
        _decision("LE-01/klinik-glans/behandling/b-02", beslutad="2026-11-15", giltig_till="2026-12-31"),
        _decision("IVO-02/hem-ek/person/p-03", slag="felaktiga_uppgifter", beslutad="2026-06-01",
                  giltig_till="2026-10-01"),
        _decision("IVO-02/hem-ek/person/p-04", slag="godtagen_risk", beslutad="2027-01-10", giltig_till="2027-06-30"),
    ]
    for entry in entries:
        store.save_decision(entry, "Anna")
    from_file = read_decisions(_yaml_decisions(entries, tmp_path / "stallningstaganden.yaml"), as_of)
    from_store = store.triage_decisions({"klinik-glans", "hem-ek"}, as_of)
    assert _sorted_as(from_store) == _sorted_as(from_file)
    assert sum(map(len, _sorted_as(from_store).values())) == 4
    # only the facilities asked about
    hem_ek = store.triage_decisions({"hem-ek"}, as_of)
    assert _sorted_as(hem_ek) == _sorted_as(read_decisions(_yaml_decisions(entries[2:], tmp_path / "ek.yaml"), as_of))


def test_the_sorting_differs_by_day_so_the_comparison_above_can_tell(store):
    store.save_decision(_decision(beslutad="2026-10-01", giltig_till="2026-12-31"), "Anna")
    assert [len(store.triage_decisions({"klinik-glans"}, day).active) for day in
            (date(2026, 9, 1), date(2026, 11, 1), date(2027, 1, 1))] == [0, 1, 0]


# the access log


def test_the_agency_can_say_who_looked_at_a_facility_and_who_saw_identity_numbers(store, clock):
    def at(day: int, hour: int, who: str, facility: str, **kwargs) -> None:
        clock.now = datetime(2026, 11, day, hour, 0, tzinfo=STOCKHOLM)
        store.log_access(_access(who, facility, **kwargs))

    at(2, 9, "Före Perioden", "klinik-glans")
    at(3, 0, "Anna", "klinik-glans")  # exactly at the start: inside
    at(4, 10, "Bo", "hem-ek")  # another facility
    at(5, 11, "Cecilia", "klinik-glans", unmasked=True, reason="dnr 3.5-1234/2026")
    at(6, 12, "Anna", "klinik-glans", action="kontroll")
    at(7, 13, "Bo", "hem-ek", unmasked=True, reason="dnr 3.5-999/2026")
    at(8, 8, "David", None, action="kontroll")  # the whole county, every facility's data
    at(10, 0, "Efter Perioden", "klinik-glans", unmasked=True, reason="dnr 3.5-1/2026")  # at the end: outside
    start, end = datetime(2026, 11, 3, tzinfo=STOCKHOLM), datetime(2026, 11, 10, tzinfo=STOCKHOLM)

    looked = store.access_log(facility="klinik-glans", since=start, until=end)
    assert [(e["who"], e["at"].astimezone(STOCKHOLM).day, e["action"], e["unmasked"]) for e in looked] == [
        ("Anna", 6, "kontroll", False), ("Cecilia", 5, "besok", True), ("Anna", 3, "besok", False)]
    with_county = store.access_log(facility="klinik-glans", since=start, until=end, whole_datasets=True)
    assert [(e["who"], e["facility"]) for e in with_county] == [
        ("David", None), ("Anna", "klinik-glans"), ("Cecilia", "klinik-glans"), ("Anna", "klinik-glans")]
    unmasked = store.access_log(since=start, until=end, unmasked=True)
    assert [(e["who"], e["facility"], e["reason"]) for e in unmasked] == [
        ("Bo", "hem-ek", "dnr 3.5-999/2026"), ("Cecilia", "klinik-glans", "dnr 3.5-1234/2026")]
    assert [e["who"] for e in store.access_log(facility="klinik-glans")] == [
        "Efter Perioden", "Anna", "Cecilia", "Anna", "Före Perioden"]
    assert len(store.access_log(limit=2)) == 2


# a database that cannot be used: a diagnostic naming it, never its password


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _assert_no_secret(error: DiagnosticError) -> None:
    for diagnostic in error.diagnostics:
        assert SECRET not in diagnostic.render(personal_data=True)
        assert SECRET not in str(diagnostic.to_json(personal_data=True))


def test_an_unreachable_server_is_rk_w030_with_the_password_masked():
    url = f"postgresql+psycopg://granskare:{SECRET}@127.0.0.1:{_free_port()}/regelkoll?sslmode=disable"
    with pytest.raises(DiagnosticError) as caught:
        Store(url)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "RK-W030"
    assert diagnostic.file.startswith("postgresql+psycopg://granskare:***@127.0.0.1:")
    assert "databasen svarar" in diagnostic.hint
    _assert_no_secret(caught.value)


def test_a_password_given_as_a_parameter_is_masked_too():
    url = f"postgresql+psycopg://granskare@127.0.0.1:{_free_port()}/regelkoll?password={SECRET}"
    with pytest.raises(DiagnosticError) as caught:
        Store(url)
    assert caught.value.diagnostics[0].code == "RK-W030"
    _assert_no_secret(caught.value)


def test_a_wrong_password_is_rk_w030_and_not_shown(postgres_database):
    url = make_url(postgres_database).set(password=SECRET).render_as_string(hide_password=False)
    with pytest.raises(DiagnosticError) as caught:
        Store(url)
    assert [d.code for d in caught.value.diagnostics] == ["RK-W030"]
    assert "password authentication failed" in caught.value.diagnostics[0].hint
    _assert_no_secret(caught.value)


def test_a_sqlite_file_that_cannot_be_opened_is_rk_w030(tmp_path):
    with pytest.raises(DiagnosticError) as caught:
        Store(f"sqlite:///{tmp_path / 'saknas' / 'regelkoll.sqlite3'}")
    assert [d.code for d in caught.value.diagnostics] == ["RK-W030"]


def test_a_database_that_refuses_the_tables_is_rk_w031(tmp_path):
    path = tmp_path / "regelkoll.sqlite3"
    create_engine(f"sqlite:///{path}").connect().close()
    with pytest.raises(DiagnosticError) as caught:
        Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert [d.code for d in caught.value.diagnostics] == ["RK-W031"]
    assert "readonly" in caught.value.diagnostics[0].hint


def test_an_update_that_fails_half_way_is_rolled_back_whole(database_url):
    engine = create_engine(database_url)
    with engine.begin() as connection:  # a table of the name the revision creates last, made by someone else
        connection.execute(text("CREATE TABLE atkomstlogg (annat INTEGER)"))
    with pytest.raises(DiagnosticError) as caught:
        Store(database_url)
    assert [d.code for d in caught.value.diagnostics] == ["RK-W031"]
    from sqlalchemy import inspect

    assert inspect(engine).get_table_names() == ["atkomstlogg"]  # neither the tables before it nor the version
    engine.dispose()


def test_a_schema_newer_than_this_regelkoll_is_rk_w032_and_not_touched(database_url):
    Store(database_url).close()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    with pytest.raises(DiagnosticError) as caught:
        Store(database_url)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "RK-W032" and "9999" in diagnostic.message and head() in diagnostic.hint
    with engine.connect() as connection:
        assert current(connection) == ["9999"]
    engine.dispose()


@pytest.mark.parametrize("url", ["mysql://granskare:" + SECRET + "@db/regelkoll", "inte en adress",
                                 "postgresql+drivrutinsomintefinns://granskare:" + SECRET + "@db/regelkoll"])
def test_an_address_that_is_no_usable_database_is_rk_w033(url):
    with pytest.raises(DiagnosticError) as caught:
        Store(url)
    assert [d.code for d in caught.value.diagnostics] == ["RK-W033"]
    _assert_no_secret(caught.value)


def test_a_database_lost_while_serving_is_rk_w030_not_a_traceback(postgres_server):
    name = f"regelkoll_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    store = Store(make_url(postgres_server).set(database=name).render_as_string(hide_password=False))
    store.log_access(_access("Anna", "klinik-glans"))
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()
    with pytest.raises(DiagnosticError) as caught:
        store.log_access(_access("Anna", "klinik-glans"))
    assert [d.code for d in caught.value.diagnostics] == ["RK-W030"]
    assert name in caught.value.diagnostics[0].hint
    store.close()


def test_the_store_shows_its_url_without_the_password(postgres_database):
    store = Store(postgres_database)
    password = make_url(postgres_database).password
    assert password and password not in store.url and "***" in store.url
    store.close()


def test_a_database_in_memory_is_one_database_for_every_thread():
    store = Store("sqlite://")
    worker = threading.Thread(target=store.log_access, args=(_access("Anna", "klinik-glans"),))
    worker.start()
    worker.join()
    assert [e["who"] for e in store.access_log()] == ["Anna"]
    store.close()
