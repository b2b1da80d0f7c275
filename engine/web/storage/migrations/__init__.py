"""The schema's history as Alembic revisions (versions/), run by storage/migrate.py on the server's own connection."""
