package io.huiju.hub.sync;

import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the province's cities a subject concerns (回流): the configured rules first, then the subject's
 * registration region — characters 3–8 of its unified social credit code (登记管理机关行政区划码), the first six digits
 * of a 15-digit 工商注册号 or of a natural person's ID number (address code) — whose first four digits name the city.
 * Empty when the region is not a city the province serves. Pure and thread-safe.
 */
public final class CityOfSubject {

    private final Set<String> cities;
    private final List<SyncProperties.Rule> rules;

    public CityOfSubject(Iterable<String> cities, List<SyncProperties.Rule> rules) {
        this.cities = new java.util.LinkedHashSet<>();
        cities.forEach(this.cities::add);
        this.rules = List.copyOf(rules);
    }

    public Optional<String> of(Subject subject) {
        String region = registrationRegion(subject);
        for (SyncProperties.Rule rule : rules) {
            boolean byCode =
                    rule.getSubjectCode() != null && rule.getSubjectCode().equals(subject.code());
            boolean byRegion =
                    rule.getRegionPrefix() != null && region != null && region.startsWith(rule.getRegionPrefix());
            if (byCode || byRegion) {
                return served(rule.getCity());
            }
        }
        return region == null ? Optional.empty() : served(region.substring(0, 4) + "00");
    }

    private Optional<String> served(String city) {
        return cities.contains(city) ? Optional.of(city) : Optional.empty();
    }

    /** The 6-digit region the subject is registered in, or null when its code does not carry one. */
    static String registrationRegion(Subject subject) {
        if (subject.kind() == SubjectKind.NATURAL_PERSON) {
            return digits(subject.idNumber(), 0);
        }
        String uscc = subject.uscc();
        if (uscc != null && uscc.length() == 18 && !Subject.USCC_PLACEHOLDER.equals(uscc)) {
            return digits(uscc, 2);
        }
        String regNo = subject.businessRegNo();
        return regNo != null && regNo.length() == 15 ? digits(regNo, 0) : null;
    }

    private static String digits(String code, int from) {
        if (code == null || code.length() < from + 6) {
            return null;
        }
        String region = code.substring(from, from + 6);
        return region.chars().allMatch(Character::isDigit) ? region : null;
    }
}
