"""Schema migrations: small named steps, applied once each, in order.

Never edit a step that has shipped; add a new one at the end. The ``schema_migrations`` table
records which steps have been applied to a database and ``schema_version`` its version (the number
of steps applied), so a store from an older Heron is upgraded in place and one from a newer Heron is
refused rather than misread.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_core_tables",
        """
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
            coder_version VARCHAR, model VARCHAR, settings JSON,
            n_read INTEGER, n_coded INTEGER, n_skipped INTEGER, problems JSON
        );
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, title VARCHAR, published DATE, source VARCHAR, url VARCHAR,
            language VARCHAR, origin VARCHAR, text VARCHAR, status VARCHAR,
            n_sentences INTEGER, n_events INTEGER, run_id VARCHAR, coded_at TIMESTAMP
        );
        CREATE TABLE sentences (
            article_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER, text VARCHAR
        );
        CREATE TABLE mentions (
            article_id VARCHAR, mention_index INTEGER, sentence_index INTEGER,
            start INTEGER, "end" INTEGER, text VARCHAR, member INTEGER,
            name VARCHAR, code VARCHAR, country VARCHAR, sectors VARCHAR[], kind VARCHAR,
            role VARCHAR, title VARCHAR, provenance VARCHAR, resolved_by VARCHAR, antecedent INTEGER
        );
        CREATE TABLE events (
            event_id VARCHAR, article_id VARCHAR, sentence_index INTEGER, sentence_text VARCHAR,
            start INTEGER, "end" INTEGER, cameo_code VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR,
            goldstein DOUBLE, quad_class INTEGER, penta_class INTEGER,
            plover_type VARCHAR, plover_mode VARCHAR,
            source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
            source_sectors VARCHAR[],
            target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
            target_sectors VARCHAR[],
            date DATE, date_precision VARCHAR, date_reason VARCHAR,
            location_name VARCHAR, location_country VARCHAR, latitude DOUBLE, longitude DOUBLE,
            location_reason VARCHAR, trigger VARCHAR, pattern_id VARCHAR, reason VARCHAR,
            confidence DOUBLE, negated BOOLEAN, modality VARCHAR, reported_by VARCHAR,
            coder_version VARCHAR
        );
        CREATE TABLE counts (
            article_id VARCHAR, sentence_index INTEGER, kind VARCHAR, value BIGINT, qualifier VARCHAR,
            text VARCHAR, start INTEGER, "end" INTEGER, location_country VARCHAR, date DATE,
            event_id VARCHAR
        );
        CREATE TABLE places (
            article_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
            name VARCHAR, geonameid BIGINT, country VARCHAR, admin1 VARCHAR,
            latitude DOUBLE, longitude DOUBLE, reason VARCHAR, feature VARCHAR, role VARCHAR
        );
        """,
    ),
    (
        "0002_indexes",
        """
        CREATE INDEX events_article ON events(article_id);
        CREATE INDEX events_dyad ON events(source_country, target_country);
        """,
    ),
    (
        "0003_learned_actors",
        """
        CREATE TABLE learned_actors (
            name VARCHAR PRIMARY KEY, code VARCHAR, country VARCHAR, sectors VARCHAR[],
            role VARCHAR, first_seen DATE, last_seen DATE, source_article VARCHAR,
            n_articles INTEGER, reviewed BOOLEAN DEFAULT FALSE
        );
        """,
    ),
    (
        "0004_shard_manifest",
        """
        CREATE TABLE shard_manifest (
            shard_id VARCHAR PRIMARY KEY, path VARCHAR, part INTEGER, kind VARCHAR,
            first_line BIGINT, n_lines BIGINT, content_hash VARCHAR, settings_hash VARCHAR,
            state VARCHAR, n_read INTEGER, n_articles INTEGER, article_ids VARCHAR[],
            run_id VARCHAR, updated_at TIMESTAMP
        );
        """,
    ),
)

# The schema version of a store is the number of these steps applied to it; a store that records a
# higher version, or a step name not listed here, was written by a newer Heron.
SCHEMA_VERSION = len(MIGRATIONS)

# The tables that hold one article's coding; re-coding an article replaces its rows in each.
ARTICLE_TABLES = ("sentences", "mentions", "events", "counts", "places")
