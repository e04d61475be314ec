package io.huiju.model;

import java.time.LocalDate;

/** The decision common to every category: document, dates, content, the authority that made it and who reported it. */
public record Decision(
        String documentName,
        String documentNumber,
        LocalDate date,
        LocalDate validFrom,
        LocalDate validTo,
        String content,
        String authority,
        String authorityCode,
        String sourceDepartment,
        String sourceDepartmentCode,
        String status,
        String remarks) {}
