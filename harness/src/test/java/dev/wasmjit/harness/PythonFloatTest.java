package dev.wasmjit.harness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Seconds print as Python's repr(float) prints them, as in the seed's transcript. */
class PythonFloatTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = """
            2.3992819786071777,  2.3992819786071777
            1.3382737636566162,  1.3382737636566162
            0.1,                 0.1
            1,                   1.0
            100,                 100.0
            0.0001,              0.0001
            0.00005,             5e-05
            0.000012345,         1.2345e-05
            1e16,                1e+16
            1.5e16,              1.5e+16
            9999999999999998,    9999999999999998.0
            0.3,                 0.3
            2e-7,                2e-07
            """)
    void writesTheShortestDigitsThatReadBackInPythonsNotation(double value, String python) {
        assertThat(PythonFloat.repr(value)).isEqualTo(python);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.0, 0.0", "-0.0, -0.0", "-2.5, -2.5"})
    void writesZeroesAndNegativesAsPythonDoes(double value, String python) {
        assertThat(PythonFloat.repr(value)).isEqualTo(python);
    }
}
