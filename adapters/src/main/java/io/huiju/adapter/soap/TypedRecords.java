package io.huiju.adapter.soap;

import io.huiju.adapter.soap.api.Category;
import io.huiju.adapter.soap.api.Field;
import io.huiju.adapter.soap.api.HubFault_Exception;
import io.huiju.adapter.soap.api.License;
import io.huiju.adapter.soap.api.ListEntry;
import io.huiju.adapter.soap.api.ListSubject;
import io.huiju.adapter.soap.api.Penalty;
import io.huiju.adapter.soap.api.PenaltyKind;
import io.huiju.adapter.soap.api.Record;
import io.huiju.adapter.soap.api.Subject;
import io.huiju.adapter.soap.api.Submit;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Turns the typed records of a batch ({@code license}, {@code penalty}, {@code redList}, {@code blackList}) into the
 * generic records they stand for, keyed by the field codes the department's mapping reads (XK_* and CF_* national,
 * HMD_* and HEIMD_* the hub's own for lists). A typed record is then archived, read, validated, stored and answered as
 * the generic one: the rules exist once, in the pipeline. Pure; a batch of generic records is returned as it is.
 */
public final class TypedRecords {

    private TypedRecords() {}

    /**
     * The batch with its typed records as generic ones, in the order sent.
     *
     * @throws HubFault_Exception {@link SoapFaults#SCHEMA_VIOLATION} when the typed records are not of the batch's
     *     category
     */
    public static Submit asGeneric(Submit batch) throws HubFault_Exception {
        Category typed = typedCategory(batch);
        if (typed == null) {
            return batch;
        }
        if (typed != batch.getCategory()) {
            throw SoapFaults.declared(
                    SoapFaults.SCHEMA_VIOLATION,
                    "类别为 " + batch.getCategory() + " 的批次不能包含 " + element(typed) + " 记录（应为 "
                            + element(batch.getCategory()) + " 或通用 record）");
        }
        Submit generic = new Submit();
        generic.setCategory(batch.getCategory());
        generic.setReference(batch.getReference());
        List<Record> records = generic.getRecord();
        batch.getLicense().forEach(l -> records.add(license(l)));
        batch.getPenalty().forEach(p -> records.add(penalty(p)));
        batch.getRedList().forEach(e -> records.add(listEntry("HMD", e)));
        batch.getBlackList().forEach(e -> records.add(listEntry("HEIMD", e)));
        return generic;
    }

    private static Category typedCategory(Submit batch) {
        if (!batch.getLicense().isEmpty()) {
            return Category.LICENSE;
        }
        if (!batch.getPenalty().isEmpty()) {
            return Category.PENALTY;
        }
        if (!batch.getRedList().isEmpty()) {
            return Category.RED_LIST;
        }
        return batch.getBlackList().isEmpty() ? null : Category.BLACK_LIST;
    }

    private static String element(Category category) {
        return switch (category) {
            case LICENSE -> "license";
            case PENALTY -> "penalty";
            case RED_LIST -> "redList";
            case BLACK_LIST -> "blackList";
        };
    }

    static Record license(License l) {
        Row row = new Row();
        subject(row, "XK", l.getSubject());
        row.put("XK_XKWS", l.getDocumentName());
        row.put("XK_WSH", l.getDocumentNumber());
        row.put("XK_XKLB", l.getLicenseCategory());
        row.put("XK_XKZS", l.getCertificateName());
        row.put("XK_XKBH", l.getLicenseNumber());
        row.put("XK_NR", l.getContent());
        row.put("XK_JDRQ", l.getDecisionDate());
        row.put("XK_YXQZ", l.getValidFrom());
        row.put("XK_YXQZI", l.getValidTo());
        row.put("XK_XKJG", l.getAuthority());
        row.put("XK_XKJGDM", l.getAuthorityCode());
        row.put("XK_ZT", l.getStatus());
        row.put("XK_LYDW", l.getSourceDepartment());
        row.put("XK_LYDWDM", l.getSourceDepartmentCode());
        row.put("BZ", l.getRemarks());
        return row.record;
    }

