package dev.wasmjit.wasm;

import static dev.wasmjit.wasm.Immediate.*;

import java.util.List;

/**
 * Every instruction this layer can walk, with its binary code and the immediates
 * that follow it: the MVP, sign extension, non-trapping float-to-int, bulk memory, reference
 * types and tail calls. Code using anything else (SIMD, threads, exceptions) is rejected with
 * the offending opcode named, never skipped by guesswork.
 */
public enum Opcode {
    /** {@code unreachable}. */
    UNREACHABLE("unreachable", 0x00),
    /** {@code nop}. */
    NOP("nop", 0x01),
    /** {@code block}. */
    BLOCK("block", 0x02, BLOCK_TYPE),
    /** {@code loop}. */
    LOOP("loop", 0x03, BLOCK_TYPE),
    /** {@code if}. */
    IF("if", 0x04, BLOCK_TYPE),
    /** {@code else}. */
    ELSE("else", 0x05),
    /** {@code end}. */
    END("end", 0x0B),
    /** {@code br}. */
    BR("br", 0x0C, LABEL),
    /** {@code br_if}. */
    BR_IF("br_if", 0x0D, LABEL),
    /** {@code br_table}. */
    BR_TABLE("br_table", 0x0E, LABEL_VECTOR, LABEL),
    /** {@code return}. */
    RETURN("return", 0x0F),
    /** {@code call}. */
    CALL("call", 0x10, FUNCTION),
    /** {@code call_indirect}. */
    CALL_INDIRECT("call_indirect", 0x11, TYPE, TABLE),
    /** {@code return_call}. */
    RETURN_CALL("return_call", 0x12, FUNCTION),
    /** {@code return_call_indirect}. */
    RETURN_CALL_INDIRECT("return_call_indirect", 0x13, TYPE, TABLE),
    /** {@code drop}. */
    DROP("drop", 0x1A),
    /** {@code select}. */
    SELECT("select", 0x1B),
    /** {@code select_t}. */
    SELECT_T("select_t", 0x1C, VALTYPE_VECTOR),
    /** {@code local.get}. */
    LOCAL_GET("local.get", 0x20, LOCAL),
    /** {@code local.set}. */
    LOCAL_SET("local.set", 0x21, LOCAL),
    /** {@code local.tee}. */
    LOCAL_TEE("local.tee", 0x22, LOCAL),
    /** {@code global.get}. */
    GLOBAL_GET("global.get", 0x23, GLOBAL),
    /** {@code global.set}. */
    GLOBAL_SET("global.set", 0x24, GLOBAL),
    /** {@code table.get}. */
    TABLE_GET("table.get", 0x25, TABLE),
    /** {@code table.set}. */
    TABLE_SET("table.set", 0x26, TABLE),
    /** {@code i32.load}. */
    I32_LOAD("i32.load", 0x28, MEMARG),
    /** {@code i64.load}. */
    I64_LOAD("i64.load", 0x29, MEMARG),
    /** {@code f32.load}. */
    F32_LOAD("f32.load", 0x2A, MEMARG),
    /** {@code f64.load}. */
    F64_LOAD("f64.load", 0x2B, MEMARG),
    /** {@code i32.load8_s}. */
    I32_LOAD8_S("i32.load8_s", 0x2C, MEMARG),
    /** {@code i32.load8_u}. */
    I32_LOAD8_U("i32.load8_u", 0x2D, MEMARG),
    /** {@code i32.load16_s}. */
    I32_LOAD16_S("i32.load16_s", 0x2E, MEMARG),
    /** {@code i32.load16_u}. */
    I32_LOAD16_U("i32.load16_u", 0x2F, MEMARG),
    /** {@code i64.load8_s}. */
    I64_LOAD8_S("i64.load8_s", 0x30, MEMARG),
    /** {@code i64.load8_u}. */
    I64_LOAD8_U("i64.load8_u", 0x31, MEMARG),
    /** {@code i64.load16_s}. */
    I64_LOAD16_S("i64.load16_s", 0x32, MEMARG),
    /** {@code i64.load16_u}. */
    I64_LOAD16_U("i64.load16_u", 0x33, MEMARG),
    /** {@code i64.load32_s}. */
    I64_LOAD32_S("i64.load32_s", 0x34, MEMARG),
    /** {@code i64.load32_u}. */
    I64_LOAD32_U("i64.load32_u", 0x35, MEMARG),
    /** {@code i32.store}. */
    I32_STORE("i32.store", 0x36, MEMARG),
    /** {@code i64.store}. */
    I64_STORE("i64.store", 0x37, MEMARG),
    /** {@code f32.store}. */
    F32_STORE("f32.store", 0x38, MEMARG),
    /** {@code f64.store}. */
    F64_STORE("f64.store", 0x39, MEMARG),
    /** {@code i32.store8}. */
    I32_STORE8("i32.store8", 0x3A, MEMARG),
    /** {@code i32.store16}. */
    I32_STORE16("i32.store16", 0x3B, MEMARG),
    /** {@code i64.store8}. */
    I64_STORE8("i64.store8", 0x3C, MEMARG),
    /** {@code i64.store16}. */
    I64_STORE16("i64.store16", 0x3D, MEMARG),
    /** {@code i64.store32}. */
    I64_STORE32("i64.store32", 0x3E, MEMARG),
    /** {@code memory.size}. */
    MEMORY_SIZE("memory.size", 0x3F, MEMORY),
    /** {@code memory.grow}. */
    MEMORY_GROW("memory.grow", 0x40, MEMORY),
    /** {@code i32.const}. */
    I32_CONST("i32.const", 0x41, I32),
    /** {@code i64.const}. */
    I64_CONST("i64.const", 0x42, I64),
    /** {@code f32.const}. */
    F32_CONST("f32.const", 0x43, F32),
    /** {@code f64.const}. */
    F64_CONST("f64.const", 0x44, F64),
    /** {@code i32.eqz}. */
    I32_EQZ("i32.eqz", 0x45),
    /** {@code i32.eq}. */
    I32_EQ("i32.eq", 0x46),
    /** {@code i32.ne}. */
    I32_NE("i32.ne", 0x47),
    /** {@code i32.lt_s}. */
    I32_LT_S("i32.lt_s", 0x48),
    /** {@code i32.lt_u}. */
    I32_LT_U("i32.lt_u", 0x49),
    /** {@code i32.gt_s}. */
    I32_GT_S("i32.gt_s", 0x4A),
    /** {@code i32.gt_u}. */
    I32_GT_U("i32.gt_u", 0x4B),
    /** {@code i32.le_s}. */
    I32_LE_S("i32.le_s", 0x4C),
    /** {@code i32.le_u}. */
    I32_LE_U("i32.le_u", 0x4D),
    /** {@code i32.ge_s}. */
    I32_GE_S("i32.ge_s", 0x4E),
    /** {@code i32.ge_u}. */
    I32_GE_U("i32.ge_u", 0x4F),
    /** {@code i64.eqz}. */
    I64_EQZ("i64.eqz", 0x50),
    /** {@code i64.eq}. */
    I64_EQ("i64.eq", 0x51),
    /** {@code i64.ne}. */
    I64_NE("i64.ne", 0x52),
    /** {@code i64.lt_s}. */
    I64_LT_S("i64.lt_s", 0x53),
    /** {@code i64.lt_u}. */
    I64_LT_U("i64.lt_u", 0x54),
    /** {@code i64.gt_s}. */
    I64_GT_S("i64.gt_s", 0x55),
    /** {@code i64.gt_u}. */
    I64_GT_U("i64.gt_u", 0x56),
    /** {@code i64.le_s}. */
    I64_LE_S("i64.le_s", 0x57),
    /** {@code i64.le_u}. */
    I64_LE_U("i64.le_u", 0x58),
    /** {@code i64.ge_s}. */
    I64_GE_S("i64.ge_s", 0x59),
    /** {@code i64.ge_u}. */
    I64_GE_U("i64.ge_u", 0x5A),
    /** {@code f32.eq}. */
    F32_EQ("f32.eq", 0x5B),
    /** {@code f32.ne}. */
    F32_NE("f32.ne", 0x5C),
    /** {@code f32.lt}. */
    F32_LT("f32.lt", 0x5D),
    /** {@code f32.gt}. */
    F32_GT("f32.gt", 0x5E),
    /** {@code f32.le}. */
    F32_LE("f32.le", 0x5F),
    /** {@code f32.ge}. */
    F32_GE("f32.ge", 0x60),
    /** {@code f64.eq}. */
    F64_EQ("f64.eq", 0x61),
    /** {@code f64.ne}. */
    F64_NE("f64.ne", 0x62),
    /** {@code f64.lt}. */
    F64_LT("f64.lt", 0x63),
    /** {@code f64.gt}. */
    F64_GT("f64.gt", 0x64),
    /** {@code f64.le}. */
    F64_LE("f64.le", 0x65),
    /** {@code f64.ge}. */
    F64_GE("f64.ge", 0x66),
    /** {@code i32.clz}. */
    I32_CLZ("i32.clz", 0x67),
    /** {@code i32.ctz}. */
    I32_CTZ("i32.ctz", 0x68),
    /** {@code i32.popcnt}. */
    I32_POPCNT("i32.popcnt", 0x69),
    /** {@code i32.add}. */
    I32_ADD("i32.add", 0x6A),
    /** {@code i32.sub}. */
    I32_SUB("i32.sub", 0x6B),
    /** {@code i32.mul}. */
    I32_MUL("i32.mul", 0x6C),
    /** {@code i32.div_s}. */
    I32_DIV_S("i32.div_s", 0x6D),
    /** {@code i32.div_u}. */
    I32_DIV_U("i32.div_u", 0x6E),
    /** {@code i32.rem_s}. */
    I32_REM_S("i32.rem_s", 0x6F),
    /** {@code i32.rem_u}. */
    I32_REM_U("i32.rem_u", 0x70),
    /** {@code i32.and}. */
    I32_AND("i32.and", 0x71),
    /** {@code i32.or}. */
    I32_OR("i32.or", 0x72),
    /** {@code i32.xor}. */
    I32_XOR("i32.xor", 0x73),
    /** {@code i32.shl}. */
    I32_SHL("i32.shl", 0x74),
    /** {@code i32.shr_s}. */
    I32_SHR_S("i32.shr_s", 0x75),
    /** {@code i32.shr_u}. */
    I32_SHR_U("i32.shr_u", 0x76),
    /** {@code i32.rotl}. */
    I32_ROTL("i32.rotl", 0x77),
    /** {@code i32.rotr}. */
    I32_ROTR("i32.rotr", 0x78),
    /** {@code i64.clz}. */
    I64_CLZ("i64.clz", 0x79),
    /** {@code i64.ctz}. */
    I64_CTZ("i64.ctz", 0x7A),
    /** {@code i64.popcnt}. */
    I64_POPCNT("i64.popcnt", 0x7B),
    /** {@code i64.add}. */
    I64_ADD("i64.add", 0x7C),
    /** {@code i64.sub}. */
    I64_SUB("i64.sub", 0x7D),
    /** {@code i64.mul}. */
    I64_MUL("i64.mul", 0x7E),
    /** {@code i64.div_s}. */
    I64_DIV_S("i64.div_s", 0x7F),
    /** {@code i64.div_u}. */
    I64_DIV_U("i64.div_u", 0x80),
    /** {@code i64.rem_s}. */
    I64_REM_S("i64.rem_s", 0x81),
    /** {@code i64.rem_u}. */
    I64_REM_U("i64.rem_u", 0x82),
    /** {@code i64.and}. */
    I64_AND("i64.and", 0x83),
    /** {@code i64.or}. */
    I64_OR("i64.or", 0x84),
    /** {@code i64.xor}. */
    I64_XOR("i64.xor", 0x85),
    /** {@code i64.shl}. */
    I64_SHL("i64.shl", 0x86),
    /** {@code i64.shr_s}. */
    I64_SHR_S("i64.shr_s", 0x87),
    /** {@code i64.shr_u}. */
    I64_SHR_U("i64.shr_u", 0x88),
    /** {@code i64.rotl}. */
    I64_ROTL("i64.rotl", 0x89),
    /** {@code i64.rotr}. */
    I64_ROTR("i64.rotr", 0x8A),
    /** {@code f32.abs}. */
    F32_ABS("f32.abs", 0x8B),
    /** {@code f32.neg}. */
    F32_NEG("f32.neg", 0x8C),
    /** {@code f32.ceil}. */
    F32_CEIL("f32.ceil", 0x8D),
    /** {@code f32.floor}. */
    F32_FLOOR("f32.floor", 0x8E),
    /** {@code f32.trunc}. */
    F32_TRUNC("f32.trunc", 0x8F),
    /** {@code f32.nearest}. */
    F32_NEAREST("f32.nearest", 0x90),
    /** {@code f32.sqrt}. */
    F32_SQRT("f32.sqrt", 0x91),
    /** {@code f32.add}. */
    F32_ADD("f32.add", 0x92),
    /** {@code f32.sub}. */
    F32_SUB("f32.sub", 0x93),
    /** {@code f32.mul}. */
    F32_MUL("f32.mul", 0x94),
    /** {@code f32.div}. */
    F32_DIV("f32.div", 0x95),
    /** {@code f32.min}. */
    F32_MIN("f32.min", 0x96),
    /** {@code f32.max}. */
    F32_MAX("f32.max", 0x97),
    /** {@code f32.copysign}. */
    F32_COPYSIGN("f32.copysign", 0x98),
    /** {@code f64.abs}. */
    F64_ABS("f64.abs", 0x99),
    /** {@code f64.neg}. */
    F64_NEG("f64.neg", 0x9A),
    /** {@code f64.ceil}. */
    F64_CEIL("f64.ceil", 0x9B),
    /** {@code f64.floor}. */
    F64_FLOOR("f64.floor", 0x9C),
    /** {@code f64.trunc}. */
    F64_TRUNC("f64.trunc", 0x9D),
    /** {@code f64.nearest}. */
    F64_NEAREST("f64.nearest", 0x9E),
    /** {@code f64.sqrt}. */
    F64_SQRT("f64.sqrt", 0x9F),
    /** {@code f64.add}. */
    F64_ADD("f64.add", 0xA0),
    /** {@code f64.sub}. */
    F64_SUB("f64.sub", 0xA1),
    /** {@code f64.mul}. */
    F64_MUL("f64.mul", 0xA2),
    /** {@code f64.div}. */
    F64_DIV("f64.div", 0xA3),
    /** {@code f64.min}. */
    F64_MIN("f64.min", 0xA4),
    /** {@code f64.max}. */
    F64_MAX("f64.max", 0xA5),
    /** {@code f64.copysign}. */
    F64_COPYSIGN("f64.copysign", 0xA6),
    /** {@code i32.wrap_i64}. */
    I32_WRAP_I64("i32.wrap_i64", 0xA7),
    /** {@code i32.trunc_f32_s}. */
    I32_TRUNC_F32_S("i32.trunc_f32_s", 0xA8),
    /** {@code i32.trunc_f32_u}. */
    I32_TRUNC_F32_U("i32.trunc_f32_u", 0xA9),
    /** {@code i32.trunc_f64_s}. */
    I32_TRUNC_F64_S("i32.trunc_f64_s", 0xAA),
    /** {@code i32.trunc_f64_u}. */
    I32_TRUNC_F64_U("i32.trunc_f64_u", 0xAB),
    /** {@code i64.extend_i32_s}. */
    I64_EXTEND_I32_S("i64.extend_i32_s", 0xAC),
    /** {@code i64.extend_i32_u}. */
    I64_EXTEND_I32_U("i64.extend_i32_u", 0xAD),
    /** {@code i64.trunc_f32_s}. */
    I64_TRUNC_F32_S("i64.trunc_f32_s", 0xAE),
    /** {@code i64.trunc_f32_u}. */
    I64_TRUNC_F32_U("i64.trunc_f32_u", 0xAF),
    /** {@code i64.trunc_f64_s}. */
    I64_TRUNC_F64_S("i64.trunc_f64_s", 0xB0),
    /** {@code i64.trunc_f64_u}. */
    I64_TRUNC_F64_U("i64.trunc_f64_u", 0xB1),
    /** {@code f32.convert_i32_s}. */
    F32_CONVERT_I32_S("f32.convert_i32_s", 0xB2),
    /** {@code f32.convert_i32_u}. */
    F32_CONVERT_I32_U("f32.convert_i32_u", 0xB3),
    /** {@code f32.convert_i64_s}. */
    F32_CONVERT_I64_S("f32.convert_i64_s", 0xB4),
    /** {@code f32.convert_i64_u}. */
    F32_CONVERT_I64_U("f32.convert_i64_u", 0xB5),
    /** {@code f32.demote_f64}. */
    F32_DEMOTE_F64("f32.demote_f64", 0xB6),
    /** {@code f64.convert_i32_s}. */
    F64_CONVERT_I32_S("f64.convert_i32_s", 0xB7),
    /** {@code f64.convert_i32_u}. */
    F64_CONVERT_I32_U("f64.convert_i32_u", 0xB8),
    /** {@code f64.convert_i64_s}. */
    F64_CONVERT_I64_S("f64.convert_i64_s", 0xB9),
    /** {@code f64.convert_i64_u}. */
    F64_CONVERT_I64_U("f64.convert_i64_u", 0xBA),
    /** {@code f64.promote_f32}. */
    F64_PROMOTE_F32("f64.promote_f32", 0xBB),
    /** {@code i32.reinterpret_f32}. */
    I32_REINTERPRET_F32("i32.reinterpret_f32", 0xBC),
    /** {@code i64.reinterpret_f64}. */
    I64_REINTERPRET_F64("i64.reinterpret_f64", 0xBD),
    /** {@code f32.reinterpret_i32}. */
    F32_REINTERPRET_I32("f32.reinterpret_i32", 0xBE),
    /** {@code f64.reinterpret_i64}. */
    F64_REINTERPRET_I64("f64.reinterpret_i64", 0xBF),
    /** {@code i32.extend8_s}. */
    I32_EXTEND8_S("i32.extend8_s", 0xC0),
    /** {@code i32.extend16_s}. */
    I32_EXTEND16_S("i32.extend16_s", 0xC1),
    /** {@code i64.extend8_s}. */
    I64_EXTEND8_S("i64.extend8_s", 0xC2),
    /** {@code i64.extend16_s}. */
    I64_EXTEND16_S("i64.extend16_s", 0xC3),
    /** {@code i64.extend32_s}. */
    I64_EXTEND32_S("i64.extend32_s", 0xC4),
    /** {@code ref.null}. */
    REF_NULL("ref.null", 0xD0, REF_TYPE),
    /** {@code ref.is_null}. */
    REF_IS_NULL("ref.is_null", 0xD1),
    /** {@code ref.func}. */
    REF_FUNC("ref.func", 0xD2, FUNCTION),
    /** {@code i32.trunc_sat_f32_s}. */
    I32_TRUNC_SAT_F32_S("i32.trunc_sat_f32_s", Prefix.FC, 0),
    /** {@code i32.trunc_sat_f32_u}. */
    I32_TRUNC_SAT_F32_U("i32.trunc_sat_f32_u", Prefix.FC, 1),
    /** {@code i32.trunc_sat_f64_s}. */
    I32_TRUNC_SAT_F64_S("i32.trunc_sat_f64_s", Prefix.FC, 2),
    /** {@code i32.trunc_sat_f64_u}. */
    I32_TRUNC_SAT_F64_U("i32.trunc_sat_f64_u", Prefix.FC, 3),
    /** {@code i64.trunc_sat_f32_s}. */
    I64_TRUNC_SAT_F32_S("i64.trunc_sat_f32_s", Prefix.FC, 4),
    /** {@code i64.trunc_sat_f32_u}. */
    I64_TRUNC_SAT_F32_U("i64.trunc_sat_f32_u", Prefix.FC, 5),
    /** {@code i64.trunc_sat_f64_s}. */
    I64_TRUNC_SAT_F64_S("i64.trunc_sat_f64_s", Prefix.FC, 6),
    /** {@code i64.trunc_sat_f64_u}. */
    I64_TRUNC_SAT_F64_U("i64.trunc_sat_f64_u", Prefix.FC, 7),
    /** {@code memory.init}. */
    MEMORY_INIT("memory.init", Prefix.FC, 8, DATA, MEMORY),
    /** {@code data.drop}. */
    DATA_DROP("data.drop", Prefix.FC, 9, DATA),
    /** {@code memory.copy}. */
    MEMORY_COPY("memory.copy", Prefix.FC, 10, MEMORY, MEMORY),
    /** {@code memory.fill}. */
    MEMORY_FILL("memory.fill", Prefix.FC, 11, MEMORY),
    /** {@code table.init}. */
    TABLE_INIT("table.init", Prefix.FC, 12, ELEMENT, TABLE),
    /** {@code elem.drop}. */
    ELEM_DROP("elem.drop", Prefix.FC, 13, ELEMENT),
    /** {@code table.copy}. */
    TABLE_COPY("table.copy", Prefix.FC, 14, TABLE, TABLE),
    /** {@code table.grow}. */
    TABLE_GROW("table.grow", Prefix.FC, 15, TABLE),
    /** {@code table.size}. */
    TABLE_SIZE("table.size", Prefix.FC, 16, TABLE),
    /** {@code table.fill}. */
    TABLE_FILL("table.fill", Prefix.FC, 17, TABLE);

