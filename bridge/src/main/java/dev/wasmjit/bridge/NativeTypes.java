package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ValueType;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Val;

import java.util.List;

/** Conversions between the bridge's types and wasmtime-java's. */
final class NativeTypes {

    private NativeTypes() {
    }

    static FuncType funcType(FuncSignature signature) {
        return new FuncType(valTypes(signature.params()), valTypes(signature.results()));
    }

    private static Val.Type[] valTypes(List<ValueType> types) {
        return types.stream().map(NativeTypes::valType).toArray(Val.Type[]::new);
    }

    static Val.Type valType(ValueType type) {
        return switch (type) {
            case I32 -> Val.Type.I32;
            case I64 -> Val.Type.I64;
            case F32 -> Val.Type.F32;
            case F64 -> Val.Type.F64;
            case V128 -> Val.Type.V128;
            case FUNCREF -> Val.Type.FUNC_REF;
            case EXTERNREF -> Val.Type.EXTERN_REF;
        };
    }

    static Val toVal(ValueType type, Number value) {
        return switch (type) {
            case I32 -> Val.fromI32(value.intValue());
            case I64 -> Val.fromI64(value.longValue());
            case F32 -> Val.fromF32(value.floatValue());
            case F64 -> Val.fromF64(value.doubleValue());
            default -> throw new IllegalArgumentException("the bridge passes only numbers, not " + type);
        };
    }

    static Number fromVal(Val val) {
        return switch (val.getType()) {
            case I32 -> val.i32();
            case I64 -> val.i64();
            case F32 -> val.f32();
            case F64 -> val.f64();
            default -> throw new IllegalArgumentException("the bridge returns only numbers, not " + val.getType());
        };
    }
}
