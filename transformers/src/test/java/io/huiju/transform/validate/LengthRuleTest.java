package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.DECISION_AUTHORITY_CODE;
import static io.huiju.transform.CanonicalField.DECISION_DOCUMENT_NUMBER;
import static io.huiju.transform.CanonicalField.SUBJECT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LengthRuleTest {

    private final RecordValidator validator =
            new RecordValidator(Clock.fixed(Instant.parse("2024-05-31T16:30:00Z"), ZoneId.of("Asia/Shanghai")));

    @Test
    void aNameLongerThanTheLibraryHoldsIsRejectedWithItsLength() {
        ValidationResult result = validator.validate(
                Rows.penaltyForLegalPerson().with(SUBJECT_NAME, "龙".repeat(501)).build());

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).extracting(Violation::code).containsExactly("TOO_LONG");
        assertThat(result.errors().get(0).reason()).contains("501").contains("500");
    }

    @Test
    void valuesUpToTheLimitsPass() {
        ValidationResult result = validator.validate(Rows.penaltyForLegalPerson()
                .with(SUBJECT_NAME, "龙".repeat(500))
                .with(DECISION_DOCUMENT_NUMBER, "岩".repeat(200))
                .build());

        assertThat(result.violations()).extracting(Violation::code).doesNotContain("TOO_LONG");
    }

    @Test
    void anAuthorityCodeLongerThan32IsRejected() {
        ValidationResult result = validator.validate(Rows.penaltyForLegalPerson()
                .with(DECISION_AUTHORITY_CODE, "1".repeat(33))
                .build());

        assertThat(result.errors()).extracting(Violation::code).contains("TOO_LONG");
    }
}
