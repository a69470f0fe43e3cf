"""Dedup lookups by triple and window start: replace ix_events_triple by ix_events_triple_window.

With one index on (source, target, CAMEO) only, a recurring triple (the same dyad
and code on hundreds of days) made every lookup scan all its events; the
window start in the index bounds the scan (store_bench: the write rate fell
as the store grew).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_triple", table_name="events")
    op.create_index(
        "ix_events_triple_window",
        "events",
        ["source_code", "target_code", "cameo", "window_start"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_events_triple_window", table_name="events")
    op.create_index("ix_events_triple", "events", ["source_code", "target_code", "cameo"], unique=False)
