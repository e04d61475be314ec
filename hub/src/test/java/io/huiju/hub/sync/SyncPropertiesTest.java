package io.huiju.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A role that could not work is refused at start-up, with words an operator can act on. */
class SyncPropertiesTest {

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theDefaultIsAStandaloneHub() {
        SyncProperties sync = new SyncProperties();
        assertThat(sync.getRole()).isEqualTo(SyncProperties.Role.NONE);
        assertThat(violations(sync)).isEmpty();
    }

    @Test
    void aProvinceMustServeCities() {
        SyncProperties sync = new SyncProperties();
        sync.setRole(SyncProperties.Role.PROVINCE);
        sync.setRegionCode("350000");
        assertThat(violations(sync)).containsExactly("huiju.sync.cities must name the cities a province serves");

        sync.setCities(List.of("350800"));
        assertThat(violations(sync)).isEmpty();
        assertThat(sync.inboundAddress()).isEqualTo("huiju.sync.up");
    }

    @Test
    void aCityHasACityCode() {
        SyncProperties sync = new SyncProperties();
        sync.setRole(SyncProperties.Role.CITY);
        sync.setRegionCode("350000");
        assertThat(violations(sync))
                .containsExactly("huiju.sync.region-code of a city must be a prefecture-level code (e.g. 350800)");

        sync.setRegionCode("350800");
        assertThat(violations(sync)).isEmpty();
        assertThat(sync.inboundAddress()).isEqualTo("huiju.sync.down.350800");
    }

    private List<String> violations(SyncProperties sync) {
        return validator.validate(sync).stream()
                .map(ConstraintViolation::getMessage)
                .toList();
    }
}
