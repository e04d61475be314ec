package io.huiju.hub.pipeline;

/** Exchange headers the channel routes set and the pipeline reads; also copied into the log MDC. */
public final class Headers {

    /** Department code: set by the channel that authenticated the sender. */
    public static final String DEPARTMENT = "HuijuDepartment";
    /** Channel name, one of {@link io.huiju.model.Channel}. */
    public static final String CHANNEL = "HuijuChannel";
    /** Name of the mapping that reads this feed. */
    public static final String MAPPING = "HuijuMapping";
    /** Assigned when the payload is archived. */
    public static final String PAYLOAD_ID = "HuijuPayloadId";
    /** Set when the same bytes were already processed for this department. */
    public static final String DUPLICATE_OF = "HuijuDuplicateOf";
    /** {@code .done} or {@code .error}: where a file channel moves the file it took. */
    public static final String OUTCOME_FOLDER = "HuijuOutcomeFolder";
    /** Path of the payload's feedback file once written: channels that answer the sender (FTP) send it back. */
    public static final String FEEDBACK_FILE = "HuijuFeedbackFile";
    /** Path of the payload's receipt (JSON) once written, whatever the outcome. */
    public static final String RECEIPT_FILE = "HuijuReceiptFile";
    /** Set by a channel that saw the transfer break off: the payload is archived and rejected, never read. */
    public static final String UPLOAD_INCOMPLETE = "HuijuUploadIncomplete";
    /** Exchange property: the payload id a channel assigned before sending (see {@link PayloadArchiver}). */
    public static final String ASSIGNED_PAYLOAD_ID = "HuijuAssignedPayloadId";
    /** Exchange property holding the {@link PayloadContext}. */
    static final String CONTEXT = "HuijuPayload";

    private Headers() {}
}
