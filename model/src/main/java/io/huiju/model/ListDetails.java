package io.huiju.model;

import java.time.LocalDate;

/** Red and black lists: why and when a subject was put on the list, and when and why it came off. */
public record ListDetails(String reason, LocalDate inclusionDate, LocalDate removalDate, String removalReason)
        implements Details {}