    /** The prefix byte of the bulk-memory, table and saturating-truncation instructions. */
    public static final int PREFIX_FC_BYTE = 0xFC;
    /** The block type of a {@code block}, {@code loop} or {@code if} that takes and leaves no value. */
    public static final int EMPTY_BLOCK_TYPE = 0x40;

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

    private final String text;
    private final int code;
    private final boolean prefixed;
    private final List<Immediate> immediates;

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

    /**
     * The instruction's name in the text format.
     *
     * @return the name, such as {@code i32.add}
     */
    public String text() {
        return text;
    }

    /**
     * The instruction's code.
     *
     * @return the opcode byte, or the sub-opcode after the {@link #PREFIX_FC_BYTE} prefix
     */
    public int code() {
        return code;
    }

    /**
     * Whether the instruction is encoded as {@link #PREFIX_FC_BYTE} followed by its
     * {@link #code()} as an unsigned integer.
     *
     * @return true for the prefixed instructions
     */
    boolean isPrefixed() {
        return prefixed;
    }

    /**
     * The immediates that follow the opcode.
     *
     * @return their kinds, in encoding order
     */
    List<Immediate> immediates() {
        return immediates;
    }

    /**
     * The single-byte instruction with a code.
     *
     * @param code the opcode byte, 0 to 255
     * @return the instruction, or null when this layer knows none with that byte
     */
    static Opcode singleByte(int code) {
        return SINGLE_BYTE[code];
    }

    /**
     * The {@link #PREFIX_FC_BYTE}-prefixed instruction with a sub-opcode.
     *
     * @param subOpcode the sub-opcode
     * @return the instruction, or null when this layer knows none with that sub-opcode
     */
    static Opcode prefixedFc(int subOpcode) {
        return subOpcode >= 0 && subOpcode < PREFIXED_FC.length ? PREFIXED_FC[subOpcode] : null;
    }

    /** Marks the constructor of prefixed instructions. */
    private enum Prefix {
        FC
    }
}
