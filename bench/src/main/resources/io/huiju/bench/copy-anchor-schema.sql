-- The anchor's tables. Statements are separated by lines holding only ';;' (the functions contain ';').

DROP TABLE IF EXISTS bench_staging
;;
DROP TABLE IF EXISTS bench_penalty
;;
-- One text column per header of the national layout (CREDIT-DATA §1.2 codes), and the line number to keep the
-- last of several rows with one key.
CREATE UNLOGGED TABLE bench_staging (
    line bigserial,
    cf_xdr_mc text,
    cf_xdr_lb text,
    cf_xdr_shxym text,
    cf_xdr_gszc text,
    cf_xdr_zzjg text,
    cf_xdr_swdj text,
    cf_xdr_sydw text,
    cf_xdr_shzz text,
    cf_frdb text,
    cf_fr_zjlx text,
    cf_fr_zjhm text,
    cf_xdr_zjlx text,
    cf_xdr_zjhm text,
    cf_wsh text,
    cf_wfxw text,
    cf_sy text,
    cf_yj text,
    cf_cflb text,
    cf_nr text,
    cf_nr_fk text,
    cf_nr_wfff text,
    cf_nr_zkdx text,
    cf_jdrq text,
    cf_yxq text,
    cf_gsjzq text,
    cf_cfjg text,
    cf_cfjgdm text,
    cf_sjly text,
    cf_sjlydm text,
    bz text
)
;;
CREATE TABLE bench_penalty (
    natural_key        text PRIMARY KEY,
    subject_name       text,
    subject_kind       text,
    subject_code       text,
    legal_rep          text,
    authority_name     text,
    authority_code     text,
    document_number    text,
    violation_type     text,
    facts              text,
    legal_basis        text,
    kinds              text[],
    content            text,
    fine               numeric(18, 6),
    confiscated        numeric(18, 6),
    suspended_licence  text,
    decision_date      date,
    valid_until        date,
    publicity_deadline date,
    source_name        text,
    source_code        text,
    remarks            text,
    loaded_at          timestamptz NOT NULL DEFAULT now()
)
;;
CREATE INDEX bench_penalty_subject_code ON bench_penalty (subject_code)
;;
-- Casts that yield NULL instead of aborting the statement on the invalid rows (2024-13-45, 2023-02-30, 'abc').
-- Plain SQL so the planner inlines them (text → date depends on DateStyle, hence STABLE); no exception handler,
-- which would open a subtransaction per row.
CREATE OR REPLACE FUNCTION bench_date(s text) RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN s ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
        CASE WHEN substr(s, 9, 2)::int <= extract(day FROM
                make_date(substr(s, 1, 4)::int, substr(s, 6, 2)::int, 1) + interval '1 month - 1 day')
            THEN s::date END
    END
$$
;;
CREATE OR REPLACE FUNCTION bench_numeric(s text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN s ~ '^[0-9]{1,12}(\.[0-9]{1,6})?$' THEN s::numeric END
$$
