"""`regelkoll serve`: the web pages and the HTTP API (engine/web/), served by uvicorn."""

from __future__ import annotations

import ipaddress
import os
import socket
import tempfile
from pathlib import Path
from typing import Optional

import typer

from regelkoll.diagnostics import Diagnostic, DiagnosticError


def _default_data() -> Path:
    # in a checkout, the bundled fixtures (the demo county); installed, the folder serve is started in
    return Path("fixtures") if Path("fixtures/demo").is_dir() else Path(".")


def _default_uploads() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "regelkoll"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    data: Optional[Path] = typer.Option(None, "--data", metavar="KATALOG", help="Datamängderna som kan väljas: "
                                        "varje katalog och YAML/JSON-fil direkt under KATALOG (standard: fixtures/ "
                                        "i ett utcheckat projekt, annars aktuell katalog)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Adressen servern lyssnar på (standard bara den egna "
                             "datorn)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Porten."),
    uploads: Optional[Path] = typer.Option(None, "--uploads", metavar="KATALOG", help="Var uppladdade datamängder "
                                           "och ansökningar packas upp (standard ~/.local/share/regelkoll)."),
    database: Optional[str] = typer.Option(None, "--database", metavar="URL", help="Databasen för körningar, "
                                           "ställningstaganden och åtkomstloggen: sqlite:///fil eller "
                                           "postgresql+psycopg://…; standard REGELKOLL_DATABASE_URL, annars SQLite "
                                           "i uppladdningskatalogen."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Katalog med regelpaket (standard de medföljande)."),
    jobs: int = typer.Option(0, "--jobs", min=0, help="Antal arbetsprocesser för regelmotorn (0 = automatiskt)."),
    report_cache_mb: int = typer.Option(64, "--report-cache-mb", min=0, metavar="MB", help="Minne för rapporter "
                                        "som visas igen utan ny kontroll (0 = inga)."),
    user_header: Optional[str] = typer.Option(None, "--user-header", metavar="HUVUD", help="HTTP-huvudet där en "
                                              "inloggande proxy anger användarens namn (för åtkomstloggen)."),
) -> None:
    """Starta webbsidorna och API:t (/api/v1). API-nycklar ges i REGELKOLL_API_TOKENS="namn=hemlighet,…"."""
    import uvicorn

    from regelkoll.web.app import create_app
    from regelkoll.web.hosts import LOOPBACK_NAMES
    from regelkoll.web.service import Service
    from regelkoll.web.settings import Settings, default_database

    uploads = uploads or _default_uploads()
    tokens = Settings.tokens_from_env(os.environ.get("REGELKOLL_API_TOKENS"))
    if not _loopback(host) and not (tokens and user_header):
        # the API is guarded by its tokens, the pages by the organisation's login in front of them: on the network
        # both, or anyone who reaches the address reads the briefs
        missing = " och ".join(name for name, given in (("API-nyckel", tokens), ("--user-header", user_header))
                               if not given)
        raise DiagnosticError([Diagnostic("kommandoraden", 0, 0, "RK-W001", f"servern skulle lyssna på {host} "
                                          f"utan {missing}: vem som helst på nätet kunde läsa personuppgifter",
                                          "--host", "ange REGELKOLL_API_TOKENS för API:t och --user-header för "
                                          "sidorna bakom organisationens inloggning, eller lyssna på 127.0.0.1")])
    data = data or _default_data()
    _folders(data, uploads)
    listening = _listen(host, port)
    settings = Settings(data=data, uploads=uploads,
                        database_url=database or default_database(uploads), rules=rules, jobs=jobs or None,
                        api_tokens=tokens, user_header=user_header, report_cache_bytes=report_cache_mb * 1024 * 1024,
                        allowed_hosts=(*LOOPBACK_NAMES, host) if _loopback(host) else ())
    # made before the server starts, so that a database that cannot be reached or rules that do not load are
    # said as the command line says errors (RK-W03x, RK-R…; status 2), not as a failed start-up's traceback
    service = Service(settings)
    try:
        typer.echo(f"Regelkoll på http://{host}:{port}/ (datamängder i {settings.data}); avsluta med Ctrl-C",
                   err=True)
        config = uvicorn.Config(create_app(settings, service), host=host, port=port, log_level="warning")
        uvicorn.Server(config).run(sockets=[listening])
    finally:
        listening.close()
        service.close()


def _folders(data: Path, uploads: Path) -> None:
    """A --data that is not a folder (a typo) would serve no data set without a word; an --uploads that cannot be
    written would fail at the first upload, or the database in it at start, as an internal error."""
    problems = []
    if not data.is_dir():
        problems.append(Diagnostic("kommandoraden", 0, 0, "RK-W003", f"'{data}' är ingen katalog", "--data",
                                   "ange katalogen med datamängderna"))
    try:
        uploads.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=uploads):
            pass
    except OSError as exc:
        problems.append(Diagnostic("kommandoraden", 0, 0, "RK-W003", f"'{uploads}' kan inte användas för "
                                   f"uppladdningar ({exc.strerror or type(exc).__name__})", "--uploads",
                                   "ange en katalog som servern får skriva i"))
    if problems:
        raise DiagnosticError(problems)


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, made before anything else starts: a port in use is said as the command line says
    errors (exit status 2), not as uvicorn's English log line after the server has said where it runs."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise DiagnosticError([Diagnostic("kommandoraden", 0, 0, "RK-W002", f"servern kan inte lyssna på {host}:"
                                          f"{port} ({exc.strerror or type(exc).__name__})", "--port",
                                          "välj en annan port, eller avsluta programmet som använder den")]) from None
    return sock
