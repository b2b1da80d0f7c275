"""The schema's history as Alembic revisions (versions/), run by storage/migrate.py on the server's own connection.

A change to models.py needs the next revision here, versions/NNNN_what.py with `down_revision` the one before:
tests/test_web_storage.py compares the migrated schema with the models on SQLite and PostgreSQL and fails until
the two agree. A revision once shipped is never edited: databases in use are already past it."""
