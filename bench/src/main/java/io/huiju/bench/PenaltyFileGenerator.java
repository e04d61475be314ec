package io.huiju.bench;

import io.huiju.model.SubjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a CSV file (or an .xlsx workbook, see {@link WorkbookSink}) in the national penalty layout: new decisions, ~10 % corrections of earlier decisions (same
 * natural key, other content) and ~2 % rows a validator must reject. Deterministic for a given seed; streams, and
 * keeps only a bounded sample of earlier keys to correct.
 *
 * <p>Usage: {@code PenaltyFileGenerator --rows N --out FILE.csv|FILE.xlsx [--seed S] [--shared-strings]}
 */
public final class PenaltyFileGenerator {

    static final long DEFAULT_SEED = 20_240_601L;
    private static final String USAGE =
            "PenaltyFileGenerator --rows N --out FILE.csv|FILE.xlsx [--seed S] [--shared-strings]";
    private static final int INVALID_PER_MILLE = 20;
    private static final int UPDATE_PER_MILLE = 100;
    private static final int RESERVOIR = 50_000;

    /** The defects the invalid rows carry, one per row, in turn at random. */
    enum Defect {
        WRONG_USCC_CHECK("统一社会信用代码校验码错误"),
        MISSING_NAME("缺少行政相对人名称"),
        FUTURE_DATE("处罚决定日期晚于今天"),
        UNPARSABLE_DATE("处罚决定日期无法解析");

        final String label;

        Defect(String label) {
            this.label = label;
        }
    }

