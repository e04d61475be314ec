package io.huiju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a unified JVM GC log ({@code -Xlog:gc}). The peak heap is the largest "before" figure of the pause lines,
 * e.g. 123 MiB in {@code Pause Young (Normal) (G1 Evacuation Pause) 123M->45M(512M) 3.456ms}: the heap is at its
 * fullest just before a collection.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("(\\d+(?:\\.\\d+)?)([BKMG])->\\d+(?:\\.\\d+)?[BKMG]\\(");

    private GcLog() {}

    static OptionalDouble peakHeapMiB(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return OptionalDouble.empty();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("Pause"))
                    .map(PAUSE::matcher)
                    .filter(Matcher::find)
                    .mapToDouble(m -> mebibytes(Double.parseDouble(m.group(1)), m.group(2)))
                    .max();
        }
    }

    private static double mebibytes(double value, String unit) {
        return switch (unit) {
            case "B" -> value / (1024 * 1024);
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
