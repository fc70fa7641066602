package dev.wasmjit.harness;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double written the way Python's {@code repr(float)} writes it, so timings read exactly as
 * the seed's interp.py printed them: the fewest significant digits that read back as the same
 * double, positional between 1e-4 and 1e16 ({@code 2.3992819786071777}, {@code 1.0}) and
 * scientific outside ({@code 5e-05}, {@code 1.5e+16}).
 */
final class PythonFloat {

    private PythonFloat() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        // the decimal exponent of the first significant digit: 2.39 -> 0, 0.05 -> -2
        int exponent = shortest.precision() - shortest.scale() - 1;
        String sign = value < 0 ? "-" : "";
        String digits = shortest.unscaledValue().abs().toString();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** Java 17's Double.toString is not always the shortest, so search the precisions. */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
