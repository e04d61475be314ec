package io.huiju.hub.console.monitor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The Chinese subject and body of a reminder, naming the department, its period and what is overdue. */
final class ReminderText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReminderText() {}

    static Reminder of(ReportingStatus s, String triggeredBy, ZoneId zone) {
        String subject = "【催报】" + s.name() + "：信用数据报送已逾期";
        String last = s.lastReport() == null
                ? "平台尚未收到贵单位的任何报送。"
                : "平台最近一次收到贵单位的报送是 " + TIME.format(s.lastReport().atZone(zone))
                        + "，应于 " + TIME.format(s.dueBy().atZone(zone).truncatedTo(ChronoUnit.MINUTES))
                        + " 前再次报送，现已逾期。";
        String body = s.name() + "：\n\n"
                + "按约定，贵单位应" + period(s.frequency()) + "向汇聚信用数据报送平台报送一次行政许可、行政处罚等信用数据"
                + "（报送周期 " + s.frequency().configured() + "）。" + last + "\n\n"
                + "请尽快通过目录投递、上传或接口报送；报送后本提醒自动解除。如已报送，请在控制台“我的报送”查看回执。\n\n"
                + "—— 汇聚信用数据报送平台（" + ("job".equals(triggeredBy) ? "定时催报" : "操作员 " + triggeredBy + " 催报")
                + "）";
        return new Reminder(s.department(), s.name(), s.email(), subject, body);
    }

    private static String period(ReportingFrequency f) {
        return switch (f.configured()) {
            case "DAILY", "P1D" -> "每日";
            case "WEEKLY", "P7D", "P1W" -> "每周";
            case "MONTHLY", "P1M" -> "每月";
            case "QUARTERLY", "P3M" -> "每季度";
            default -> "每 " + f.period() + " ";
        };
    }
}
