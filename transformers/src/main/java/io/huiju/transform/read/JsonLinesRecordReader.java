package io.huiju.transform.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huiju.transform.RawRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a JSON Lines file (UTF-8, one JSON object per line) as {@link RawRecord}s. The header is the union of the
 * keys of every object, in order of first appearance: a first pass over the file collects them (holding only the key
 * names), the second pass hands the rows on one at a time. {@link RawRecord#line()} is the physical line.
 *
 * <p>Keys starting with {@code @} are the channel's, not the department's, and are never fields: {@code @source} says
 * where the line came from (for a Kafka record {@code topic/partition/offset}) and is quoted in every reason about the
 * line; a line {@code {"@source": ..., "@text": "..."}} carries a record the channel could not embed as an object, as
 * received, and is judged here like a line of its own; a line {@code {"@source": ..., "@defect": code, "@reason":
 * "..."}} is a record the channel already found defective (a Kafka record over the size limit, never copied), and is
 * that defect.
 *
 * <p>Problems of one line become a defective record: {@link #NOT_JSON} (not JSON at all) and {@link #NOT_OBJECT} (JSON,
 * but an array, a string, a number...). A value that is itself an object or array is kept as its JSON text; {@code
 * null} is an empty field. Not thread-safe; must be closed.
 */
public final class JsonLinesRecordReader extends ReadAhead implements RowSource {

    public static final String NOT_JSON = "NOT_JSON";
    public static final String NOT_OBJECT = "NOT_OBJECT";

    static final String SOURCE = "@source";
    static final String TEXT = "@text";
    static final String DEFECT = "@defect";
    static final String REASON = "@reason";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader lines;
    private final List<String> header;
    private long line;

    private JsonLinesRecordReader(BufferedReader lines, List<String> header) {
        this.lines = lines;
        this.header = header;
    }

    public static JsonLinesRecordReader open(Path file) throws PayloadException {
        List<String> header = keys(file);
        try {
            return new JsonLinesRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new PayloadException(PayloadException.READ_ERROR, "读取文件时出错：" + e.getMessage(), e);
        }
    }

    private static List<String> keys(Path file) throws PayloadException {
        Set<String> keys = new LinkedHashSet<>();
        long lines = 0;
        long records = 0;
        RawRecord firstBad = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                lines++;
                if (text.isBlank()) {
                    continue;
                }
                RawRecord record = toRecord(lines, text);
                if (record.isDefective()) {
                    firstBad = firstBad == null ? record : firstBad;
                } else {
                    records++;
                    keys.addAll(record.fields().keySet());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PayloadException(
                    PayloadException.ENCODING, "文件无法按UTF-8读取（JSON Lines须为UTF-8编码）：" + e.getMessage(), e);
        }
        if (firstBad == null && records == 0) {
            throw new PayloadException(PayloadException.EMPTY_FILE, "没有任何记录。");
        }
        // Without one sound record there is no header, and the mapping would blame missing columns instead.
        if (records == 0) {
            throw new PayloadException(firstBad.defectCode(), "没有一条记录是JSON对象，例如：" + firstBad.defect());
        }
        return List.copyOf(keys);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public String describe() {
        return "JSON Lines, UTF-8";
    }

    @Override
    protected RawRecord advance() {
        try {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                line++;
                if (!text.isBlank()) {
                    return toRecord(line, text);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            finish();
            return RawRecord.defective(
                    line + 1, Map.of(), PayloadException.READ_ERROR, "读取第" + (line + 1) + "行时出错：" + e.getMessage());
        }
        finish();
        return null;
    }

    private static RawRecord toRecord(long at, String text) {
        JsonNode node = parse(text);
        String where = "第" + at + "行";
        if (node instanceof ObjectNode object && object.has(SOURCE)) {
            where += "（来源 " + object.get(SOURCE).asText() + "）";
            if (object.has(DEFECT)) {
                return RawRecord.defective(
                        at,
                        Map.of(),
                        object.get(DEFECT).asText(),
                        where + object.path(REASON).asText());
            }
            if (object.has(TEXT)) {
                node = parse(object.get(TEXT).asText());
            }
        }
        if (node == null) {
            return RawRecord.defective(at, Map.of(), NOT_JSON, where + "不是有效的JSON，每条记录须为一个JSON对象");
        }
        if (!(node instanceof ObjectNode object)) {
            return RawRecord.defective(
                    at, Map.of(), NOT_OBJECT, where + "是JSON，但不是对象（" + kind(node) + "），每条记录须为一个JSON对象，以字段代码为键");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().startsWith("@")) {
                fields.put(field.getKey(), text(field.getValue()));
            }
        }
        return RawRecord.of(at, fields);
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "数组";
            case STRING -> "字符串";
            case NUMBER -> "数字";
            case BOOLEAN -> "布尔值";
            case NULL -> "null";
            default -> node.getNodeType().name();
        };
    }

    @Override
    public void close() throws IOException {
        finish();
        lines.close();
    }
}
