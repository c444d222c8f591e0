package dev.iamatlas.model.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * How typed condition values are read, shared by the parser (policy values) and the evaluator
 * (request values), so both sides read a value the same way.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM JSON policy elements: Condition operators</a>
 */
public final class PolicyValues {
    private PolicyValues() {
    }

    /**
     * A number ({@code 10}, {@code -3}, {@code 2.5}, {@code 1e3}); null when {@code s} is not one.
     * {@code NaN}, {@code Infinity} and hexadecimal forms are not numbers here.
     */
    public static Double parseNumber(String s) {
        String t = s.trim();
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Epoch (UNIX) seconds as written in policies and requests: digits, an optional minus sign and fraction. */
    private static boolean isEpoch(String t) {
        int i = t.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < t.length() && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i < t.length() && t.charAt(i) == '.') {
            i++;
            int fraction = 0;
            while (i < t.length() && isDigit(t.charAt(i))) {
                i++;
                fraction++;
            }
            if (fraction == 0) {
                return false;
            }
        }
        return i == t.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A date as epoch milliseconds; null when {@code s} is not a date. Accepts W3C/ISO 8601 forms
     * ({@code 2020}, {@code 2020-01}, {@code 2020-01-01}, {@code 2020-01-01T00:00:00Z}, with fractions or an offset such as
     * {@code +01:00}; a date-time without zone is UTC) and epoch seconds ({@code 1577836800},
     * fractions allowed).
     */
    public static Long parseDate(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() == 4 && isDigit(t.charAt(0)) && isDigit(t.charAt(1)) && isDigit(t.charAt(2)) && isDigit(t.charAt(3))) {
            // W3C "Year: YYYY (eg 1997)": the first instant of the year, not 2020 seconds after 1970
            return LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        Double number = isEpoch(t) ? parseNumber(t) : null;
        if (number != null) {
            double millis = number * 1000.0;
            return Math.abs(millis) < 9.0e15 ? Math.round(millis) : null;
        }
        try {
            if (t.length() == 7 && t.charAt(4) == '-') {
                // W3C "Year and month: YYYY-MM": the first instant of the month
                return java.time.YearMonth.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (t.length() <= 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            char last = t.charAt(t.length() - 1);
            if (last == 'Z' || last == 'z') {
                return OffsetDateTime.parse(t.substring(0, t.length() - 1).replace('t', 'T') + "Z").toInstant().toEpochMilli();
            }
            int tee = t.indexOf('T');
            if (tee < 0) {
                tee = t.indexOf('t');
            }
            if (tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0)) {
                return OffsetDateTime.parse(t.replace('t', 'T')).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t.replace('t', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** The canonical base64 text of a base64 value (so two encodings of the same bytes compare equal); null when not base64. */
    public static String canonicalBase64(String s) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(s.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
