-- Short-lived, single-use tokens a wallboard page exchanges its key for, so no long-lived key travels in a URL.
-- Held as SHA-256 hashes in the store, so any egress replica can redeem a token another one issued.
CREATE TABLE wallboard_stream_token (
    token_hash bytea       PRIMARY KEY,
    owner      text        NOT NULL,
    expires_at timestamptz NOT NULL
);
COMMENT ON TABLE wallboard_stream_token IS
    'Single-use wallboard stream tokens (POST /api/v1/wallboard/tokens) as SHA-256 hashes, with the credential they '
    'were issued to and their expiry; redeemed (deleted) when a stream opens, swept when expired.';
