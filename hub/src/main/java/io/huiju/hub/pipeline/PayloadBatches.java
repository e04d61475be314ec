package io.huiju.hub.pipeline;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.store.PayloadStore;
import io.huiju.transform.RawRecord;
import io.huiju.transform.map.BoundMapping;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.map.MissingColumnsException;
import io.huiju.transform.read.CsvRecordReader;
import io.huiju.transform.read.JsonLinesRecordReader;
import io.huiju.transform.read.PayloadException;
import io.huiju.transform.read.RecordsXmlReader;
import io.huiju.transform.read.RowSource;
import io.huiju.transform.read.excel.ExcelRecordReader;
import io.huiju.transform.read.excel.WorkbookFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Opens the archived payload with the reader its format needs, binds the feed's mapping to its header, and hands the
 * rows on in batches, mapped and validated by the {@link RecordTransformer}. The splitter pulls batches one at a time,
 * so at most two batches of a payload are in memory: the one being stored and the one being read.
 */
@Component("payloadBatches")
public class PayloadBatches {

    private static final Logger LOG = LoggerFactory.getLogger(PayloadBatches.class);

    private final MappingCatalog mappings;
    private final PayloadStore payloads;
    private final RecordTransformer transformer;
    private final int batchSize;

    PayloadBatches(
            MappingCatalog mappings, PayloadStore payloads, RecordTransformer transformer, HubProperties properties) {
        this.mappings = mappings;
        this.payloads = payloads;
        this.transformer = transformer;
        this.batchSize = properties.getBatchSize();
    }

    public Iterator<CheckedBatch> readAndCheck(Exchange exchange) throws IOException, PayloadRejectedException {
        PayloadContext payload = exchange.getProperty(Headers.CONTEXT, PayloadContext.class);
        Mapping mapping = mappings.get(payload.mapping());
        RowSource reader = null;
        try {
            reader = open(payload, mapping);
            BoundMapping bound = mapping.bind(reader.header(), department(payload.department()))
                    .requireIdentifyingColumns();
            List<String> warnings = new ArrayList<>(reader.warnings());
            if (!bound.unknownColumns().isEmpty()) {
                warnings.add("未识别的列已忽略：" + String.join("、", bound.unknownColumns()));
            }
            if (!warnings.isEmpty()) {
                payloads.setWarnings(payload.payloadId(), String.join("；", warnings));
            }
            LOG.info("Reading {} ({}) with mapping {}", payload.fileName(), reader.describe(), mapping.name());
            return new Batches(payload, bound, reader, transformer, batchSize);
        } catch (PayloadException e) {
            closeQuietly(reader);
            throw new PayloadRejectedException(e.code(), reason(e, mapping));
        } catch (MissingColumnsException e) {
            closeQuietly(reader);
            throw new PayloadRejectedException(e.code(), e.getMessage());
        }
    }

    /** A workbook reader knows the mapping's columns only as a test, so the columns expected are named here. */
    private static String reason(PayloadException e, Mapping mapping) {
        if (!ExcelRecordReader.HEADER_NOT_FOUND.equals(e.code())) {
            return e.getMessage();
        }
        return e.getMessage() + "表头须包含以下列：" + String.join("、", mapping.requiredColumns()) + "（映射 " + mapping.name()
                + "，可下载该映射的模板对照）。";
    }

    /**
     * The reader the file's format needs; a workbook's header row is the one the mapping recognises. A workbook is read
     * by its content, whatever its extension claims.
     */
    public static RowSource open(PayloadContext payload, Mapping mapping)
            throws IOException, PayloadException, PayloadRejectedException {
        String name = payload.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".records.xml")) {
            return RecordsXmlReader.open(Files.newInputStream(payload.archived()));
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CsvRecordReader.open(
                    Files.newInputStream(payload.archived()), mapping.encoding(), mapping.delimiter());
        }
        if (name.endsWith(".jsonl")) {
            return JsonLinesRecordReader.open(payload.archived());
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
            return WorkbookFiles.open(payload.archived(), payload.fileName(), mapping::knowsColumn);
        }
        throw new PayloadRejectedException(
                "UNSUPPORTED_FORMAT", "文件“" + payload.fileName() + "”不是支持的格式（.csv、.txt、.xlsx、.xlsm、.xls）");
    }

    private static void closeQuietly(RowSource reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.warn("Closing a rejected payload's reader failed", e);
            }
        }
    }

    /** What a mapping's defaults may name ({department.name} …): also the console's entry form fills them so. */
    public static Map<String, String> department(Department d) {
        Map<String, String> values = new HashMap<>();
        values.put("code", d.getCode());
        values.put("name", d.getName());
        values.put("uscc", d.getUscc());
        return values;
    }

    /**
     * Reads, maps and validates the next batch on a thread of its own while the route's thread stores the current one:
     * the two halves of the work overlap instead of taking turns, and batches still reach the store in file order
     * (they must: a correction in a later batch has to follow the decision it corrects). One batch ahead at most, so
     * memory stays bounded. Closeable, so the splitter stops the reading and closes the file when done or failed.
     */
    private static final class Batches implements Iterator<CheckedBatch>, Closeable {
        private record Ahead(CheckedBatch batch, boolean more) {}

        private final PayloadContext payload;
        private final BoundMapping mapping;
        private final RowSource reader;
        private final RecordTransformer transformer;
        private final int size;
        private final ExecutorService readAhead;
        private Future<Ahead> next;

        Batches(
                PayloadContext payload,
                BoundMapping mapping,
                RowSource reader,
                RecordTransformer transformer,
                int size) {
            this.payload = payload;
            this.mapping = mapping;
            this.reader = reader;
            this.transformer = transformer;
            this.size = size;
            this.readAhead = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "huiju-read-ahead-" + payload.payloadId());
                t.setDaemon(true);
                return t;
            });
            this.next = readAhead.submit(this::readAndCheck);
        }

        private Ahead readAndCheck() {
            MDC.put(Headers.PAYLOAD_ID, payload.payloadId());
            List<RawRecord> rows = new ArrayList<>(size);
            while (rows.size() < size && reader.hasNext()) {
                rows.add(reader.next());
            }
            CheckedBatch checked = transformer.transform(new RowBatch(payload, mapping, rows));
            return new Ahead(checked, reader.hasNext());
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public CheckedBatch next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Ahead ahead;
            try {
                ahead = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + payload.fileName(), e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            next = ahead.more() ? readAhead.submit(this::readAndCheck) : null;
            return ahead.batch();
        }

        @Override
        public void close() throws IOException {
            readAhead.shutdownNow();
            reader.close();
        }
    }
}
