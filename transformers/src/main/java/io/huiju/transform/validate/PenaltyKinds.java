package io.huiju.transform.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 处罚类别: the kinds of Art. 9 of the Administrative Penalty Law as revised in 2021, and how the text departments send
 * is read into them. Pure and thread-safe.
 */
public final class PenaltyKinds {

    public static final String FINE = "罚款";
    public static final String OTHER = "其他";

    /** Art. 9 in its order; {@link #OTHER} stands for "法律、行政法规规定的其他行政处罚". */
    public static final List<String> STATUTORY = List.of(
            "警告",
            "通报批评",
            FINE,
            "没收违法所得",
            "没收非法财物",
            "暂扣许可证件",
            "降低资质等级",
            "吊销许可证件",
            "限制开展生产经营活动",
            "责令停产停业",
            "责令关闭",
            "限制从业",
            "行政拘留",
            OTHER);

    /** A name from before the 2021 revision (or a department's shorthand of one) and the kinds it was read as. */
    public record Legacy(String given, List<String> mappedTo) {

        public Legacy {
            mappedTo = List.copyOf(mappedTo);
        }
    }

    /** The statutory kinds in input order without duplicates, the old names read, and what could not be read. */
    public record Parsed(List<String> kinds, List<Legacy> legacy, List<String> unknown) {

        public Parsed {
            kinds = List.copyOf(kinds);
            legacy = List.copyOf(legacy);
            unknown = List.copyOf(unknown);
        }
    }

    private static final String SUSPEND = "暂扣许可证件";
    private static final String REVOKE = "吊销许可证件";
    private static final String CONFISCATE_GAINS = "没收违法所得";
    private static final String CONFISCATE_PROPERTY = "没收非法财物";

    // Two old names contain a list separator themselves, so they are matched whole before the text is split.
    private static final String OTHER_BY_LAW = "法律[、，,]?行政法规规定的其他行政处罚";
    private static final String SUSPEND_OR_REVOKE_LICENCE = "暂扣或者?吊销许可证(?:[、，,]?(?:暂扣或者?吊销)?执照)?";
    private static final Pattern TOKEN =
            Pattern.compile(OTHER_BY_LAW + "|" + SUSPEND_OR_REVOKE_LICENCE + "|[^、，,；;/／\\s]+");

    private static final Pattern SUSPEND_OR_REVOKE = Pattern.compile("暂扣或者?吊销.*");
    private static final Pattern SUSPEND_OR_REVOKE_WORDS = Pattern.compile("暂扣或者?吊销");

    private static final Map<String, String> SYNONYMS = Map.of(
            "其它", OTHER,
            "其他行政处罚", OTHER,
            "其它行政处罚", OTHER,
            "法律行政法规规定的其他行政处罚", OTHER);

    // Since 2021 "许可证件" covers 执照 as well, so the old licence/执照 pairs collapse into one kind each.
    private static final Map<String, String> OLD_NAMES = Map.of(
            "暂扣许可证", SUSPEND,
            "暂扣执照", SUSPEND,
            "暂扣营业执照", SUSPEND,
            "吊销许可证", REVOKE,
            "吊销执照", REVOKE,
            "吊销营业执照", REVOKE);

    private PenaltyKinds() {}

    /**
     * Reads a 处罚类别 value. Two old names do not say which current kind they are: "暂扣或者吊销许可证、暂扣或者吊销执照"
     * (and its shorter spellings) and "没收". They are resolved from {@code content} (处罚内容), which normally says what
     * was done. When it does not, "暂扣或者吊销…" is read as 暂扣许可证件, the milder kind, because a credit record must not
     * claim a harsher sanction than the decision shows; "没收" is read as both 没收违法所得 and 没收非法财物, the two halves
     * of the old item (三) it abbreviates. Either way the department gets a warning to confirm.
     */
    public static Parsed parse(String text, String content) {
        Set<String> kinds = new LinkedHashSet<>();
        List<Legacy> legacy = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        if (text == null) {
            return new Parsed(List.of(), List.of(), List.of());
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            String compact = token.replaceAll("[、，,]", "");
            if (STATUTORY.contains(token)) {
                kinds.add(token);
            } else if (SYNONYMS.containsKey(compact)) {
                kinds.add(SYNONYMS.get(compact));
            } else {
                List<String> mapped = oldName(token, content == null ? "" : content);
                if (mapped.isEmpty()) {
                    unknown.add(token);
                } else {
                    kinds.addAll(mapped);
                    legacy.add(new Legacy(token, mapped));
                }
            }
        }
        return new Parsed(List.copyOf(kinds), legacy, List.copyOf(unknown));
    }

    private static List<String> oldName(String token, String content) {
        if (OLD_NAMES.containsKey(token)) {
            return List.of(OLD_NAMES.get(token));
        }
        if (SUSPEND_OR_REVOKE.matcher(token).matches()) {
            // The content may just repeat the old category name; only its own words count.
            String said = SUSPEND_OR_REVOKE_WORDS.matcher(content).replaceAll("");
            return pick(said.contains("暂扣"), SUSPEND, said.contains("吊销"), REVOKE, List.of(SUSPEND));
        }
        if (token.equals("没收")) {
            return pick(
                    content.contains("违法所得"),
                    CONFISCATE_GAINS,
                    content.contains("非法财物"),
                    CONFISCATE_PROPERTY,
                    List.of(CONFISCATE_GAINS, CONFISCATE_PROPERTY));
        }
        return List.of();
    }

    private static List<String> pick(
            boolean first, String firstKind, boolean second, String secondKind, List<String> neither) {
        if (first && second) {
            return List.of(firstKind, secondKind);
        }
        if (first) {
            return List.of(firstKind);
        }
        return second ? List.of(secondKind) : neither;
    }
}
