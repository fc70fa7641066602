package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest's numbers as Java values: what its printer writes for every kind of number, the
 * host reads as that number, and writes back the same way.
 */
class NumberResultsTest {

    @Test
    void readsEveryKindOfNumberTheGuestComputes() {
        try (TestInterpreter t = TestInterpreter.start()) {
            List<SchemeValue> results = t.scheme.eval(t.scheme.parse(
                    "(list (expt 2 100) (- (expt 2 62)) (/ 6 -4) (exact->inexact 1/3) (sqrt -4) (* 1073741823 2) 0.1)"))
                    .asList();
            assertThat(results.get(0).asBigInteger()).isEqualTo(BigInteger.TWO.pow(100));
            assertThat(results.get(1).asLong()).isEqualTo(-(1L << 62));
            assertThat(results.get(2).numerator()).isEqualTo(BigInteger.valueOf(-3));
            assertThat(results.get(2).denominator()).isEqualTo(BigInteger.TWO);
            assertThat(results.get(2).asBigDecimal()).isEqualByComparingTo("-1.5");
            assertThat(results.get(3).asDouble()).isEqualTo(1.0 / 3);
            assertThat(results.get(4)).isEqualTo(SchemeValue.complex(0.0, 2.0));
            assertThat(results.get(5).asLong()).isEqualTo(2147483646L);
            assertThat(results.get(6).asBigDecimal()).isEqualByComparingTo(new BigDecimal(0.1));
        }
    }

    @Test
    void doublesWrittenByTheHostReadAndWriteBackTheSameInTheGuest() {
        SplittableRandom random = new SplittableRandom(20);
        List<SchemeValue> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double d = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bits: tiny, huge, NaN
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 25));
                default -> (double) random.nextInt(-100000, 100000) / 8;
            };
            values.add(SchemeValue.real(d));
        }
        SchemeValue list = SchemeValue.list(values);
        try (TestInterpreter t = TestInterpreter.start(b -> b.resultLines(true))) {
            SchemeValue result = t.scheme.eval(t.scheme.parse("'" + list));
            assertThat(result).isEqualTo(list);
            assertThat(t.stdoutText()).isEqualTo("result: " + list + "\n");
        }
    }
}
