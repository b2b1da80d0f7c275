"""`regelkoll serve`: the web pages and the HTTP API (engine/web/), served by uvicorn."""

from __future__ import annotations

import ipaddress
import os
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
    if not _loopback(host) and not tokens:
        raise DiagnosticError([Diagnostic("kommandoraden", 0, 0, "RK-W001", f"servern skulle lyssna på {host} "
                                          "utan API-nyckel: vem som helst på nätet kunde läsa personuppgifter",
                                          "--host", "ange REGELKOLL_API_TOKENS, eller lyssna på 127.0.0.1")])
    uploads.mkdir(parents=True, exist_ok=True)
    settings = Settings(data=data or _default_data(), uploads=uploads,
                        database_url=database or default_database(uploads), rules=rules, jobs=jobs or None,
                        api_tokens=tokens, user_header=user_header, report_cache_bytes=report_cache_mb * 1024 * 1024,
                        allowed_hosts=(*LOOPBACK_NAMES, host) if _loopback(host) else ())
    # made before the server starts, so that a database that cannot be reached or rules that do not load are
    # said as the command line says errors (RK-W03x, RK-R…; status 2), not as a failed start-up's traceback
    service = Service(settings)
    try:
        typer.echo(f"Regelkoll på http://{host}:{port}/ (datamängder i {settings.data}); avsluta med Ctrl-C",
                   err=True)
        uvicorn.run(create_app(settings, service), host=host, port=port, log_level="warning")
    finally:
        service.close()
