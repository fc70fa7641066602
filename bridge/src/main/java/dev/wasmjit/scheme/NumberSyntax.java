package dev.wasmjit.scheme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the guest's {@code write} prints them, both ways: exact integers ({@code 42},
 * {@code -123456789012345678901234567890}), exact rationals ({@code 1/3}), inexact reals
 * ({@code 1.5}, {@code 1.0e21}, {@code -0.0}, {@code +inf.0}, {@code +nan.0}) and inexact
 * complex numbers ({@code 1.0+2.0i}). An inexact real is written as the shortest decimal that
 * reads back as the same double, positional unless that would need more than two zeros after
 * the point before the first digit, or (past seven integer digits) more than three zeros
 * before the point: the layout of Guile, which the guest follows.
 */
final class NumberSyntax {

    private NumberSyntax() {
    }

    /** The written form of a double, as the guest writes it. */
    static String writeReal(double d) {
        if (Double.isNaN(d)) {
            return "+nan.0";
        }
        if (Double.isInfinite(d)) {
            return d < 0 ? "-inf.0" : "+inf.0";
        }
        String sign = (d < 0 || d == 0 && 1 / d < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(d)) {
                shortest = candidate;
                break;
            }
        }
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // the value is d.ddd * 10^exponent
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') {
            n--;
        }
        digits = digits.substring(0, n);
        int integerDigits = exponent + 1;
        boolean positional = integerDigits >= -2 && (integerDigits <= 7 || integerDigits - n <= 3);
        StringBuilder out = new StringBuilder(sign);
        if (!positional) {
            out.append(digits.charAt(0)).append('.').append(n == 1 ? "0" : digits.substring(1));
            return out.append('e').append(exponent).toString();
        }
        if (integerDigits <= 0) {
            out.append("0.").append("0".repeat(-integerDigits)).append(digits);
        } else if (integerDigits >= n) {
            out.append(digits).append("0".repeat(integerDigits - n)).append(".0");
        } else {
            out.append(digits, 0, integerDigits).append('.').append(digits.substring(integerDigits));
        }
        return out.toString();
    }

    /** The written form of a complex number: the real part, the signed imaginary part, i. */
    static String writeComplex(double real, double imaginary) {
        String im = writeReal(imaginary);
        return writeReal(real) + (im.startsWith("-") || im.startsWith("+") ? "" : "+") + im + "i";
    }

    /**
     * The number a token spells in the written forms above, or null when it spells none.
     *
     * @param token a run of characters with no delimiter
     * @return the value, or null
     */
    static SchemeValue read(String token) {
        if (token.isEmpty()) {
            return null;
        }
        Double real = readReal(token);
        if (real != null) {
            return SchemeValue.real(real);
        }
        if (isInteger(token, 0, token.length())) {
            return SchemeValue.integer(new BigInteger(token.startsWith("+") ? token.substring(1) : token));
        }
        int slash = token.indexOf('/');
        if (slash > 0 && isInteger(token, 0, slash) && isDigits(token, slash + 1, token.length())) {
            BigInteger denominator = new BigInteger(token.substring(slash + 1));
            if (denominator.signum() == 0) {
                return null;
            }
            String numerator = token.substring(0, slash);
            return SchemeValue.rational(new BigInteger(numerator.startsWith("+") ? numerator.substring(1) : numerator),
                    denominator);
        }
        if (token.endsWith("i") && token.length() > 1) {
            // real part, then the imaginary part from its sign (not an exponent's sign)
            for (int i = token.length() - 2; i > 0; i--) {
                char c = token.charAt(i);
                if ((c == '+' || c == '-') && token.charAt(i - 1) != 'e') {
                    Double re = readReal(token.substring(0, i));
                    Double im = readReal(token.substring(i, token.length() - 1));
                    return re == null || im == null ? null : SchemeValue.complex(re, im);
                }
            }
        }
        return null;
    }

    /** An inexact real as written: a decimal with a point or an exponent, or an infinity or NaN. */
    private static Double readReal(String token) {
        switch (token) {
            case "+inf.0":
                return Double.POSITIVE_INFINITY;
            case "-inf.0":
                return Double.NEGATIVE_INFINITY;
            case "+nan.0":
            case "-nan.0":
                return Double.NaN;
            default:
                break;
        }
        int i = token.startsWith("+") || token.startsWith("-") ? 1 : 0;
        int digits = 0;
        boolean point = false;
        boolean exponent = false;
        for (; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && !exponent) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits > 0 && !exponent) {
                exponent = true;
                if (i + 1 < token.length() && (token.charAt(i + 1) == '+' || token.charAt(i + 1) == '-')) {
                    i++;
                }
                if (i + 1 == token.length()) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return digits > 0 && (point || exponent) ? Double.parseDouble(token) : null;
    }

    private static boolean isInteger(String token, int from, int to) {
        int first = from < to && (token.charAt(from) == '+' || token.charAt(from) == '-') ? from + 1 : from;
        return isDigits(token, first, to);
    }

    private static boolean isDigits(String token, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
