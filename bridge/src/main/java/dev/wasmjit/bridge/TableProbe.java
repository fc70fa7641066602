package dev.wasmjit.bridge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A one-function module that imports a table and exports {@code size}, returning
 * {@code table.size}. wasmtime-java 0.19.0's {@code Table} has no methods, and a table extern
 * cannot be passed to an instance, but a module instantiated through the linker can import
 * the table by name and report its size.
 */
final class TableProbe {

    static final String NAMESPACE = "wasmjit:table-probe";
    static final String EXPORT = "size";

    private static final byte[] MAGIC_AND_VERSION = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final int SECTION_TYPE = 1;
    private static final int SECTION_IMPORT = 2;
    private static final int SECTION_FUNCTION = 3;
    private static final int SECTION_EXPORT = 7;
    private static final int SECTION_CODE = 10;
    private static final int FORM_FUNC = 0x60;
    private static final int TYPE_I32 = 0x7f;
    private static final int TYPE_FUNCREF = 0x70;
    private static final int KIND_FUNC = 0x00;
    private static final int KIND_TABLE = 0x01;
    private static final int LIMITS_MIN_ONLY = 0x00;
    private static final int OP_PREFIX_FC = 0xfc;
    private static final int OP_FC_TABLE_SIZE = 16;
    private static final int OP_END = 0x0b;

    private TableProbe() {
    }

    static byte[] bytes(String tableModule, String tableName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC_AND_VERSION);
        section(out, SECTION_TYPE, vector(1, bytes(FORM_FUNC, 0, 1, TYPE_I32)));
        section(out, SECTION_IMPORT, vector(1, concat(name(tableModule), name(tableName),
                bytes(KIND_TABLE, TYPE_FUNCREF, LIMITS_MIN_ONLY, 0))));
        section(out, SECTION_FUNCTION, vector(1, bytes(0)));
        section(out, SECTION_EXPORT, vector(1, concat(name(EXPORT), bytes(KIND_FUNC, 0))));
        byte[] body = bytes(0, OP_PREFIX_FC, OP_FC_TABLE_SIZE, 0, OP_END);
        section(out, SECTION_CODE, vector(1, concat(u32(body.length), body)));
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        out.writeBytes(u32(content.length));
        out.writeBytes(content);
    }

    private static byte[] vector(int count, byte[] items) {
        return concat(u32(count), items);
    }

    private static byte[] name(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return concat(u32(utf8.length), utf8);
    }

    private static byte[] u32(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
