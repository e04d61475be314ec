package io.huiju.transform.read;

import io.huiju.transform.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the hub's records document ({@code .records.xml}), the form in which a channel that receives records rather
 * than a file (SOAP) archives them:
 *
 * <pre>{@code
 * <records xmlns="urn:huiju:records:1">
 *   <columns><column>CF_XDR_MC</column><column>CF_WSH</column>…</columns>
 *   <record><field code="CF_XDR_MC">…</field><field code="CF_WSH">…</field></record>
 * </records>
 * }</pre>
 *
 * The columns (every field code used, in order of first use) are the header the mapping binds to; each record maps
 * code → text. {@link RawRecord#line()} is the record's 1-based position in the document, which is its position in the
 * batch the department sent. A record naming a field twice or a field outside the columns is defective. A DOCTYPE is
 * refused and nothing external is ever read. One record in memory at a time. Not thread-safe.
 */
public final class RecordsXmlReader implements RowSource {

    public static final String NAMESPACE = "urn:huiju:records:1";
    public static final String DUPLICATE_FIELD = "DUPLICATE_FIELD";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";

    private static final XMLInputFactory XML = secureFactory();

    private final InputStream in;
    private final XMLStreamReader xml;
    private final List<String> header;
    private long index;
    private RawRecord next;

    private RecordsXmlReader(InputStream in, XMLStreamReader xml, List<String> header) {
        this.in = in;
        this.xml = xml;
        this.header = List.copyOf(header);
    }

    /** Reads up to the first record; the reader owns the stream, and a failing {@code open} closes it. */
    public static RecordsXmlReader open(InputStream in) throws PayloadException {
        XMLStreamReader xml = null;
        try {
            xml = XML.createXMLStreamReader(in, "UTF-8");
            expectStart(xml, "records");
            expectStart(xml, "columns");
            List<String> columns = new ArrayList<>();
            while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
                columns.add(xml.getElementText().trim());
            }
            if (columns.isEmpty()) {
                throw new PayloadException(PayloadException.EMPTY_FILE, "数据包中没有任何字段");
            }
            RecordsXmlReader reader = new RecordsXmlReader(in, xml, columns);
            reader.advance();
            return reader;
        } catch (XMLStreamException e) {
            closeQuietly(xml, in);
            throw new PayloadException(PayloadException.READ_ERROR, "数据包不是有效的记录文档：" + e.getMessage(), e);
        } catch (PayloadException | RuntimeException e) {
            closeQuietly(xml, in);
            throw e;
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
        return "records document, " + header.size() + " field code(s)";
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        RawRecord current = next;
        advance();
        return current;
    }

    private void advance() {
        next = null;
        try {
            if (nextTag(xml) != XMLStreamConstants.START_ELEMENT) {
                return;
            }
            index++;
            Map<String, String> fields = new LinkedHashMap<>();
            String defectCode = null;
            String defect = null;
            while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
                String code = xml.getAttributeValue(null, "code");
                String value = xml.getElementText();
                if (fields.containsKey(code)) {
                    defectCode = DUPLICATE_FIELD;
                    defect = "字段“" + code + "”在同一条记录中出现了两次";
                } else if (!header.contains(code)) {
                    defectCode = UNKNOWN_FIELD;
                    defect = "字段“" + code + "”不在数据包的字段列表中";
                } else {
                    fields.put(code, value);
                }
            }
            next = defect == null
                    ? RawRecord.of(index, fields)
                    : RawRecord.defective(index, fields, defectCode, defect);
        } catch (XMLStreamException e) {
            // the archive is written by the hub itself: a broken one cannot be read on soundly
            next = RawRecord.defective(
                    index, Map.of(), PayloadException.READ_ERROR, "数据包第 " + index + " 条记录无法读取：" + e.getMessage());
            index = Long.MAX_VALUE;
        }
    }

    /** The next start or end tag, skipping whitespace and comments. */
    private static int nextTag(XMLStreamReader xml) throws XMLStreamException {
        if (!xml.hasNext()) {
            return XMLStreamConstants.END_DOCUMENT;
        }
        return xml.nextTag();
    }

    private static void expectStart(XMLStreamReader xml, String name) throws XMLStreamException, PayloadException {
        if (nextTag(xml) != XMLStreamConstants.START_ELEMENT
                || !name.equals(xml.getLocalName())
                || !NAMESPACE.equals(xml.getNamespaceURI())) {
            throw new PayloadException(PayloadException.READ_ERROR, "数据包不是平台的记录文档（缺少 " + name + "）");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream is closed below either way
        }
        in.close();
    }

    private static void closeQuietly(XMLStreamReader xml, InputStream in) {
        try {
            if (xml != null) {
                xml.close();
            }
            in.close();
        } catch (XMLStreamException | IOException e) {
            // already failing
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
