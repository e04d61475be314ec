package io.huiju.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 行政处罚. Amounts are in 万元 (ten thousand yuan), as the national standard has them, with trailing zeros stripped so
 * that {@code 0.20} and {@code 0.2} hash the same.
 */
public record PenaltyDetails(
        String violationType,
        String facts,
        String legalBasis,
        List<String> kinds,
        BigDecimal fineAmount,
        BigDecimal confiscatedAmount,
        String suspendedLicense,
        LocalDate publicityDeadline)
        implements Details {

    public PenaltyDetails {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        fineAmount = fineAmount == null ? null : fineAmount.stripTrailingZeros();
        confiscatedAmount = confiscatedAmount == null ? null : confiscatedAmount.stripTrailingZeros();
    }
}
