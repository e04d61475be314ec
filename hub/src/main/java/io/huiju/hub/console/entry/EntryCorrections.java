package io.huiju.hub.console.entry;

import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.console.ConsoleUser;
import io.huiju.hub.console.Payloads;
import io.huiju.hub.pipeline.MappingCatalog;
import io.huiju.hub.pipeline.PayloadBatches;
import io.huiju.hub.pipeline.PayloadContext;
import io.huiju.hub.pipeline.PayloadRejectedException;
import io.huiju.hub.store.Receipt;
import io.huiju.model.Channel;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.read.PayloadException;
import io.huiju.transform.read.RowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A rejected row brought back into the entry form, so a department corrects it field by field instead of re-sending
 * the file: the row is read again from the archived original with the reader and mapping the pipeline used, and
 * handed to the form by canonical field. Who may see the payload is decided by {@link Payloads}, as for its page.
 */
@Component
class EntryCorrections {

    /** The form's values of one row, and the category whose form they fill. */
    record Row(EntryCategory category, Map<String, String> values) {}

    private final Payloads payloads;
    private final MappingCatalog mappings;
    private final JdbcTemplate jdbc;

    EntryCorrections(Payloads payloads, MappingCatalog mappings, JdbcTemplate jdbc) {
        this.payloads = payloads;
        this.mappings = mappings;
        this.jdbc = jdbc;
    }

    /** The row at that line (as the reject table numbers it) of a payload the user sees; empty when there is none. */
    Optional<Row> row(ConsoleUser user, Department department, String payloadId, long line) throws IOException {
        Optional<Receipt> receipt = payloads.visible(user, payloadId);
        if (receipt.isEmpty()
                || receipt.get().archivePath() == null
                || !Files.isRegularFile(Path.of(receipt.get().archivePath()))) {
            return Optional.empty();
        }
        List<String> names =
                jdbc.queryForList("SELECT mapping FROM payload WHERE payload_id = ?", String.class, payloadId);
        if (names.isEmpty() || names.get(0) == null) {
            return Optional.empty();
        }
        Mapping mapping = mappings.get(names.get(0));
        Optional<EntryCategory> category = EntryCategory.of(mapping.category());
        if (category.isEmpty()) {
            return Optional.empty();
        }
        PayloadContext payload = new PayloadContext(
                payloadId,
                department,
                Channel.valueOf(receipt.get().channel()),
                receipt.get().fileName(),
                mapping.name(),
                Path.of(receipt.get().archivePath()),
                null,
                receipt.get().receivedAt());
        try (RowSource reader = PayloadBatches.open(payload, mapping)) {
            while (reader.hasNext()) {
                RawRecord raw = reader.next();
                if (raw.line() == line) {
                    MappedRow mapped = mapping.bind(reader.header(), PayloadBatches.department(department))
                            .map(raw, null);
                    return Optional.of(new Row(category.get(), values(raw, mapped)));
                }
            }
            return Optional.empty();
        } catch (PayloadException | PayloadRejectedException e) {
            // a payload rejected as a whole has no rows to correct one by one
            return Optional.empty();
        }
    }

    /**
     * What the department wrote, field by field: the mapped value (code tables applied, dates as ISO), or the text as
     * written where the mapping could not read it (an impossible date), so the form shows what is to be corrected.
     */
    private static Map<String, String> values(RawRecord raw, MappedRow mapped) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<CanonicalField, String> column : mapped.sourceColumns().entrySet()) {
            String value = mapped.get(column.getKey());
            String written = raw.fields().get(column.getValue());
            String shown = value != null ? value : written;
            if (shown != null && !shown.isBlank()) {
                values.put(column.getKey().path(), shown);
            }
        }
        return values;
    }
}
