package io.huiju.hub.console.monitor;

import io.huiju.hub.console.monitor.MonitorQueries.CodeCount;
import io.huiju.hub.console.monitor.MonitorQueries.DecisionLag;
import io.huiju.hub.console.monitor.MonitorQueries.DepartmentDayCount;
import io.huiju.hub.console.monitor.MonitorQueries.PayloadDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The dashboard's JSON: each department against its period, its counts and quality rates, and the charts' series. */
@Component
class Dashboard {

    private static final int REJECT_REASONS = 10;
    private static final int MOST_OVERDUE = 10;
    private static final int REMINDERS = 50;

    record View(
            Instant generatedAt,
            long windowDays,
            int timelyWorkingDays,
            List<DepartmentRow> departments,
            Totals totals,
            Charts charts,
            List<ReminderLog.Entry> reminders) {}

    record DepartmentRow(
            String code,
            String name,
            String frequency,
            boolean hasEmail,
            Instant lastReport,
            Instant dueBy,
            boolean overdue,
            Long daysOverdue,
            Totals totals,
            long openConflicts,
            Instant lastReminder) {}

    record Totals(
            long payloads,
            long received,
            long stored,
            long unchanged,
            long rejected,
            long conflicts,
            QualityCounts.Rates quality) {}

    record Charts(
            List<LocalDate> days,
            Map<String, List<Long>> recordsPerDay,
            List<CodeCount> rejectReasons,
            List<Overdue> mostOverdue,
            Map<String, List<Double>> qualityTrend) {}

    record Overdue(String code, String name, long days) {}

    private final MonitorQueries queries;
    private final ReportingSchedule schedule;
    private final ReminderLog reminders;
    private final MonitorProperties properties;

    Dashboard(MonitorQueries queries, ReportingSchedule schedule, ReminderLog reminders, MonitorProperties properties) {
        this.queries = queries;
        this.schedule = schedule;
        this.reminders = reminders;
        this.properties = properties;
    }

    View view() {
        Instant now = schedule.now();
        Instant since = now.minus(properties.getWindow());
        List<PayloadDay> payloadDays = queries.payloadDays(since);
        List<DepartmentDayCount> missing = queries.rowsMissingValues(since);
        List<DecisionLag> lags = queries.decisionLags(since);
        Map<String, Long> openConflicts = queries.openConflicts();
        Map<String, Instant> reminded = reminders.lastSent();

        Map<String, Accumulated> byDepartment = accumulate(
                payloadDays,
                missing,
                lags,
                PayloadDay::department,
                DepartmentDayCount::department,
                DecisionLag::department);
        Map<LocalDate, Accumulated> byDay =
                accumulate(payloadDays, missing, lags, PayloadDay::day, DepartmentDayCount::day, DecisionLag::received);
        Accumulated all = new Accumulated();
        byDepartment.values().forEach(all::add);

        List<DepartmentRow> rows = new ArrayList<>();
        List<Overdue> overdue = new ArrayList<>();
        for (ReportingStatus s : schedule.statuses(queries.lastReports())) {
            Accumulated a = byDepartment.getOrDefault(s.department(), new Accumulated());
            Long days = s.daysOverdue(now);
            rows.add(new DepartmentRow(
                    s.department(),
                    s.name(),
                    s.frequency().configured(),
                    s.email() != null && !s.email().isBlank(),
                    s.lastReport(),
                    s.dueBy(),
                    s.overdue(),
                    days,
                    a.totals(),
                    openConflicts.getOrDefault(s.department(), 0L),
                    reminded.get(s.department())));
            if (days != null) {
                overdue.add(new Overdue(s.department(), s.name(), days));
            }
        }
        overdue.sort(Comparator.comparingLong(Overdue::days).reversed());

        List<LocalDate> days = days(since, now);
        return new View(
                now,
                properties.getWindow().toDays(),
                properties.getTimelyWorkingDays(),
                rows,
                all.totals(),
                new Charts(
                        days,
                        recordsPerDay(days, since),
                        queries.rejectReasons(since, REJECT_REASONS),
                        overdue.subList(0, Math.min(MOST_OVERDUE, overdue.size())),
                        qualityTrend(days, byDay)),
                reminders.latest(REMINDERS));
    }

