package io.huiju.adapter.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a request body over the limit before it is parsed: at once when its Content-Length says so, else (chunked)
 * as soon as that many bytes have been read. Either way the fault is {@link SoapFaults#PAYLOAD_TOO_LARGE}.
 */
public final class BodySizeLimit extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;

    public BodySizeLimit(long maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        long declared = contentLength(message);
        if (declared > maxBytes) {
            throw SoapFaults.fault(SoapFaults.PAYLOAD_TOO_LARGE, tooLarge());
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Limited(in, maxBytes, tooLarge()));
        }
    }

    private String tooLarge() {
        return "请求体超过平台允许的 " + maxBytes + " 字节，请分批报送";
    }

    private static long contentLength(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(h.getKey())
                        && !h.getValue().isEmpty()) {
                    try {
                        return Long.parseLong(h.getValue().get(0).trim());
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /** Thrown from inside the parser when the limit is passed; the fault mapping looks for it in the cause chain. */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String message;
        private long count;

        Limited(InputStream in, long max, String message) {
            super(in);
            this.max = max;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge(message);
            }
        }
    }
}
