-- The ingestion store. PostgreSQL is the system of record; the search index is rebuilt from it.

-- One row: who this store is, so that an index built from another store is never trusted.
CREATE TABLE store_identity (
  store_id   uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO store_identity (store_id) VALUES (gen_random_uuid());

-- A document's current version.
CREATE TABLE documents (
  document_id    text PRIMARY KEY,
  source         text NOT NULL,
  path           text NOT NULL,
  content_sha256 text NOT NULL,
  staging_key    text NOT NULL,
  size_bytes     bigint NOT NULL,
  media_type     text NOT NULL,
  chunk_count    int NOT NULL,
  entity_count   int NOT NULL,
  ingested_at    timestamptz NOT NULL
);

-- Every version ever written, and whether it was replaced or compensated.
CREATE TABLE document_versions (
  staging_key    text PRIMARY KEY,
  document_id    text NOT NULL,
  content_sha256 text NOT NULL,
  written_at     timestamptz NOT NULL,
  ended_at       timestamptz,
  ended_by       text
);
CREATE INDEX document_versions_document ON document_versions (document_id);

CREATE TABLE chunks (
  document_id text NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  chunk_index int NOT NULL,
  text        text NOT NULL,
  -- 384 little-endian float32 values, unit length.
  embedding   bytea NOT NULL,
  PRIMARY KEY (document_id, chunk_index)
);

CREATE TABLE entities (
  entity_id  bigserial PRIMARY KEY,
  kind       text NOT NULL,
  normalized text NOT NULL,
  display    text NOT NULL,
  UNIQUE (kind, normalized)
);

-- The document-to-entity graph: where each entity is mentioned.
CREATE TABLE mentions (
  document_id  text NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  entity_id    bigint NOT NULL REFERENCES entities (entity_id),
  chunk_index  int NOT NULL,
  start_offset int NOT NULL,
  end_offset   int NOT NULL,
  surface      text NOT NULL
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- Staged versions, so that any worker of a fleet can run the next step.
CREATE TABLE staged_documents (
  staging_key    text PRIMARY KEY,
  document_id    text NOT NULL,
  source         text NOT NULL,
  path           text NOT NULL,
  content_sha256 text NOT NULL,
  size_bytes     bigint NOT NULL,
  content        bytea NOT NULL,
  media_type     text,
  characters     bigint,
  staged_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staged_chunks (
  staging_key text NOT NULL REFERENCES staged_documents (staging_key) ON DELETE CASCADE,
  chunk_index int NOT NULL,
  text        text NOT NULL,
  embedding   bytea,
  PRIMARY KEY (staging_key, chunk_index)
);

CREATE TABLE staged_mentions (
  staging_key  text NOT NULL REFERENCES staged_documents (staging_key) ON DELETE CASCADE,
  chunk_index  int NOT NULL,
  kind         text NOT NULL,
  normalized   text NOT NULL,
  surface      text NOT NULL,
  start_offset int NOT NULL,
  end_offset   int NOT NULL
);
CREATE INDEX staged_mentions_key ON staged_mentions (staging_key);

-- One row per staged version: how its ingestion went.
CREATE TABLE ingestion_runs (
  staging_key    text PRIMARY KEY,
  document_id    text NOT NULL,
  content_sha256 text NOT NULL,
  status         text NOT NULL,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  chunk_count    int,
  entity_count   int
);
CREATE INDEX ingestion_runs_document ON ingestion_runs (document_id);

-- The change log the search index catches up from. Rows are appended under an advisory lock held
-- to commit, so their sequence numbers are in commit order.
CREATE TABLE document_changes (
  seq         bigserial PRIMARY KEY,
  document_id text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
