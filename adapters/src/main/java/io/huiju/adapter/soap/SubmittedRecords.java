package io.huiju.adapter.soap;

import io.huiju.adapter.soap.api.Field;
import io.huiju.adapter.soap.api.Record;
import io.huiju.adapter.soap.api.Submit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a submitted batch as the hub's records document ({@code urn:huiju:records:1}, read by
 * {@code io.huiju.transform.read.RecordsXmlReader}): what the department sent, record by record and field by field,
 * in its order, with the field codes it used as the columns. The same records give the same bytes, so a batch sent
 * twice is recognised as a re-send by its hash.
 */
public final class SubmittedRecords {

    public static final String NAMESPACE = "urn:huiju:records:1";
    /** What the archived document's name ends with; the pipeline picks its reader by it. */
    public static final String EXTENSION = ".records.xml";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private SubmittedRecords() {}

    public static void write(Submit batch, OutputStream out) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        for (Record r : batch.getRecord()) {
            for (Field f : r.getField()) {
                columns.add(f.getCode());
            }
        }
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("records");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeCharacters("\n");
            xml.writeStartElement("columns");
            for (String c : columns) {
                xml.writeStartElement("column");
                xml.writeCharacters(c);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            for (Record r : batch.getRecord()) {
                xml.writeCharacters("\n");
                xml.writeStartElement("record");
                for (Field f : r.getField()) {
                    xml.writeStartElement("field");
                    xml.writeAttribute("code", f.getCode());
                    xml.writeCharacters(f.getValue() == null ? "" : f.getValue());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("records document could not be written", e);
        }
    }
}
