package io.huiju.hub.pipeline;

/**
 * The payload as a whole cannot be read (empty, not text, no usable header, unknown department or format). The reason
 * goes back to the department; the original stays archived.
 */
public class PayloadRejectedException extends Exception {

    private final String code;

    public PayloadRejectedException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
