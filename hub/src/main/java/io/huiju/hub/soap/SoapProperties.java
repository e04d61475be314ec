package io.huiju.hub.soap;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The SOAP channel ({@code /services/credit}, SOAP 1.2 at {@code /services/credit12}), under {@code huiju.soap.*}.
 * The XML limits are CXF's {@code org.apache.cxf.stax.*} settings for both endpoints: a request over any of them is
 * refused while it is parsed, before anything is stored.
 */
@Validated
@ConfigurationProperties("huiju.soap")
public class SoapProperties {

    /** Largest request body; larger ones are refused with PAYLOAD_TOO_LARGE, unread when Content-Length says so. */
    @NotNull
    private DataSize maxBodySize = DataSize.ofMegabytes(20);

    /** Deepest element nesting (an envelope with a security header and a batch needs about 8). */
    @Min(8)
    private int maxElementDepth = 32;

    /** Most children of one element: records in a batch, fields in a record. */
    @Min(1)
    private int maxChildElements = 100_000;

    /** Longest text of one element, in characters (a field value may have 4,000). */
    @Min(4000)
    private int maxTextLength = 65_536;

    /** Most attributes on one element. */
    @Min(4)
    private int maxAttributeCount = 32;

    /** A batch of at most this many records is processed before the answer, which then holds the receipt. */
    @Min(0)
    private int syncMaxRecords = 100;

    /** How long a small batch is waited for; past it the answer gives the payload id only. */
    @NotNull
    private Duration syncTimeout = Duration.ofSeconds(20);

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxElementDepth() {
        return maxElementDepth;
    }

    public void setMaxElementDepth(int maxElementDepth) {
        this.maxElementDepth = maxElementDepth;
    }

    public int getMaxChildElements() {
        return maxChildElements;
    }

    public void setMaxChildElements(int maxChildElements) {
        this.maxChildElements = maxChildElements;
    }

    public int getMaxTextLength() {
        return maxTextLength;
    }

    public void setMaxTextLength(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    public int getMaxAttributeCount() {
        return maxAttributeCount;
    }

    public void setMaxAttributeCount(int maxAttributeCount) {
        this.maxAttributeCount = maxAttributeCount;
    }

    public int getSyncMaxRecords() {
        return syncMaxRecords;
    }

    public void setSyncMaxRecords(int syncMaxRecords) {
        this.syncMaxRecords = syncMaxRecords;
    }

    public Duration getSyncTimeout() {
        return syncTimeout;
    }

    public void setSyncTimeout(Duration syncTimeout) {
        this.syncTimeout = syncTimeout;
    }
}
