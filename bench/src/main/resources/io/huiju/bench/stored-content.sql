-- What a hub run left in its database, as order-independent sums of hashes: two runs of the same rows through
-- different readers must leave the same records (key, version, content) and the same rejects (code and field;
-- not the line, which is a CSV line in one and an Excel row in the other).
SELECT
    (SELECT count(*) FROM legal_person_record) + (SELECT count(*) FROM natural_person_record) AS records,
    coalesce((SELECT sum(hashtext(natural_key || '|' || version || '|' || content_hash)) FROM legal_person_record), 0)
        + coalesce((SELECT sum(hashtext(natural_key || '|' || version || '|' || content_hash)) FROM natural_person_record), 0)
        AS record_sum,
    (SELECT count(*) FROM legal_person_record_history) + (SELECT count(*) FROM natural_person_record_history)
        AS history,
    (SELECT count(*) FROM reject) AS reject_lines,
    coalesce((SELECT sum(hashtext(code || '|' || coalesce(field, '') || '|' || severity)) FROM reject), 0) AS reject_sum