    /** What a run wrote; the hub's outcome counts are compared against it. */
    record Counts(
            long rows,
            long fresh,
            long updates,
            Map<SubjectKind, Long> freshByKind,
            Map<Defect, Long> invalidByDefect,
            long bytes) {

        long invalid() {
            return invalidByDefect.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Distinct natural keys among the valid rows. */
        long validKeys() {
            return fresh;
        }
    }

    private final SplittableRandom random;
    private final Map<String, Integer> documentSequence = new HashMap<>();
    private final long[] earlierSeeds = new long[RESERVOIR];
    private final String[] earlierNumbers = new String[RESERVOIR];
    private final int[] earlierCorrections = new int[RESERVOIR];
    private int earlierCount;
    private long freshSeen;

    PenaltyFileGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] argv) throws IOException {
        Args args = Args.parse(argv, Set.of("--rows", "--out", "--seed"), Set.of("--shared-strings"), USAGE);
        long rows = args.getLong("--rows", -1);
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1\nusage: " + USAGE);
        }
        Path out = Path.of(args.require("--out"));
        long started = System.nanoTime();
        Counts counts = new PenaltyFileGenerator(args.getLong("--seed", DEFAULT_SEED))
                .write(
                        rows,
                        out,
                        args.has("--shared-strings") ? WorkbookSink.Strings.SHARED : WorkbookSink.Strings.INLINE);
        print(counts, out, (System.nanoTime() - started) / 1_000_000);
    }

    static void print(Counts c, Path out, long millis) {
        System.out.printf("wrote %,d rows (%,d bytes) to %s in %,d ms%n", c.rows(), c.bytes(), out, millis);
        System.out.printf("  new decisions     %,10d  (%s)%n", c.fresh(), byKind(c.freshByKind()));
        System.out.printf("  updates           %,10d  (earlier key, changed content)%n", c.updates());
        System.out.printf("  invalid           %,10d%n", c.invalid());
        c.invalidByDefect().forEach((d, n) -> System.out.printf("    %-18s%,8d  %s%n", d, n, d.label));
    }

    private static String byKind(Map<SubjectKind, Long> byKind) {
        StringBuilder b = new StringBuilder();
        byKind.forEach((k, n) -> b.append(b.length() == 0 ? "" : ", ")
                .append(k.label())
                .append(' ')
                .append(String.format("%,d", n)));
        return b.toString();
    }

    Counts write(long rows, Path out) throws IOException {
        return write(rows, out, WorkbookSink.Strings.INLINE);
    }

    /** A CSV file, or an .xlsx workbook when {@code out} ends with .xlsx; {@code strings} matters only to the latter. */
    Counts write(long rows, Path out, WorkbookSink.Strings strings) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Counts counts;
        try (RowSink sink = RowSink.open(out, strings)) {
            counts = write(rows, sink);
        }
        return new Counts(
                rows,
                counts.fresh(),
                counts.updates(),
                counts.freshByKind(),
                counts.invalidByDefect(),
                Files.size(out));
    }

    /** The same rows into any sink (e.g. a database table); the sink is not closed here and the byte count is 0. */
    Counts write(long rows, RowSink sink) throws IOException {
        long fresh = 0;
        long updates = 0;
        Map<SubjectKind, Long> byKind = new EnumMap<>(SubjectKind.class);
        Map<Defect, Long> byDefect = new EnumMap<>(Defect.class);
        for (SubjectKind k : SubjectKind.values()) {
            byKind.put(k, 0L);
        }
        for (Defect d : Defect.values()) {
            byDefect.put(d, 0L);
        }
        sink.header(PenaltyLayout.HEADERS);
        for (long i = 0; i < rows; i++) {
            int draw = random.nextInt(1000);
            if (draw < INVALID_PER_MILLE) {
                Defect defect = Defect.values()[random.nextInt(Defect.values().length)];
                sink.row(invalid(defect));
                byDefect.merge(defect, 1L, Long::sum);
            } else if (draw < INVALID_PER_MILLE + UPDATE_PER_MILLE && earlierCount > 0) {
                sink.row(update());
                updates++;
            } else {
                Decision d = fresh();
                sink.row(d.toRow());
                byKind.merge(d.subject().kind(), 1L, Long::sum);
                fresh++;
            }
        }
        return new Counts(rows, fresh, updates, byKind, byDefect, 0);
    }

    private Decision fresh() {
        long seed = random.nextLong();
        Decision d = number(Decisions.draw(new SplittableRandom(seed), null));
        remember(seed, d.documentNumber());
        return d;
    }

    /** Reservoir sampling (Algorithm R): every earlier decision is equally likely to be corrected. */
    private void remember(long seed, String number) {
        freshSeen++;
        int slot;
        if (earlierCount < RESERVOIR) {
            slot = earlierCount++;
        } else {
            long j = random.nextLong(freshSeen);
            if (j >= RESERVOIR) {
                return;
            }
            slot = (int) j;
        }
        earlierSeeds[slot] = seed;
        earlierNumbers[slot] = number;
        earlierCorrections[slot] = 0;
    }

    private String[] update() {
        int slot = random.nextInt(earlierCount);
        int correction = ++earlierCorrections[slot];
        Decision original =
                Decisions.draw(new SplittableRandom(earlierSeeds[slot]), null).withDocumentNumber(earlierNumbers[slot]);
        Offence offence = original.offence();
        if (original.fineYuan() > 0) {
            long fine = Pick.yuan(random, offence.minFineYuan(), offence.maxFineYuan());
            if (fine == original.fineYuan()) {
                fine = fine + 100 <= offence.maxFineYuan() ? fine + 100 : fine - 100;
            }
            String remarks = "第" + correction + "次更正：罚款金额更正为" + Decision.wan(fine) + "万元";
            return original.corrected(fine, original.facts(), remarks).toRow();
        }
        String remarks = "第" + correction + "次更正：更正违法事实";
        String facts = original.facts() + "经复核，当事人已于案发后" + (3 + random.nextInt(28)) + "日内改正违法行为。";
        return original.corrected(0, facts, remarks).toRow();
    }

    private String[] invalid(Defect defect) {
        SplittableRandom r = new SplittableRandom(random.nextLong());
        SubjectKind kind = defect == Defect.WRONG_USCC_CHECK ? SubjectKind.LEGAL_PERSON : null;
        Decision d = number(Decisions.draw(r, kind));
        String[] row = d.toRow();
        LocalDate date = d.decisionDate();
        switch (defect) {
            case WRONG_USCC_CHECK ->
                row[PenaltyLayout.USCC] = Subjects.corruptCheck(d.subject().uscc(), r);
            case MISSING_NAME -> row[PenaltyLayout.SUBJECT_NAME] = "";
            case FUTURE_DATE -> row[PenaltyLayout.DECISION_DATE] = typoYear(date);
            case UNPARSABLE_DATE ->
                row[PenaltyLayout.DECISION_DATE] =
                        String.format("%d-%02d-%02d", date.getYear(), 13 + r.nextInt(7), 32 + r.nextInt(14));
        }
        return row;
    }

    /** 2024 typed as 2042: a date decades ahead, and one that stays in the future for a long while. */
    private static String typoYear(LocalDate date) {
        int y = date.getYear();
        int swapped = y / 100 * 100 + (y % 10) * 10 + (y / 10 % 10);
        int day = date.getMonthValue() == 2 && date.getDayOfMonth() == 29 ? 28 : date.getDayOfMonth();
        return LocalDate.of(swapped, date.getMonthValue(), day).toString();
    }

    /** Numbers decisions per authority and year, as 岩市监罚〔2024〕123号, so each number is used once. */
    private Decision number(Decision d) {
        int year = d.decisionDate().getYear();
        String prefix = d.authority().documentPrefix() + "〔" + year + "〕";
        int n = documentSequence.merge(prefix, 1, Integer::sum);
        return d.withDocumentNumber(prefix + n + "号");
    }
}
