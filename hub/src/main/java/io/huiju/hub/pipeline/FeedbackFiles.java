package io.huiju.hub.pipeline;

import io.huiju.hub.store.RejectStore;
import io.huiju.model.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The department's feedback file: one line per violation (row number, column, code, reason, level), appended batch by
 * batch after the batch is stored. UTF-8 with a BOM, because departments open it in Excel.
 */
@Component("feedbackFiles")
public class FeedbackFiles {

    static final List<String> HEADER = List.of("行号", "字段", "错误代码", "原因", "级别");

    public CheckedBatch append(CheckedBatch batch) {
        write(batch.payload().feedbackFile(), batch.lines());
        return batch;
    }

    /** The whole payload was refused: one line, on row 0, with the reason. */
    void writePayloadProblem(Path file, String code, String reason) {
        write(file, List.of(new RejectStore.Line(0, Violation.error("(整个文件)", code, reason))));
    }

    /** Makes sure a file exists even when nothing was wrong, so the department always finds one. */
    void ensure(Path file) {
        write(file, List.of());
    }

    private static synchronized void write(Path file, List<RejectStore.Line> lines) {
        try {
            boolean created = Files.notExists(file);
            if (!created && lines.isEmpty()) {
                return;
            }
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                if (created) {
                    out.write('\uFEFF');
                    csv.printRecord(HEADER);
                }
                for (RejectStore.Line l : lines) {
                    Violation v = l.violation();
                    csv.printRecord(l.line(), v.field(), v.code(), v.reason(), v.isError() ? "错误" : "警告");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("feedback file " + file + " cannot be written", e);
        }
    }
}
