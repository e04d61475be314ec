-- An operator's decision on a conflict (issue [5], console): which side was kept, why, by whom, when. A conflict is
-- resolved once: the console's resolution flips status from OPEN to RESOLVED in the same statement that writes these.
ALTER TABLE conflict ADD COLUMN resolution VARCHAR(16);  -- KEEP_CURRENT, KEEP_INCOMING
ALTER TABLE conflict ADD COLUMN resolution_reason VARCHAR(1000);
ALTER TABLE conflict ADD COLUMN resolved_by VARCHAR(100);
ALTER TABLE conflict ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
-- the library version keeping the incoming side wrote (null: none was written)
ALTER TABLE conflict ADD COLUMN resolved_version INTEGER;
CREATE INDEX conflict_status ON conflict (status, created_at);
CREATE INDEX conflict_incoming_payload ON conflict (incoming_payload_id);
