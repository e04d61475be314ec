-- DISTINCT ON keeps one row per key (the last line), because ON CONFLICT may not touch a row twice in one statement.
-- The key is CREDIT-DATA §6 rule 11: authority USCC + document number + subject code (USCC, else ID number).
INSERT INTO bench_penalty AS p (
    natural_key, subject_name, subject_kind, subject_code, legal_rep, authority_name, authority_code, document_number,
    violation_type, facts, legal_basis, kinds, content, fine, confiscated, suspended_licence, decision_date,
    valid_until, publicity_deadline, source_name, source_code, remarks)
SELECT DISTINCT ON (natural_key)
    natural_key, cf_xdr_mc, cf_xdr_lb, subject_code, NULLIF(cf_frdb, ''), cf_cfjg, cf_cfjgdm, cf_wsh,
    cf_wfxw, cf_sy, cf_yj, string_to_array(cf_cflb, '、'), cf_nr, bench_numeric(cf_nr_fk), bench_numeric(cf_nr_wfff),
    NULLIF(cf_nr_zkdx, ''), bench_date(cf_jdrq), bench_date(cf_yxq), bench_date(cf_gsjzq), cf_sjly, cf_sjlydm,
    NULLIF(bz, '')
FROM (
    SELECT s.*, COALESCE(NULLIF(s.cf_xdr_shxym, ''), s.cf_xdr_zjhm) AS subject_code,
           concat_ws('|', s.cf_cfjgdm, s.cf_wsh, COALESCE(NULLIF(s.cf_xdr_shxym, ''), s.cf_xdr_zjhm)) AS natural_key
    FROM bench_staging s
) k
ORDER BY natural_key, line DESC
ON CONFLICT (natural_key) DO UPDATE SET
    subject_name = EXCLUDED.subject_name,
    subject_kind = EXCLUDED.subject_kind,
    legal_rep = EXCLUDED.legal_rep,
    authority_name = EXCLUDED.authority_name,
    violation_type = EXCLUDED.violation_type,
    facts = EXCLUDED.facts,
    legal_basis = EXCLUDED.legal_basis,
    kinds = EXCLUDED.kinds,
    content = EXCLUDED.content,
    fine = EXCLUDED.fine,
    confiscated = EXCLUDED.confiscated,
    suspended_licence = EXCLUDED.suspended_licence,
    decision_date = EXCLUDED.decision_date,
    valid_until = EXCLUDED.valid_until,
    publicity_deadline = EXCLUDED.publicity_deadline,
    source_name = EXCLUDED.source_name,
    source_code = EXCLUDED.source_code,
    remarks = EXCLUDED.remarks,
    loaded_at = now()
