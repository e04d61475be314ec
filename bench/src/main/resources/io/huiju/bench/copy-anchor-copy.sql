COPY bench_staging (cf_xdr_mc, cf_xdr_lb, cf_xdr_shxym, cf_xdr_gszc, cf_xdr_zzjg, cf_xdr_swdj, cf_xdr_sydw, cf_xdr_shzz, cf_frdb, cf_fr_zjlx, cf_fr_zjhm, cf_xdr_zjlx, cf_xdr_zjhm, cf_wsh, cf_wfxw, cf_sy, cf_yj, cf_cflb, cf_nr, cf_nr_fk, cf_nr_wfff, cf_nr_zkdx, cf_jdrq, cf_yxq, cf_gsjzq, cf_cfjg, cf_cfjgdm, cf_sjly, cf_sjlydm, bz)
    FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')
