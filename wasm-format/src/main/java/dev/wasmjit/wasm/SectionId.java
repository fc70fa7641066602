package dev.wasmjit.wasm;

/**
 * The sections of a core module, each with the byte that introduces it. A caller may rely on
 * {@link #code()} being the id the binary format assigns.
 */
public enum SectionId {
    /** A custom section: a name and bytes the format does not interpret. */
    CUSTOM(0),
    /** The function types. */
    TYPE(1),
    /** The imports. */
    IMPORT(2),
    /** The type index of each defined function. */
    FUNCTION(3),
    /** The defined tables. */
    TABLE(4),
    /** The defined memories. */
    MEMORY(5),
    /** The defined globals. */
    GLOBAL(6),
    /** The exports. */
    EXPORT(7),
    /** The start function. */
    START(8),
    /** The element segments. */
    ELEMENT(9),
    /** The bodies of the defined functions. */
    CODE(10),
    /** The data segments. */
    DATA(11),
    /** The number of data segments, ahead of the code that refers to them. */
    DATA_COUNT(12);

    private final int code;

    SectionId(int code) {
        this.code = code;
    }

    /**
     * The byte that introduces the section.
     *
     * @return the section id, between 0 and 12
     */
    public int code() {
        return code;
    }
}
