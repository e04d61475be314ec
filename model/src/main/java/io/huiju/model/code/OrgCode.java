package io.huiju.model.code;

/**
 * 组织机构代码 (GB 11714): eight body characters and a check character. Inside a unified social credit code it is
 * positions 9–17.
 */
public final class OrgCode {

    public static final int LENGTH = 9;

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrgCode() {}

    /**
     * The check character of the eight body characters (digits and upper-case letters, A = 10 … Z = 35).
     *
     * @throws IllegalArgumentException if the body is not eight such characters
     */
    public static char checkCharacter(String body) {
        if (body == null || body.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("an organisation code body has 8 characters: " + body);
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int v = value(body.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a digit or upper-case letter: " + body);
            }
            sum += v * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return switch (c) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + c);
        };
    }

    /** Nine characters, digits and upper-case letters, the last one the right check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        String body = code.substring(0, LENGTH - 1);
        return body.chars().allMatch(c -> value((char) c) >= 0) && checkCharacter(body) == code.charAt(LENGTH - 1);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