    static Record penalty(Penalty p) {
        Row row = new Row();
        subject(row, "CF", p.getSubject());
        row.put("CF_WSH", p.getDocumentNumber());
        row.put("CF_WFXW", p.getViolationType());
        row.put("CF_SY", p.getFacts());
        row.put("CF_YJ", p.getLegalBasis());
        row.put("CF_CFLB", p.getKind().stream().map(PenaltyKind::value).collect(Collectors.joining("、")));
        row.put("CF_NR", p.getContent());
        row.put("CF_NR_FK", p.getFineAmount());
        row.put("CF_NR_WFFF", p.getConfiscatedAmount());
        row.put("CF_NR_ZKDX", p.getSuspendedLicense());
        row.put("CF_JDRQ", p.getDecisionDate());
        row.put("CF_YXQ", p.getValidTo());
        row.put("CF_GSJZQ", p.getPublicityDeadline());
        row.put("CF_CFJG", p.getAuthority());
        row.put("CF_CFJGDM", p.getAuthorityCode());
        row.put("CF_SJLY", p.getSourceDepartment());
        row.put("CF_SJLYDM", p.getSourceDepartmentCode());
        row.put("BZ", p.getRemarks());
        return row.record;
    }

    static Record listEntry(String prefix, ListEntry e) {
        Row row = new Row();
        ListSubject s = e.getSubject();
        row.put(prefix + "_XDR_MC", s.getName());
        row.put(prefix + "_XDR_LB", s.getKind() == null ? null : s.getKind().value());
        row.put(prefix + "_XDR_SHXYM", s.getUscc());
        row.put(prefix + "_XDR_GSZC", s.getBusinessRegNo());
        row.put(prefix + "_FRDB", s.getLegalRepresentative());
        row.put(prefix + "_XDR_ZJLX", s.getIdType());
        row.put(prefix + "_XDR_ZJHM", s.getIdNumber());
        row.put(prefix + "_WSH", e.getDocumentNumber());
        row.put(prefix + "_RDYJ", e.getReason());
        row.put(prefix + "_RDRQ", e.getDecisionDate());
        row.put(prefix + "_LRRQ", e.getInclusionDate());
        row.put(prefix + "_YXQZ", e.getValidTo());
        row.put(prefix + "_YCRQ", e.getRemovalDate());
        row.put(prefix + "_YCYY", e.getRemovalReason());
        row.put(prefix + "_RDBM", e.getAuthority());
        row.put(prefix + "_RDBMDM", e.getAuthorityCode());
        row.put(prefix + "_LYDW", e.getSourceDepartment());
        row.put("BZ", e.getRemarks());
        return row.record;
    }

    private static void subject(Row row, String prefix, Subject s) {
        row.put(prefix + "_XDR_MC", s.getName());
        row.put(prefix + "_XDR_LB", s.getKind() == null ? null : s.getKind().value());
        row.put(prefix + "_XDR_SHXYM", s.getUscc());
        row.put(prefix + "_XDR_GSZC", s.getBusinessRegNo());
        row.put(prefix + "_XDR_ZZJG", s.getOrgCode());
        row.put(prefix + "_XDR_SWDJ", s.getTaxRegNo());
        row.put(prefix + "_XDR_SYDW", s.getInstitutionCertNo());
        row.put(prefix + "_XDR_SHZZ", s.getSocialOrgRegNo());
        row.put(prefix + "_FRDB", s.getLegalRepresentative());
        row.put(prefix + "_FR_ZJLX", s.getLegalRepIdType());
        row.put(prefix + "_FR_ZJHM", s.getLegalRepIdNumber());
        row.put(prefix + "_XDR_ZJLX", s.getIdType());
        row.put(prefix + "_XDR_ZJHM", s.getIdNumber());
    }

    /** A generic record being filled; fields left out of the typed record are left out of it too. */
    private static final class Row {
        final Record record = new Record();

        void put(String code, String value) {
            if (value != null && !value.isEmpty()) {
                Field field = new Field();
                field.setCode(code);
                field.setValue(value);
                record.getField().add(field);
            }
        }

        void put(String code, XMLGregorianCalendar date) {
            if (date != null) {
                put(code, String.format("%04d-%02d-%02d", date.getYear(), date.getMonth(), date.getDay()));
            }
        }

        void put(String code, BigDecimal amount) {
            if (amount != null) {
                put(code, amount.toPlainString());
            }
        }
    }
}
