"""Runs, decisions with their history, and the access log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "korning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("dataset", sa.String(200), nullable=False),
        sa.Column("facility", sa.String(200), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("rules_digest", sa.String(64), nullable=False),
        sa.Column("facts_digest", sa.String(64), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("violations", sa.Integer(), nullable=False),
        sa.Column("indications", sa.Integer(), nullable=False),
        sa.Column("undetermined", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_korning"),
    )
    op.create_table(
        "stallningstagande",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nyckel", sa.String(600), nullable=False),
        sa.Column("slag", sa.String(40), nullable=False),
        sa.Column("motivering", sa.Text(), nullable=False),
        sa.Column("beslutad_av", sa.String(200), nullable=False),
        sa.Column("beslutad", sa.Date(), nullable=False),
        sa.Column("giltig_till", sa.Date(), nullable=False),
        sa.Column("registrerad", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registrerad_av", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stallningstagande"),
    )
    op.create_table(
        "stallningstagande_historik",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handelse", sa.String(20), nullable=False),
        sa.Column("nyckel", sa.String(600), nullable=False),
        sa.Column("slag", sa.String(40), nullable=False),
        sa.Column("motivering", sa.Text(), nullable=False),
        sa.Column("beslutad_av", sa.String(200), nullable=False),
        sa.Column("beslutad", sa.Date(), nullable=False),
        sa.Column("giltig_till", sa.Date(), nullable=False),
        sa.Column("registrerad", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registrerad_av", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stallningstagande_historik"),
    )
    op.create_index("ix_stallningstagande_nyckel", "stallningstagande", ["nyckel"], unique=True)
    op.create_index("ix_stallningstagande_historik_nyckel", "stallningstagande_historik", ["nyckel"])
    op.create_table(
        "atkomstlogg",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("client", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("dataset", sa.String(200), nullable=False),
        sa.Column("facility", sa.String(200), nullable=True),
        sa.Column("unmasked", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_atkomstlogg"),
    )
    op.create_index("ix_atkomstlogg_facility_at", "atkomstlogg", ["facility", "at"])
    op.create_index("ix_atkomstlogg_at", "atkomstlogg", ["at"])


def downgrade() -> None:
    for table in ("atkomstlogg", "stallningstagande_historik", "stallningstagande", "korning"):
        op.drop_table(table)
