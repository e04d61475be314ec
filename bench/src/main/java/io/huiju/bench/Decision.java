package io.huiju.bench;

import io.huiju.model.SubjectKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One penalty decision before it becomes a CSV row; the generator corrects it to make an update. */
record Decision(
        Subject subject,
        Offence offence,
        Authority authority,
        List<String> kinds,
        long fineYuan,
        long gainYuan,
        String facts,
        String licence,
        int duration,
        LocalDate decisionDate,
        int publicityYears,
        String documentNumber,
        String remarks) {

    Decision withDocumentNumber(String number) {
        return new Decision(
                subject,
                offence,
                authority,
                kinds,
                fineYuan,
                gainYuan,
                facts,
                licence,
                duration,
                decisionDate,
                publicityYears,
                number,
                remarks);
    }

    Decision corrected(long newFineYuan, String newFacts, String newRemarks) {
        return new Decision(
                subject,
                offence,
                authority,
                kinds,
                newFineYuan,
                gainYuan,
                newFacts,
                licence,
                duration,
                decisionDate,
                publicityYears,
                documentNumber,
                newRemarks);
    }

    String[] toRow() {
        String[] row = new String[PenaltyLayout.HEADERS.size()];
        boolean person = subject.kind() == SubjectKind.NATURAL_PERSON;
        LocalDate deadline = decisionDate.plusYears(publicityYears);
        row[PenaltyLayout.SUBJECT_NAME] = subject.name();
        row[PenaltyLayout.SUBJECT_KIND] = subject.kind().label();
        row[PenaltyLayout.USCC] = subject.uscc();
        row[PenaltyLayout.LEGAL_REP] = subject.representative();
        row[PenaltyLayout.LEGAL_REP_ID_TYPE] = person ? "" : "身份证";
        row[PenaltyLayout.LEGAL_REP_ID] = subject.representativeId();
        row[PenaltyLayout.ID_TYPE] = person ? "身份证" : "";
        row[PenaltyLayout.ID_NUMBER] = subject.idNumber();
        row[PenaltyLayout.DOCUMENT_NUMBER] = documentNumber;
        row[PenaltyLayout.VIOLATION_TYPE] = offence.type();
        row[PenaltyLayout.FACTS] = facts;
        row[PenaltyLayout.LEGAL_BASIS] = offence.legalBasis();
        row[PenaltyLayout.KINDS] = String.join("、", kinds);
        row[PenaltyLayout.CONTENT] = content();
        row[PenaltyLayout.FINE] = fineYuan > 0 ? wan(fineYuan) : "";
        row[PenaltyLayout.CONFISCATED] = kinds.contains("没收违法所得") ? wan(gainYuan) : "";
        row[PenaltyLayout.LICENCE] = licence;
        row[PenaltyLayout.DECISION_DATE] = decisionDate.toString();
        row[PenaltyLayout.VALID_UNTIL] = deadline.toString();
        row[PenaltyLayout.PUBLICITY_DEADLINE] = deadline.toString();
        row[PenaltyLayout.AUTHORITY] = authority.name();
        row[PenaltyLayout.AUTHORITY_USCC] = authority.uscc();
        row[PenaltyLayout.SOURCE] = authority.name();
        row[PenaltyLayout.SOURCE_USCC] = authority.uscc();
        row[PenaltyLayout.REMARKS] = remarks;
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                row[i] = "";
            }
        }
        return row;
    }

    /** 2000 元 → "0.2" (CREDIT-DATA §6 rule 3: amounts are in 万元). */
    static String wan(long yuan) {
        return BigDecimal.valueOf(yuan).movePointLeft(4).stripTrailingZeros().toPlainString();
    }

    private String content() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.size() > 1) {
                b.append(i + 1).append('.');
            }
            b.append(contentOf(kinds.get(i)));
            b.append(i + 1 < kinds.size() ? "；" : "。");
        }
        return b.toString();
    }

    private String contentOf(String kind) {
        return switch (kind) {
            case "警告" -> "给予警告";
            case "罚款" -> "罚款人民币" + fineYuan + "元";
            case "没收违法所得" -> "没收违法所得人民币" + gainYuan + "元";
            case "没收非法财物" -> "没收涉案物品";
            case "暂扣许可证件" -> "暂扣" + offence.licence() + duration + "个月";
            case "吊销许可证件" -> "吊销" + offence.licence();
            case "限制开展生产经营活动" -> "暂停涉及医疗保障基金使用的医药服务" + duration + "个月";
            case "责令停产停业" -> "责令停产停业" + duration + "日";
            case "限制从业" -> "法定代表人五年内不得从事食品生产经营管理工作";
            case "行政拘留" -> "行政拘留" + duration + "日";
            default -> kind;
        };
    }
}
