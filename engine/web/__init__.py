"""`regelkoll serve`: Swedish pages and the HTTP API over the library API (engine/api.py), with storage of runs,
decisions and the access log. Nothing below the command line imports this package (pyproject's contracts)."""
