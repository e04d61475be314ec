package io.huiju.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

    @TempDir
    Path dir;

    @Test
    void peakIsTheLargestBeforeFigureAndTheLoadFiguresStartWithTheLoad() throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(
                log,
                """
                [0.010s][info][gc] Using G1
                [6.797s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 228M->8M(380M) 21.245ms
                [30.100s][info][gc] GC(9) Pause Young (Concurrent Start) (G1 Humongous Allocation) 150M->90M(233M) 5.1ms
                [31.000s][info][gc] GC(10) Concurrent Mark Cycle 12.3ms
                [40.500s][info][gc] GC(11) Pause Remark 1G->100M(512M) 2.0ms
                [40.600s][info][gc] GC(11) Pause Cleanup 180M->180M(512M) 0.1ms
                [41.500s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 204800K->68M(233M) 6.2ms
                """);

        GcLog.Heap heap = GcLog.heap(log, 30.0);

        assertThat(heap.peakMiB()).hasValue(1024.0);
        assertThat(heap.loadPeakMiB()).hasValue(1024.0);
        assertThat(heap.loadLiveMiB()).as("Remark and Cleanup do not count").hasValue(90.0);
        assertThat(GcLog.heap(log, 41.0).loadPeakMiB()).hasValue(200.0);
        assertThat(GcLog.heap(log, 0).peakMiB()).hasValue(1024.0);
    }

    @Test
    void aMissingLogHasNoFigures() throws Exception {
        assertThat(GcLog.heap(dir.resolve("none.log"), 0).peakMiB()).isEmpty();
    }
}
