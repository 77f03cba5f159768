-- The memory service (apex-api): its keys, and the documents it accepted.

-- API keys. Only the SHA-256 of a key is kept: a key is 256 random bits, so a fast hash is enough,
-- and the key itself is shown once, when it is created.
CREATE TABLE api_keys (
  key_id     text PRIMARY KEY,
  name       text NOT NULL,
  scope      text NOT NULL CHECK (scope IN ('read', 'write')),
  key_sha256 text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;

-- The latest upload of each document, so that one not (yet) stored, or whose ingestion failed, is
-- listed and has a status. Deleting the document deletes its row.
CREATE TABLE document_requests (
  document_id    text PRIMARY KEY,
  source         text NOT NULL,
  file_name      text NOT NULL,
  size_bytes     bigint NOT NULL,
  content_sha256 text NOT NULL,
  requested_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_requests_source ON document_requests (source, document_id);
CREATE INDEX documents_source ON documents (source, document_id);
CREATE INDEX entities_display ON entities (lower(display) text_pattern_ops);
