package io.huiju.hub.console.monitor;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured departments with their reporting periods, read (and checked) once at start-up. */
@Component
class ReportingSchedule {

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, ReportingFrequency> frequencies = new LinkedHashMap<>();
    private final MonitorProperties properties;
    private final Clock clock;

    ReportingSchedule(HubProperties hub, MonitorProperties properties, Clock clock) {
        for (Department d : hub.getDepartments()) {
            departments.put(d.getCode(), d);
            frequencies.put(d.getCode(), ReportingFrequency.of(d.getCode(), d.getFrequency()));
        }
        this.properties = properties;
        this.clock = clock;
    }

    Optional<ReportingStatus> status(String department, Map<String, Instant> lastReports) {
        return Optional.ofNullable(departments.get(department)).map(d -> status(d, lastReports.get(d.getCode())));
    }

    /** Every department, in the order of the configuration. */
    List<ReportingStatus> statuses(Map<String, Instant> lastReports) {
        return departments.values().stream()
                .map(d -> status(d, lastReports.get(d.getCode())))
                .toList();
    }

    Instant now() {
        return clock.instant();
    }

    java.time.ZoneId zone() {
        return clock.getZone();
    }

    private ReportingStatus status(Department d, Instant last) {
        ReportingFrequency frequency = frequencies.get(d.getCode());
        Instant due = last == null
                ? null
                : last.atZone(clock.getZone())
                        .plus(frequency.period())
                        .plus(properties.getGrace())
                        .toInstant();
        boolean overdue = due == null || due.isBefore(clock.instant());
        return new ReportingStatus(d.getCode(), d.getName(), d.getEmail(), frequency, last, due, overdue);
    }
}
