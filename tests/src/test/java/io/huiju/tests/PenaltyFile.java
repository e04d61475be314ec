package io.huiju.tests;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds a department file in the national penalty layout (Chinese headers). Each file gets its own document-number
 * prefix, so tests do not see each other's records; rows start valid and a test changes what it is about.
 */
final class PenaltyFile {

    static final List<String> HEADER = List.of(
            "行政相对人名称",
            "行政相对人类别",
            "统一社会信用代码",
            "工商注册号",
            "法定代表人",
            "证件类型",
            "证件号码",
            "行政处罚决定书文号",
            "违法行为类型",
            "违法事实",
            "处罚依据",
            "处罚类别",
            "处罚内容",
            "罚款金额（万元）",
            "处罚决定日期",
            "公示截止期",
            "处罚机关",
            "处罚机关统一社会信用代码",
            "备注");

    static final String AUTHORITY = "龙岩市市场监督管理局";
    static final String AUTHORITY_CODE = "11350800MB0281236E";
    static final String COMPANY_CODE = "91350802MA2XY3K1XH";
    static final String PERSON_ID = "350821198512300042";

    private final String prefix;
    private final List<Map<String, String>> rows = new ArrayList<>();
    private List<String> header = HEADER;

    PenaltyFile() {
        this("岩市监罚〔2024〕" + UUID.randomUUID().toString().substring(0, 6) + "-");
    }

    private PenaltyFile(String prefix) {
        this.prefix = prefix;
    }

    /** A new file about the same decisions: a correction, a re-send, another department's version. */
    PenaltyFile sameNumbers() {
        return new PenaltyFile(prefix);
    }

    /** A valid penalty on a company, with a fine. */
    PenaltyFile company(int number, Consumer<Map<String, String>> change) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("行政相对人名称", "龙岩市新罗区恒达贸易有限公司");
        row.put("行政相对人类别", "法人及非法人组织");
        row.put("统一社会信用代码", COMPANY_CODE);
        row.put("法定代表人", "王建国");
        row.put("行政处罚决定书文号", documentNumber(number));
        row.put("违法行为类型", "销售不合格产品");
        row.put("违法事实", "销售不合格电线，货值2000元");
        row.put("处罚依据", "《中华人民共和国产品质量法》第四十九条");
        row.put("处罚类别", "罚款");
        row.put("处罚内容", "罚款2000元");
        row.put("罚款金额（万元）", "0.2");
        row.put("处罚决定日期", "2024-03-05");
        row.put("公示截止期", "2025-03-05");
        row.put("处罚机关", AUTHORITY);
        row.put("处罚机关统一社会信用代码", AUTHORITY_CODE);
        change.accept(row);
        rows.add(row);
        return this;
    }

    PenaltyFile company(int number) {
        return company(number, r -> {});
    }

    /** A valid warning to a natural person. */
    PenaltyFile person(int number) {
        return company(number, r -> {
            r.put("行政相对人名称", "张秋生");
            r.put("行政相对人类别", "自然人");
            r.put("统一社会信用代码", "");
            r.put("法定代表人", "");
            r.put("证件类型", "身份证");
            r.put("证件号码", PERSON_ID);
            r.put("处罚类别", "警告");
            r.put("处罚内容", "警告");
            r.put("罚款金额（万元）", "");
        });
    }

    PenaltyFile header(List<String> header) {
        this.header = header;
        return this;
    }

    String documentNumber(int number) {
        return prefix + number + "号";
    }

    /** The header and every row as cell texts, for writing the same data as a workbook. */
    List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (Map<String, String> row : rows) {
            cells.add(header.stream().map(h -> row.getOrDefault(h, "")).toList());
        }
        return cells;
    }

    String text() {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, String> row : rows) {
            List<String> cells =
                    header.stream().map(h -> quote(row.getOrDefault(h, ""))).toList();
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    byte[] bytes(Charset charset) {
        return text().getBytes(charset);
    }

    byte[] utf8() {
        return bytes(StandardCharsets.UTF_8);
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\""
                : cell;
    }
}
