-- The front-end database channel (前置库): how far the hub has read each department's exchange table.
-- A feed is "<department>/<exchange table>". The watermark is the newest update timestamp taken (with the key of that
-- row, for the operator); frontdb_taken holds the (key, timestamp) pairs taken inside the look-back window, so rows
-- re-read there are recognised and late rows (committed with an older timestamp) are still taken. Both are written in
-- one transaction, after the payload is stored: a crash before it re-reads the batch, which the store absorbs.
CREATE TABLE frontdb_watermark (
    feed        VARCHAR(200) NOT NULL PRIMARY KEY,
    last_ts     TIMESTAMP    NOT NULL,
    last_key    VARCHAR(500) NOT NULL,
    payload_id  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP    NOT NULL
);

CREATE TABLE frontdb_taken (
    feed        VARCHAR(200) NOT NULL,
    source_key  VARCHAR(500) NOT NULL,
    row_ts      TIMESTAMP    NOT NULL,
    PRIMARY KEY (feed, source_key, row_ts)
);
