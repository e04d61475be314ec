package io.huiju.hub.console.entry;

import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.pipeline.PayloadBatches;
import io.huiju.model.Channel;
import io.huiju.model.Provenance;
import io.huiju.model.Violation;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.validate.ReasonsInEnglish;
import io.huiju.transform.validate.RecordValidator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks a filled form with the code every channel's rows go through: the layout's mapping (normalising, dates, code
 * tables, defaults) and the {@link RecordValidator} with its rules. Nothing here decides what is valid; it only says
 * which field of the form each problem belongs to.
 */
@Component
class EntryCheck {

    /** One problem, on the form field (canonical path) it belongs to. */
    record Problem(String field, String code, String reason, String reasonEn, String severity) {

        boolean isError() {
            return Violation.Severity.ERROR.name().equals(severity);
        }
    }

    private final EntryForm form;
    private final RecordValidator validator;
    private final Clock clock;

    EntryCheck(EntryForm form, Clock clock) {
        this.form = form;
        this.clock = clock;
        this.validator = new RecordValidator(clock);
    }

    List<Problem> check(EntryCategory category, Department department, Map<String, String> values) {
        Mapping mapping = form.mapping(category);
        Map<String, String> row = form.row(category, values);
        MappedRow mapped = mapping.bind(List.copyOf(row.keySet()), PayloadBatches.department(department))
                .map(
                        RawRecord.of(1, row),
                        new Provenance(
                                department.getCode(),
                                department.getRegionCode(),
                                Channel.WEB,
                                null,
                                1,
                                clock.instant()));
        return validator.validate(mapped).violations().stream()
                .map(v -> new Problem(
                        EntryForm.pathOf(mapping, v.field()),
                        v.code(),
                        v.reason(),
                        ReasonsInEnglish.of(v.code()),
                        v.severity().name()))
                .toList();
    }
}
