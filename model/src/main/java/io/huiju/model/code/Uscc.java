package io.huiju.model.code;

/**
 * 统一社会信用代码 (GB 32100-2015): registration authority, organisation category, six-digit region code (GB/T 2260),
 * the nine-character organisation code (GB 11714) and a check character over a 31-character set.
 */
public final class Uscc {

    public static final int LENGTH = 18;

    /** Digits and upper-case letters without I, O, Z, S and V; a character's value is its position. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** The first failure found, checked in this order; a code is only valid when both check characters are right. */
    public enum Check {
        OK,
        LENGTH,
        CHARSET,
        CHECK_CHARACTER,
        ORG_CODE_CHECK
    }

    private static final int MODULUS = CHARSET.length();

    private Uscc() {}

    /**
     * The check character of the first 17 characters: weights 3^i mod 31, {@code charset[(31 − Σ mod 31) mod 31]}.
     *
     * @throws IllegalArgumentException if the text is not 17 characters of {@link #CHARSET}
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("the check character is computed over 17 characters: " + first17);
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += value * weight;
            weight = weight * 3 % MODULUS;
        }
        // The outer mod matters: without it a sum divisible by 31 would ask for a 32nd character instead of '0'.
        return CHARSET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /**
     * Checks an already normalised code (upper case, no spaces). The individual-business placeholder
     * {@code 00000000000000000X} fails here on purpose: whether it is acceptable depends on the subject kind.
     */
    public static Check validate(String code) {
        if (code == null || code.length() != LENGTH) {
            return Check.LENGTH;
        }
        if (firstInvalidCharacter(code) >= 0) {
            return Check.CHARSET;
        }
        if (checkCharacter(code.substring(0, LENGTH - 1)) != code.charAt(LENGTH - 1)) {
            return Check.CHECK_CHARACTER;
        }
        return OrgCode.isValid(orgCode(code)) ? Check.OK : Check.ORG_CODE_CHECK;
    }

    public static boolean isValid(String code) {
        return validate(code) == Check.OK;
    }

    /** The index of the first character outside {@link #CHARSET}, or −1. */
    public static int firstInvalidCharacter(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Characters 3–8: the region code of the registering authority. */
    public static String regionCode(String uscc) {
        requireLength(uscc);
        return uscc.substring(2, 8);
    }

    /** Characters 9–17: the organisation code. */
    public static String orgCode(String uscc) {
        requireLength(uscc);
        return uscc.substring(8, 17);
    }

    private static void requireLength(String uscc) {
        if (uscc == null || uscc.length() != LENGTH) {
            throw new IllegalArgumentException("a unified social credit code has 18 characters: " + uscc);
        }
    }
}
