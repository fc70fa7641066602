package dev.wasmjit.staticlink;

import static dev.wasmjit.staticlink.Immediate.*;

import java.util.List;

/**
 * Every instruction the static linker understands, with its binary code and the immediates
 * that follow it: the MVP, sign extension, non-trapping float-to-int, bulk memory, reference
 * types and tail calls. Code using anything else (SIMD, threads, exceptions) is rejected with
 * the offending opcode named, never skipped by guesswork.
 */
enum Opcode {
    UNREACHABLE("unreachable", 0x00),
    NOP("nop", 0x01),
    BLOCK("block", 0x02, BLOCK_TYPE),
    LOOP("loop", 0x03, BLOCK_TYPE),
    IF("if", 0x04, BLOCK_TYPE),
    ELSE("else", 0x05),
    END("end", 0x0B),
    BR("br", 0x0C, LABEL),
    BR_IF("br_if", 0x0D, LABEL),
    BR_TABLE("br_table", 0x0E, LABEL_VECTOR, LABEL),
    RETURN("return", 0x0F),
    CALL("call", 0x10, FUNCTION),
    CALL_INDIRECT("call_indirect", 0x11, TYPE, TABLE),
    RETURN_CALL("return_call", 0x12, FUNCTION),
    RETURN_CALL_INDIRECT("return_call_indirect", 0x13, TYPE, TABLE),
    DROP("drop", 0x1A),
    SELECT("select", 0x1B),
    SELECT_T("select_t", 0x1C, VALTYPE_VECTOR),
    LOCAL_GET("local.get", 0x20, LOCAL),
    LOCAL_SET("local.set", 0x21, LOCAL),
    LOCAL_TEE("local.tee", 0x22, LOCAL),
    GLOBAL_GET("global.get", 0x23, GLOBAL),
    GLOBAL_SET("global.set", 0x24, GLOBAL),
    TABLE_GET("table.get", 0x25, TABLE),
    TABLE_SET("table.set", 0x26, TABLE),
    I32_LOAD("i32.load", 0x28, MEMARG),
    I64_LOAD("i64.load", 0x29, MEMARG),
    F32_LOAD("f32.load", 0x2A, MEMARG),
    F64_LOAD("f64.load", 0x2B, MEMARG),
    I32_LOAD8_S("i32.load8_s", 0x2C, MEMARG),
    I32_LOAD8_U("i32.load8_u", 0x2D, MEMARG),
    I32_LOAD16_S("i32.load16_s", 0x2E, MEMARG),
    I32_LOAD16_U("i32.load16_u", 0x2F, MEMARG),
    I64_LOAD8_S("i64.load8_s", 0x30, MEMARG),
    I64_LOAD8_U("i64.load8_u", 0x31, MEMARG),
    I64_LOAD16_S("i64.load16_s", 0x32, MEMARG),
    I64_LOAD16_U("i64.load16_u", 0x33, MEMARG),
    I64_LOAD32_S("i64.load32_s", 0x34, MEMARG),
    I64_LOAD32_U("i64.load32_u", 0x35, MEMARG),
    I32_STORE("i32.store", 0x36, MEMARG),
    I64_STORE("i64.store", 0x37, MEMARG),
    F32_STORE("f32.store", 0x38, MEMARG),
    F64_STORE("f64.store", 0x39, MEMARG),
    I32_STORE8("i32.store8", 0x3A, MEMARG),
    I32_STORE16("i32.store16", 0x3B, MEMARG),
    I64_STORE8("i64.store8", 0x3C, MEMARG),
    I64_STORE16("i64.store16", 0x3D, MEMARG),
    I64_STORE32("i64.store32", 0x3E, MEMARG),
    MEMORY_SIZE("memory.size", 0x3F, MEMORY),
    MEMORY_GROW("memory.grow", 0x40, MEMORY),
    I32_CONST("i32.const", 0x41, I32),
    I64_CONST("i64.const", 0x42, I64),
    F32_CONST("f32.const", 0x43, F32),
    F64_CONST("f64.const", 0x44, F64),
    I32_EQZ("i32.eqz", 0x45),
    I32_EQ("i32.eq", 0x46),
    I32_NE("i32.ne", 0x47),
    I32_LT_S("i32.lt_s", 0x48),
    I32_LT_U("i32.lt_u", 0x49),
    I32_GT_S("i32.gt_s", 0x4A),
    I32_GT_U("i32.gt_u", 0x4B),
    I32_LE_S("i32.le_s", 0x4C),
    I32_LE_U("i32.le_u", 0x4D),
    I32_GE_S("i32.ge_s", 0x4E),
    I32_GE_U("i32.ge_u", 0x4F),
    I64_EQZ("i64.eqz", 0x50),
    I64_EQ("i64.eq", 0x51),
    I64_NE("i64.ne", 0x52),
    I64_LT_S("i64.lt_s", 0x53),
    I64_LT_U("i64.lt_u", 0x54),
    I64_GT_S("i64.gt_s", 0x55),
    I64_GT_U("i64.gt_u", 0x56),
    I64_LE_S("i64.le_s", 0x57),
    I64_LE_U("i64.le_u", 0x58),
    I64_GE_S("i64.ge_s", 0x59),
    I64_GE_U("i64.ge_u", 0x5A),
    F32_EQ("f32.eq", 0x5B),
    F32_NE("f32.ne", 0x5C),
    F32_LT("f32.lt", 0x5D),
    F32_GT("f32.gt", 0x5E),
    F32_LE("f32.le", 0x5F),
    F32_GE("f32.ge", 0x60),
    F64_EQ("f64.eq", 0x61),
    F64_NE("f64.ne", 0x62),
    F64_LT("f64.lt", 0x63),
    F64_GT("f64.gt", 0x64),
    F64_LE("f64.le", 0x65),
    F64_GE("f64.ge", 0x66),
    I32_CLZ("i32.clz", 0x67),
    I32_CTZ("i32.ctz", 0x68),
    I32_POPCNT("i32.popcnt", 0x69),
    I32_ADD("i32.add", 0x6A),
    I32_SUB("i32.sub", 0x6B),
    I32_MUL("i32.mul", 0x6C),
    I32_DIV_S("i32.div_s", 0x6D),
    I32_DIV_U("i32.div_u", 0x6E),
    I32_REM_S("i32.rem_s", 0x6F),
    I32_REM_U("i32.rem_u", 0x70),
    I32_AND("i32.and", 0x71),
    I32_OR("i32.or", 0x72),
    I32_XOR("i32.xor", 0x73),
    I32_SHL("i32.shl", 0x74),
    I32_SHR_S("i32.shr_s", 0x75),
    I32_SHR_U("i32.shr_u", 0x76),
    I32_ROTL("i32.rotl", 0x77),
    I32_ROTR("i32.rotr", 0x78),
    I64_CLZ("i64.clz", 0x79),
    I64_CTZ("i64.ctz", 0x7A),
    I64_POPCNT("i64.popcnt", 0x7B),
    I64_ADD("i64.add", 0x7C),
    I64_SUB("i64.sub", 0x7D),
    I64_MUL("i64.mul", 0x7E),
    I64_DIV_S("i64.div_s", 0x7F),
    I64_DIV_U("i64.div_u", 0x80),
    I64_REM_S("i64.rem_s", 0x81),
    I64_REM_U("i64.rem_u", 0x82),
    I64_AND("i64.and", 0x83),
    I64_OR("i64.or", 0x84),
    I64_XOR("i64.xor", 0x85),
    I64_SHL("i64.shl", 0x86),
    I64_SHR_S("i64.shr_s", 0x87),
    I64_SHR_U("i64.shr_u", 0x88),
    I64_ROTL("i64.rotl", 0x89),
    I64_ROTR("i64.rotr", 0x8A),
    F32_ABS("f32.abs", 0x8B),
    F32_NEG("f32.neg", 0x8C),
    F32_CEIL("f32.ceil", 0x8D),
    F32_FLOOR("f32.floor", 0x8E),
    F32_TRUNC("f32.trunc", 0x8F),
    F32_NEAREST("f32.nearest", 0x90),
    F32_SQRT("f32.sqrt", 0x91),
    F32_ADD("f32.add", 0x92),
    F32_SUB("f32.sub", 0x93),
    F32_MUL("f32.mul", 0x94),
    F32_DIV("f32.div", 0x95),
    F32_MIN("f32.min", 0x96),
    F32_MAX("f32.max", 0x97),
    F32_COPYSIGN("f32.copysign", 0x98),
    F64_ABS("f64.abs", 0x99),
    F64_NEG("f64.neg", 0x9A),
    F64_CEIL("f64.ceil", 0x9B),
    F64_FLOOR("f64.floor", 0x9C),
    F64_TRUNC("f64.trunc", 0x9D),
    F64_NEAREST("f64.nearest", 0x9E),
    F64_SQRT("f64.sqrt", 0x9F),
    F64_ADD("f64.add", 0xA0),
    F64_SUB("f64.sub", 0xA1),
    F64_MUL("f64.mul", 0xA2),
    F64_DIV("f64.div", 0xA3),
    F64_MIN("f64.min", 0xA4),
    F64_MAX("f64.max", 0xA5),
    F64_COPYSIGN("f64.copysign", 0xA6),
    I32_WRAP_I64("i32.wrap_i64", 0xA7),
    I32_TRUNC_F32_S("i32.trunc_f32_s", 0xA8),
    I32_TRUNC_F32_U("i32.trunc_f32_u", 0xA9),
    I32_TRUNC_F64_S("i32.trunc_f64_s", 0xAA),
    I32_TRUNC_F64_U("i32.trunc_f64_u", 0xAB),
    I64_EXTEND_I32_S("i64.extend_i32_s", 0xAC),
    I64_EXTEND_I32_U("i64.extend_i32_u", 0xAD),
    I64_TRUNC_F32_S("i64.trunc_f32_s", 0xAE),
    I64_TRUNC_F32_U("i64.trunc_f32_u", 0xAF),
    I64_TRUNC_F64_S("i64.trunc_f64_s", 0xB0),
    I64_TRUNC_F64_U("i64.trunc_f64_u", 0xB1),
    F32_CONVERT_I32_S("f32.convert_i32_s", 0xB2),
    F32_CONVERT_I32_U("f32.convert_i32_u", 0xB3),
    F32_CONVERT_I64_S("f32.convert_i64_s", 0xB4),
    F32_CONVERT_I64_U("f32.convert_i64_u", 0xB5),
    F32_DEMOTE_F64("f32.demote_f64", 0xB6),
    F64_CONVERT_I32_S("f64.convert_i32_s", 0xB7),
    F64_CONVERT_I32_U("f64.convert_i32_u", 0xB8),
    F64_CONVERT_I64_S("f64.convert_i64_s", 0xB9),
    F64_CONVERT_I64_U("f64.convert_i64_u", 0xBA),
    F64_PROMOTE_F32("f64.promote_f32", 0xBB),
    I32_REINTERPRET_F32("i32.reinterpret_f32", 0xBC),
    I64_REINTERPRET_F64("i64.reinterpret_f64", 0xBD),
    F32_REINTERPRET_I32("f32.reinterpret_i32", 0xBE),
    F64_REINTERPRET_I64("f64.reinterpret_i64", 0xBF),
    I32_EXTEND8_S("i32.extend8_s", 0xC0),
    I32_EXTEND16_S("i32.extend16_s", 0xC1),
    I64_EXTEND8_S("i64.extend8_s", 0xC2),
    I64_EXTEND16_S("i64.extend16_s", 0xC3),
    I64_EXTEND32_S("i64.extend32_s", 0xC4),
    REF_NULL("ref.null", 0xD0, REF_TYPE),
    REF_IS_NULL("ref.is_null", 0xD1),
    REF_FUNC("ref.func", 0xD2, FUNCTION),
    I32_TRUNC_SAT_F32_S("i32.trunc_sat_f32_s", Prefix.FC, 0),
    I32_TRUNC_SAT_F32_U("i32.trunc_sat_f32_u", Prefix.FC, 1),
    I32_TRUNC_SAT_F64_S("i32.trunc_sat_f64_s", Prefix.FC, 2),
    I32_TRUNC_SAT_F64_U("i32.trunc_sat_f64_u", Prefix.FC, 3),
    I64_TRUNC_SAT_F32_S("i64.trunc_sat_f32_s", Prefix.FC, 4),
    I64_TRUNC_SAT_F32_U("i64.trunc_sat_f32_u", Prefix.FC, 5),
    I64_TRUNC_SAT_F64_S("i64.trunc_sat_f64_s", Prefix.FC, 6),
    I64_TRUNC_SAT_F64_U("i64.trunc_sat_f64_u", Prefix.FC, 7),
    MEMORY_INIT("memory.init", Prefix.FC, 8, DATA, MEMORY),
    DATA_DROP("data.drop", Prefix.FC, 9, DATA),
    MEMORY_COPY("memory.copy", Prefix.FC, 10, MEMORY, MEMORY),
    MEMORY_FILL("memory.fill", Prefix.FC, 11, MEMORY),
    TABLE_INIT("table.init", Prefix.FC, 12, ELEMENT, TABLE),
    ELEM_DROP("elem.drop", Prefix.FC, 13, ELEMENT),
    TABLE_COPY("table.copy", Prefix.FC, 14, TABLE, TABLE),
    TABLE_GROW("table.grow", Prefix.FC, 15, TABLE),
    TABLE_SIZE("table.size", Prefix.FC, 16, TABLE),
    TABLE_FILL("table.fill", Prefix.FC, 17, TABLE);

