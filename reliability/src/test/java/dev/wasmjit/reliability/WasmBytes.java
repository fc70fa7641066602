package dev.wasmjit.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the WebAssembly binary format's encodings: bytes, LEB128 integers (canonical, padded
 * or deliberately malformed), names, vectors and sections. The module fuzzer builds its
 * hand-made and generated modules with it, and re-encodes the sizes and counts it corrupts.
 */
final class WasmBytes {

    static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WasmBytes u8(int value) {
        out.write(value);
        return this;
    }

    WasmBytes bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    WasmBytes bytes(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    /** An unsigned LEB128 integer in its shortest form. */
    WasmBytes u32(long value) {
        return bytes(unsignedLeb(value, 1));
    }

    /** A signed LEB128 integer in its shortest form. */
    WasmBytes s64(long value) {
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    WasmBytes name(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).bytes(utf8);
    }

    /** A vector: its count, then each element as given. */
    WasmBytes vector(List<byte[]> elements) {
        u32(elements.size());
        elements.forEach(this::bytes);
        return this;
    }

    /** A section: its id, its size, then its content. */
    WasmBytes section(int id, byte[] content) {
        return u8(id).u32(content.length).bytes(content);
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /**
     * An unsigned LEB128 encoding of {@code value} (taken as unsigned 64-bit) in at least
     * {@code minimumLength} bytes: longer than the shortest form is padding with continuation
     * bits, which the format allows up to 5 bytes for a u32 and a reader must refuse beyond.
     */
    static byte[] unsignedLeb(long value, int minimumLength) {
        ByteArrayOutputStream leb = new ByteArrayOutputStream();
        int written = 0;
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            written++;
            leb.write(value != 0 || written < minimumLength ? b | 0x80 : b);
        } while (value != 0 || written < minimumLength);
        return leb.toByteArray();
    }

    /** A function body: its local declarations, the code, and {@code end}, preceded by its size. */
    static byte[] functionBody(List<int[]> localGroups, byte[] code) {
        WasmBytes body = new WasmBytes().u32(localGroups.size());
        for (int[] group : localGroups) {
            body.u32(group[0]).u8(group[1]);
        }
        body.bytes(code).u8(Op.END);
        return new WasmBytes().u32(body.size()).bytes(body.toBytes()).toBytes();
    }

    /** A function type. */
    static byte[] functionType(int[] params, int[] results) {
        WasmBytes type = new WasmBytes().u8(0x60).u32(params.length);
        for (int p : params) {
            type.u8(p);
        }
        type.u32(results.length);
        for (int r : results) {
            type.u8(r);
        }
        return type.toBytes();
    }

    /** An export entry. */
    static byte[] export(String name, int kind, int index) {
        return new WasmBytes().name(name).u8(kind).u32(index).toBytes();
    }

    /** The opcodes and codes the fuzzer's modules use. */
    static final class Op {
        static final int I32 = 0x7f;
        static final int I64 = 0x7e;
        static final int FUNCREF = 0x70;

        static final int SECTION_CUSTOM = 0;
        static final int SECTION_TYPE = 1;
        static final int SECTION_IMPORT = 2;
        static final int SECTION_FUNCTION = 3;
        static final int SECTION_TABLE = 4;
        static final int SECTION_MEMORY = 5;
        static final int SECTION_GLOBAL = 6;
        static final int SECTION_EXPORT = 7;
        static final int SECTION_START = 8;
        static final int SECTION_ELEMENT = 9;
        static final int SECTION_CODE = 10;
        static final int SECTION_DATA = 11;

        static final int KIND_FUNCTION = 0;
        static final int KIND_TABLE = 1;
        static final int KIND_MEMORY = 2;
        static final int KIND_GLOBAL = 3;

        static final int UNREACHABLE = 0x00;
        static final int BLOCK = 0x02;
        static final int LOOP = 0x03;
        static final int IF = 0x04;
        static final int ELSE = 0x05;
        static final int END = 0x0b;
        static final int BR = 0x0c;
        static final int BR_IF = 0x0d;
        static final int CALL = 0x10;
        static final int DROP = 0x1a;
        static final int LOCAL_GET = 0x20;
        static final int LOCAL_SET = 0x21;
        static final int LOCAL_TEE = 0x22;
        static final int GLOBAL_GET = 0x23;
        static final int GLOBAL_SET = 0x24;
        static final int I32_LOAD = 0x28;
        static final int I32_LOAD8_U = 0x2d;
        static final int I32_STORE = 0x36;
        static final int MEMORY_SIZE = 0x3f;
        static final int MEMORY_GROW = 0x40;
        static final int I32_CONST = 0x41;
        static final int I32_EQZ = 0x45;
        static final int I32_EQ = 0x46;
        static final int I32_NE = 0x47;
        static final int I32_LT_S = 0x48;
        static final int I32_LE_U = 0x4d;
        static final int I32_CLZ = 0x67;
        static final int I32_POPCNT = 0x69;
        static final int I32_ADD = 0x6a;
        static final int I32_SUB = 0x6b;
        static final int I32_MUL = 0x6c;
        static final int I32_DIV_S = 0x6d;
        static final int I32_REM_U = 0x70;
        static final int I32_AND = 0x71;
        static final int I32_OR = 0x72;
        static final int I32_XOR = 0x73;
        static final int I32_SHL = 0x74;
        static final int I32_SHR_U = 0x76;
        static final int REF_FUNC = 0xd2;
        static final int PREFIX_FC = 0xfc;
        static final int TABLE_GROW = 15;
        static final int TABLE_SIZE = 16;
        static final int BLOCK_EMPTY = 0x40;

        private Op() {
        }
    }
}
