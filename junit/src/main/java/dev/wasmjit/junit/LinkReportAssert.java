package dev.wasmjit.junit;

import dev.wasmjit.bridge.LinkReport;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what one late link added, a {@link LinkReport}. Get one from
 * {@link WasmjitAssertions#assertThat(LinkReport)}.
 */
public final class LinkReportAssert extends AbstractAssert<LinkReportAssert, LinkReport> {

    LinkReportAssert(LinkReport actual) {
        super(actual, LinkReportAssert.class);
    }

    /**
     * The generated module defined this many functions.
     *
     * @param expected the number of functions
     * @return this
     */
    public LinkReportAssert linkedFunctions(int expected) {
        isNotNull();
        if (actual.functionCount() != expected) {
            failWithActualExpectedAndMessage(actual.functionCount(), expected,
                    "%nExpecting the link%n  %s%nto have linked %d functions but it linked %d",
                    actual, expected, actual.functionCount());
        }
        return this;
    }

    /**
     * The generated module defined at least one function.
     *
     * @return this
     */
    public LinkReportAssert linkedSomething() {
        isNotNull();
        if (actual.functionCount() <= 0) {
            failWithMessage("%nExpecting the link%n  %s%nto have linked functions but it linked none", actual);
        }
        return this;
    }

    /**
     * The patch added this many slots to the main table.
     *
     * @param expected the number of slots
     * @return this
     */
    public LinkReportAssert addedSlots(int expected) {
        isNotNull();
        if (actual.slotsAdded() != expected) {
            failWithActualExpectedAndMessage(actual.slotsAdded(), expected,
                    "%nExpecting the link%n  %s%nto have added %d table slots but it added %d",
                    actual, expected, actual.slotsAdded());
        }
        return this;
    }

    /**
     * The generated module was instantiated under this linker name ({@code jit-1} for the
     * first round).
     *
     * @param expected the namespace
     * @return this
     */
    public LinkReportAssert hasNamespace(String expected) {
        isNotNull();
        if (!actual.namespace().equals(expected)) {
            failWithActualExpectedAndMessage(actual.namespace(), expected,
                    "%nExpecting the link%n  %s%nto be named %s", actual, expected);
        }
        return this;
    }
}