    /** The prefix byte of the bulk-memory, table and saturating-truncation instructions. */
    static final int PREFIX_FC_BYTE = 0xFC;

    private static final Opcode[] SINGLE_BYTE = new Opcode[256];
    private static final Opcode[] PREFIXED_FC = new Opcode[32];

    static {
        for (Opcode op : values()) {
            if (op.prefixed) {
                PREFIXED_FC[op.code] = op;
            } else {
                SINGLE_BYTE[op.code] = op;
            }
        }
    }

    /** The name in the text format. */
    final String text;
    /** The opcode byte, or the sub-opcode after the 0xFC prefix. */
    final int code;
    /** True when encoded as 0xFC followed by {@link #code} as a LEB128. */
    final boolean prefixed;
    /** The immediates that follow the opcode, in order. */
    final List<Immediate> immediates;

    Opcode(String text, int code, Immediate... immediates) {
        this(text, false, code, immediates);
    }

    Opcode(String text, Prefix prefix, int code, Immediate... immediates) {
        this(text, true, code, immediates);
    }

    Opcode(String text, boolean prefixed, int code, Immediate... immediates) {
        this.text = text;
        this.prefixed = prefixed;
        this.code = code;
        this.immediates = List.of(immediates);
    }

    /** The single-byte instruction with that code, or null. */
    static Opcode singleByte(int code) {
        return SINGLE_BYTE[code];
    }

    /** The 0xFC-prefixed instruction with that sub-opcode, or null. */
    static Opcode prefixedFc(int subOpcode) {
        return subOpcode >= 0 && subOpcode < PREFIXED_FC.length ? PREFIXED_FC[subOpcode] : null;
    }

    /** Marks the constructor of prefixed instructions. */
    enum Prefix {
        FC
    }
}