    private <K> Map<K, Accumulated> accumulate(
            List<PayloadDay> payloadDays,
            List<DepartmentDayCount> missing,
            List<DecisionLag> lags,
            Function<PayloadDay, K> payloadKey,
            Function<DepartmentDayCount, K> missingKey,
            Function<DecisionLag, K> lagKey) {
        Map<K, Accumulated> by = new LinkedHashMap<>();
        for (PayloadDay p : payloadDays) {
            by.computeIfAbsent(payloadKey.apply(p), k -> new Accumulated()).add(p);
        }
        for (DepartmentDayCount m : missing) {
            by.computeIfAbsent(missingKey.apply(m), k -> new Accumulated()).quality.missingValues += m.count();
        }
        for (DecisionLag l : lags) {
            QualityCounts q = by.computeIfAbsent(lagKey.apply(l), k -> new Accumulated()).quality;
            q.dated += l.count();
            if (WorkingDays.within(l.decided(), l.received(), properties.getTimelyWorkingDays())) {
                q.onTime += l.count();
            }
        }
        return by;
    }

    private Map<String, List<Long>> recordsPerDay(List<LocalDate> days, Instant since) {
        Map<String, Map<LocalDate, Long>> byCategory = new TreeMap<>();
        for (MonitorQueries.CategoryDay c : queries.recordsPerDay(since)) {
            byCategory.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(c.day(), c.count(), Long::sum);
        }
        Map<String, List<Long>> series = new LinkedHashMap<>();
        byCategory.forEach((category, counts) -> series.put(
                category, days.stream().map(d -> counts.getOrDefault(d, 0L)).toList()));
        return series;
    }

    private static Map<String, List<Double>> qualityTrend(List<LocalDate> days, Map<LocalDate, Accumulated> byDay) {
        List<QualityCounts.Rates> rates = days.stream()
                .map(d -> byDay.containsKey(d)
                        ? byDay.get(d).quality.rates()
                        : new QualityCounts.Rates(null, null, null, null))
                .toList();
        Map<String, List<Double>> trend = new LinkedHashMap<>();
        trend.put(
                "completeness",
                rates.stream().map(QualityCounts.Rates::completeness).toList());
        trend.put("validity", rates.stream().map(QualityCounts.Rates::validity).toList());
        trend.put(
                "timeliness",
                rates.stream().map(QualityCounts.Rates::timeliness).toList());
        trend.put(
                "consistency",
                rates.stream().map(QualityCounts.Rates::consistency).toList());
        return trend;
    }

    private List<LocalDate> days(Instant since, Instant now) {
        LocalDate first = since.atZone(schedule.zone()).toLocalDate();
        LocalDate last = now.atZone(schedule.zone()).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** Payload counts and quality counts of one department or one day. */
    private static final class Accumulated {
        long payloads;
        long stored;
        long unchanged;
        final QualityCounts quality = new QualityCounts();

        void add(PayloadDay p) {
            payloads += p.payloads();
            stored += p.stored();
            unchanged += p.unchanged();
            quality.received += p.received();
            quality.rejected += p.rejected();
            quality.conflicts += p.conflicts();
        }

        void add(Accumulated o) {
            payloads += o.payloads;
            stored += o.stored;
            unchanged += o.unchanged;
            quality.received += o.quality.received;
            quality.rejected += o.quality.rejected;
            quality.conflicts += o.quality.conflicts;
            quality.missingValues += o.quality.missingValues;
            quality.dated += o.quality.dated;
            quality.onTime += o.quality.onTime;
        }

        Totals totals() {
            return new Totals(
                    payloads,
                    quality.received,
                    stored,
                    unchanged,
                    quality.rejected,
                    quality.conflicts,
                    quality.rates());
        }
    }
}
