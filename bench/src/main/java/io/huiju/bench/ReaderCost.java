package io.huiju.bench;

import io.huiju.transform.read.CsvRecordReader;
import io.huiju.transform.read.RowSource;
import io.huiju.transform.read.excel.ExcelRecordReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The hub's reader alone on one file, several rounds in one JVM so the later ones are warm: CPU time per row, which
 * says what a reader costs even on a machine busy with other work. The .csv reader is the yardstick for the .xlsx one.
 *
 * <p>Usage: {@code ReaderCost --file FILE.csv|FILE.xlsx [--rounds 5]}
 */
public final class ReaderCost {

    private static final String USAGE = "ReaderCost --file FILE.csv|FILE.xlsx [--rounds 5]";

    private ReaderCost() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--file", "--rounds"), Set.of(), USAGE);
        Path file = Path.of(args.require("--file"));
        Set<String> headers = new HashSet<>(PenaltyLayout.HEADERS);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (long round = 1, rounds = args.getLong("--rounds", 5); round <= rounds; round++) {
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            long rows = 0;
            try (RowSource reader = file.toString().endsWith(".xlsx")
                    ? ExcelRecordReader.open(file, headers::contains)
                    : CsvRecordReader.open(Files.newInputStream(file), "UTF-8", ',')) {
                while (reader.hasNext()) {
                    reader.next();
                    rows++;
                }
            }
            long wall = System.nanoTime() - started;
            cpu = os.getProcessCpuTime() - cpu;
            System.out.printf(
                    "round %d: %,d rows in %,d ms, %,.0f rows/s, process CPU %.1f µs per row%n",
                    round, rows, wall / 1_000_000, rows * 1e9 / wall, cpu / 1000.0 / rows);
        }
    }
}
