package io.huiju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a unified JVM GC log ({@code -Xlog:gc}, default decorations). The peak heap is the largest "before" figure of
 * the pause lines, e.g. 123 MiB in {@code [61.2s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause)
 * 123M->45M(512M) 3.456ms}: the heap is at its fullest just before a collection.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+(?:\\.\\d+)?)s].*Pause (\\w+).* (\\d+(?:\\.\\d+)?)([BKMG])->(\\d+(?:\\.\\d+)?)([BKMG])\\(");

    /**
     * The peak over the whole run, as the issue asks for it, and the figures of the load alone: G1 sizes its young
     * generation generously at start-up, so the overall peak can come from there rather than from the work.
     *
     * @param peakMiB largest heap before a collection, start-up included
     * @param loadPeakMiB largest heap before a collection after the file reached the inbox
     * @param loadLiveMiB largest heap after a collection after the file reached the inbox: what the load keeps alive.
     *     Only pauses that move objects count (Young, Mixed, Full): after G1's Remark and Cleanup pauses the heap
     *     still holds the garbage of the old generation, which is not what the load keeps alive.
     */
    record Heap(OptionalDouble peakMiB, OptionalDouble loadPeakMiB, OptionalDouble loadLiveMiB) {}

    private record Pause(double uptimeSeconds, String kind, double beforeMiB, double afterMiB) {

        boolean evacuates() {
            return kind.equals("Young") || kind.equals("Full");
        }
    }

    private GcLog() {}

    /** @param loadFromSeconds JVM uptime at which the load began */
    static Heap heap(Path log, double loadFromSeconds) throws IOException {
        if (!Files.isRegularFile(log)) {
            return new Heap(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        List<Pause> pauses;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            pauses = lines.map(PAUSE::matcher)
                    .filter(Matcher::find)
                    .map(m -> new Pause(
                            Double.parseDouble(m.group(1)),
                            m.group(2),
                            mebibytes(m.group(3), m.group(4)),
                            mebibytes(m.group(5), m.group(6))))
                    .toList();
        }
        return new Heap(
                pauses.stream().mapToDouble(Pause::beforeMiB).max(),
                pauses.stream()
                        .filter(p -> p.uptimeSeconds >= loadFromSeconds)
                        .mapToDouble(Pause::beforeMiB)
                        .max(),
                pauses.stream()
                        .filter(p -> p.uptimeSeconds >= loadFromSeconds && p.evacuates())
                        .mapToDouble(Pause::afterMiB)
                        .max());
    }

    private static double mebibytes(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "B" -> v / (1024 * 1024);
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}
