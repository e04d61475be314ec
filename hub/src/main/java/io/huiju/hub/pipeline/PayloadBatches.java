package io.huiju.hub.pipeline;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.store.PayloadStore;
import io.huiju.transform.RawRecord;
import io.huiju.transform.map.BoundMapping;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.map.MissingColumnsException;
import io.huiju.transform.read.CsvRecordReader;
import io.huiju.transform.read.PayloadException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the archived payload with the reader its format needs, binds the feed's mapping to its header, and hands the
 * rows on in batches. The splitter pulls batches one at a time, so only one batch of a payload is ever in memory.
 */
@Component("payloadBatches")
public class PayloadBatches {

    private static final Logger LOG = LoggerFactory.getLogger(PayloadBatches.class);

    private final MappingCatalog mappings;
    private final PayloadStore payloads;
    private final int batchSize;

    PayloadBatches(MappingCatalog mappings, PayloadStore payloads, HubProperties properties) {
        this.mappings = mappings;
        this.payloads = payloads;
        this.batchSize = properties.getBatchSize();
    }

    public Iterator<RowBatch> open(Exchange exchange) throws IOException, PayloadRejectedException {
        PayloadContext payload = exchange.getProperty(Headers.CONTEXT, PayloadContext.class);
        Mapping mapping = mappings.get(payload.mapping());
        String name = payload.fileName().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".csv") || name.endsWith(".txt"))) {
            throw new PayloadRejectedException("UNSUPPORTED_FORMAT", "文件“" + payload.fileName() + "”不是支持的格式（.csv）");
        }
        InputStream in = Files.newInputStream(payload.archived());
        try {
            CsvRecordReader reader = CsvRecordReader.open(in, mapping.encoding(), mapping.delimiter());
            BoundMapping bound = mapping.bind(reader.header(), department(payload.department()))
                    .requireIdentifyingColumns();
            List<String> warnings = new ArrayList<>(reader.warnings());
            if (!bound.unknownColumns().isEmpty()) {
                warnings.add("未识别的列已忽略：" + String.join("、", bound.unknownColumns()));
            }
            if (!warnings.isEmpty()) {
                payloads.setWarnings(payload.payloadId(), String.join("；", warnings));
            }
            LOG.info("Reading {} as {} with mapping {}", payload.fileName(), reader.charset(), mapping.name());
            return new Batches(payload, bound, reader, batchSize);
        } catch (PayloadException e) {
            in.close();
            throw new PayloadRejectedException(e.code(), e.getMessage());
        } catch (MissingColumnsException e) {
            in.close();
            throw new PayloadRejectedException(e.code(), e.getMessage());
        }
    }

    private static Map<String, String> department(Department d) {
        Map<String, String> values = new HashMap<>();
        values.put("code", d.getCode());
        values.put("name", d.getName());
        values.put("uscc", d.getUscc());
        return values;
    }

    /** Closeable, so the splitter closes the file when it is done or fails. */
    private static final class Batches implements Iterator<RowBatch>, Closeable {
        private final PayloadContext payload;
        private final BoundMapping mapping;
        private final CsvRecordReader reader;
        private final int size;

        Batches(PayloadContext payload, BoundMapping mapping, CsvRecordReader reader, int size) {
            this.payload = payload;
            this.mapping = mapping;
            this.reader = reader;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return reader.hasNext();
        }

        @Override
        public RowBatch next() {
            if (!reader.hasNext()) {
                throw new NoSuchElementException();
            }
            List<RawRecord> rows = new ArrayList<>(size);
            while (rows.size() < size && reader.hasNext()) {
                rows.add(reader.next());
            }
            return new RowBatch(payload, mapping, rows);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
