package dev.wasmjit.harness;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A guest address as the harness prints it, {@code 0x} and hex digits, or in decimal. */
final class AddressConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            long address = Long.decode(value.trim());
            if (address < 0 || address > 0xFFFF_FFFFL) {
                throw new TypeConversionException("'" + value + "' is not a 32-bit guest address");
            }
            return (int) address;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an address: give the handle `wasmjit link` printed, 0x and hex digits");
        }
    }
}
