package io.huiju.model.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): six-digit address code, birth date {@code yyyyMMdd}, three-digit sequence and an ISO 7064
 * MOD 11-2 check character (a digit or X).
 */
public final class ResidentId {

    public static final int LENGTH = 18;
    public static final int OLD_LENGTH = 15;

    /** The first failure found, checked in this order. */
    public enum Check {
        OK,
        LENGTH,
        CHARSET,
        BIRTH_DATE,
        CHECK_CHARACTER
    }

    /** Nobody alive was born earlier; an earlier date is a typing error, not an old person. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentId() {}

    /**
     * The check character of the first 17 digits: {@code "10X98765432"[Σ(dᵢ × wᵢ) mod 11]}.
     *
     * @throws IllegalArgumentException if the text is not 17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !digits(first17)) {
            throw new IllegalArgumentException("the check character is computed over 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * Checks an 18-character number (upper-case X). The birth date must exist, not be before 1900 and not be after
     * {@code today}.
     */
    public static Check validate(String id, LocalDate today) {
        if (id == null || id.length() != LENGTH) {
            return Check.LENGTH;
        }
        char last = id.charAt(LENGTH - 1);
        if (!digits(id.substring(0, LENGTH - 1)) || !(last >= '0' && last <= '9' || last == 'X')) {
            return Check.CHARSET;
        }
        Optional<LocalDate> birth = birthDate(id);
        if (birth.isEmpty()
                || birth.get().isBefore(EARLIEST_BIRTH_DATE)
                || birth.get().isAfter(today)) {
            return Check.BIRTH_DATE;
        }
        return checkCharacter(id.substring(0, LENGTH - 1)) == last ? Check.OK : Check.CHECK_CHARACTER;
    }

    public static boolean isValid(String id, LocalDate today) {
        return validate(id, today) == Check.OK;
    }

    /** Whether the text looks like a pre-1999 number: 15 digits, no century, no check character. */
    public static boolean isOld(String id) {
        return id != null && id.length() == OLD_LENGTH && digits(id);
    }

    /**
     * Converts a 15-digit number: every one was issued to someone born in the 1900s, so "19" goes in front of the
     * two-digit year, and the check character is computed. The birth date is not checked here.
     *
     * @throws IllegalArgumentException if the text is not 15 digits
     */
    public static String from15(String id15) {
        if (!isOld(id15)) {
            throw new IllegalArgumentException("an old resident ID number has 15 digits: " + id15);
        }
        String first17 = id15.substring(0, 6) + "19" + id15.substring(6);
        return first17 + checkCharacter(first17);
    }

    /** The birth date of an 18-character number, empty when positions 7–14 are not a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        if (id == null || id.length() != LENGTH || !digits(id.substring(6, 14))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The six-digit address code (GB/T 2260) where the number was issued. */
    public static String regionCode(String id) {
        if (id == null || id.length() < 6) {
            throw new IllegalArgumentException("a resident ID number starts with a six-digit region code: " + id);
        }
        return id.substring(0, 6);
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
