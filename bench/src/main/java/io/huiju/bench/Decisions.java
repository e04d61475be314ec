package io.huiju.bench;

import io.huiju.model.SubjectKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a decision from a random source alone, so a decision can be drawn again from its seed when the generator
 * needs to correct it later (the update rows) without keeping it in memory.
 */
final class Decisions {

    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String PLATE_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** Kinds that weigh enough for the longest publicity period (CREDIT-DATA §6 rule 9). */
    private static final Set<String> HEAVY = Set.of("吊销许可证件", "责令停产停业", "责令关闭", "限制从业", "降低资质等级", "限制开展生产经营活动", "行政拘留");

    private Decisions() {}

    /** A decision on a subject of the given kind, or of a kind drawn in the 75 / 10 / 15 % mix when null. */
    static Decision draw(SplittableRandom r, SubjectKind forcedKind) {
        SubjectKind kind = forcedKind != null ? forcedKind : kind(r);
        Subject subject =
                switch (kind) {
                    case LEGAL_PERSON -> Subjects.company(r.nextInt(Subjects.COMPANIES));
                    case INDIVIDUAL_BUSINESS -> Subjects.shop(r.nextInt(Subjects.SHOPS));
                    case NATURAL_PERSON -> Subjects.naturalPerson(r.nextInt(Subjects.PEOPLE));
                };
        Offence offence =
                Pick.one(r, kind == SubjectKind.NATURAL_PERSON ? Offence.FOR_PEOPLE : Offence.FOR_ORGANISATIONS);
        Authority authority = authority(offence, subject, r);
        List<String> kinds = Pick.one(r, offence.kindChoices());
        long fine = kinds.contains("罚款") ? Pick.yuan(r, offence.minFineYuan(), offence.maxFineYuan()) : 0;
        long gain = Pick.yuan(r, 200, 50_000);
        LocalDate decided = FIRST_DAY.plusDays(r.nextInt(DAYS));
        LocalDate happened = decided.minusDays(15 + r.nextInt(150));
        String facts = offence.facts()
                .replace("{date}", happened.format(CHINESE_DATE))
                .replace("{value}", Long.toString(Pick.yuan(r, 1_000, 200_000)))
                .replace("{gain}", Long.toString(gain))
                .replace("{qty}", Integer.toString(2 + r.nextInt(29)))
                .replace("{place}", subject.region().town(r))
                .replace("{plate}", plate(r));
        boolean licensed = kinds.contains("暂扣许可证件") || kinds.contains("吊销许可证件");
        String licence = licensed ? offence.licence() + "（" + licenceNumber(offence.licence(), subject, r) + "）" : "";
        boolean heavy = fine >= 100_000 || kinds.stream().anyMatch(HEAVY::contains);
        return new Decision(
                subject,
                offence,
                authority,
                kinds,
                fine,
                gain,
                facts,
                licence,
                duration(kinds, r),
                decided,
                heavy ? 3 : 1,
                "",
                "");
    }

    /** Market supervision is county by county: most cases go to the bureau where the subject is registered. */
    private static Authority authority(Offence offence, Subject subject, SplittableRandom r) {
        List<Authority> candidates = Authority.in(offence.domain());
        Authority any = Pick.one(r, candidates);
        if (r.nextInt(10) < 3) {
            return any;
        }
        return candidates.stream()
                .filter(a -> a.uscc().startsWith(subject.region().code(), 2))
                .findFirst()
                .orElse(any);
    }

    private static SubjectKind kind(SplittableRandom r) {
        int n = r.nextInt(100);
        if (n < 75) {
            return SubjectKind.LEGAL_PERSON;
        }
        return n < 85 ? SubjectKind.INDIVIDUAL_BUSINESS : SubjectKind.NATURAL_PERSON;
    }

    private static int duration(List<String> kinds, SplittableRandom r) {
        if (kinds.contains("行政拘留")) {
            return 3 + r.nextInt(13);
        }
        if (kinds.contains("责令停产停业")) {
            return 7 + r.nextInt(24);
        }
        if (kinds.contains("限制开展生产经营活动")) {
            return 6 + r.nextInt(7);
        }
        return 3 + r.nextInt(4);
    }

    private static String plate(SplittableRandom r) {
        StringBuilder b = new StringBuilder("闽F·");
        for (int i = 0; i < 5; i++) {
            b.append(PLATE_CHARS.charAt(r.nextInt(PLATE_CHARS.length())));
        }
        return b.toString();
    }

    private static String licenceNumber(String licence, Subject subject, SplittableRandom r) {
        String region = subject.region().code();
        return switch (licence) {
            case "机动车驾驶证" -> subject.idNumber();
            case "食品经营许可证" -> "JY1" + region + Pick.digits(r, 7);
            case "道路运输经营许可证" -> "闽交运管许可岩字" + region + Pick.digits(r, 6) + "号";
            case "网络文化经营许可证" -> "闽网文〔2022〕" + Pick.digits(r, 4) + "-" + Pick.digits(r, 3) + "号";
            case "农药经营许可证" -> "农药经许（闽）" + region + Pick.digits(r, 4);
            case "建筑业企业资质证书" -> "D2350" + Pick.digits(r, 8);
            default -> Pick.digits(r, 12);
        };
    }
}
