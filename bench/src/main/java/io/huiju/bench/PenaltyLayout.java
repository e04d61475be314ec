package io.huiju.bench;

import java.util.List;

/**
 * The national 行政处罚 layout (CREDIT-DATA §1.2) as departments send it: the Chinese headers in file order, and the
 * field codes the anchor uses as column names, index for index.
 */
final class PenaltyLayout {

    static final List<String> HEADERS = List.of(
            "行政相对人名称",
            "行政相对人类别",
            "统一社会信用代码",
            "工商注册号",
            "组织机构代码",
            "税务登记号",
            "事业单位证书号",
            "社会组织登记证号",
            "法定代表人",
            "法定代表人证件类型",
            "法定代表人证件号码",
            "证件类型",
            "证件号码",
            "行政处罚决定书文号",
            "违法行为类型",
            "违法事实",
            "处罚依据",
            "处罚类别",
            "处罚内容",
            "罚款金额（万元）",
            "没收违法所得、没收非法财物的金额（万元）",
            "暂扣或吊销证照名称及编号",
            "处罚决定日期",
            "处罚有效期",
            "公示截止期",
            "处罚机关",
            "处罚机关统一社会信用代码",
            "数据来源单位",
            "数据来源单位统一社会信用代码",
            "备注");

    static final List<String> CODES = List.of(
            "cf_xdr_mc",
            "cf_xdr_lb",
            "cf_xdr_shxym",
            "cf_xdr_gszc",
            "cf_xdr_zzjg",
            "cf_xdr_swdj",
            "cf_xdr_sydw",
            "cf_xdr_shzz",
            "cf_frdb",
            "cf_fr_zjlx",
            "cf_fr_zjhm",
            "cf_xdr_zjlx",
            "cf_xdr_zjhm",
            "cf_wsh",
            "cf_wfxw",
            "cf_sy",
            "cf_yj",
            "cf_cflb",
            "cf_nr",
            "cf_nr_fk",
            "cf_nr_wfff",
            "cf_nr_zkdx",
            "cf_jdrq",
            "cf_yxq",
            "cf_gsjzq",
            "cf_cfjg",
            "cf_cfjgdm",
            "cf_sjly",
            "cf_sjlydm",
            "bz");

    static final int SUBJECT_NAME = 0;
    static final int SUBJECT_KIND = 1;
    static final int USCC = 2;
    static final int LEGAL_REP = 8;
    static final int LEGAL_REP_ID_TYPE = 9;
    static final int LEGAL_REP_ID = 10;
    static final int ID_TYPE = 11;
    static final int ID_NUMBER = 12;
    static final int DOCUMENT_NUMBER = 13;
    static final int VIOLATION_TYPE = 14;
    static final int FACTS = 15;
    static final int LEGAL_BASIS = 16;
    static final int KINDS = 17;
    static final int CONTENT = 18;
    static final int FINE = 19;
    static final int CONFISCATED = 20;
    static final int LICENCE = 21;
    static final int DECISION_DATE = 22;
    static final int VALID_UNTIL = 23;
    static final int PUBLICITY_DEADLINE = 24;
    static final int AUTHORITY = 25;
    static final int AUTHORITY_USCC = 26;
    static final int SOURCE = 27;
    static final int SOURCE_USCC = 28;
    static final int REMARKS = 29;

    private PenaltyLayout() {}
}
