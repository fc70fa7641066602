package dev.wasmjit.reliability;

import dev.wasmjit.wasm.SectionId;
import dev.wasmjit.wasm.WasmOutput;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Byte-level mutations of real modules, aimed where readers trust the bytes: section sizes,
 * vector counts, the counts and lengths inside sections, and their LEB128 encodings (overlong, over 32 bits, huge values), truncation,
 * and sections dropped, doubled, reordered, renumbered or spliced in from another module;
 * besides plain byte changes. Each mutant says which mutations made it.
 */
final class ModuleMutator {

    /** Sections whose content starts with a vector count. */
    private static final Set<Integer> VECTOR_SECTIONS = Stream.of(SectionId.TYPE, SectionId.IMPORT, SectionId.FUNCTION,
            SectionId.TABLE, SectionId.MEMORY, SectionId.GLOBAL, SectionId.EXPORT, SectionId.ELEMENT, SectionId.CODE,
            SectionId.DATA).map(SectionId::code).collect(Collectors.toUnmodifiableSet());
    /** Values a corrupted size or count takes, besides ones near the true value. */
    private static final long[] HUGE = {0x7fffffffL, 0x80000000L, 0xfffffffaL, 0xffffffffL, 0x10000000L, 0x0fffffffL, 65536L};

    /** A mutated module and the mutations that made it. */
    record Mutant(byte[] bytes, String how) {
    }

    /** Where a section's parts lie: the id byte, the size's LEB128, the content. */
    record Section(int id, int start, int sizeStart, int contentStart, int end) {
    }

    private final Random random;

    ModuleMutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of {@code module}; {@code donor} gives sections to splice in. */
    Mutant mutate(byte[] module, byte[] donor) {
        byte[] bytes = module;
        List<String> how = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<Section> sections = sections(bytes);
            int choice = bytes.length == 0 ? 3 : sections.isEmpty() ? random.nextInt(4) : random.nextInt(15);
            bytes = switch (choice) {
                case 0 -> {
                    int at = random.nextInt(bytes.length);
                    int bit = random.nextInt(8);
                    how.add("flip bit " + bit + " of byte " + at);
                    byte[] flipped = bytes.clone();
                    flipped[at] ^= (byte) (1 << bit);
                    yield flipped;
                }
                case 1 -> {
                    int at = random.nextInt(bytes.length);
                    int value = new int[]{0x00, 0x01, 0x7f, 0x80, 0xff, 0x40, 0x60, 0x70, 0x0b}[random.nextInt(9)];
                    how.add("byte " + at + " := 0x" + Integer.toHexString(value));
                    byte[] set = bytes.clone();
                    set[at] = (byte) value;
                    yield set;
                }
                case 2 -> {
                    int length = random.nextInt(bytes.length);
                    how.add("truncate to " + length + " bytes");
                    yield Arrays.copyOf(bytes, length);
                }
                case 3 -> {
                    int at = random.nextInt(bytes.length + 1);
                    byte[] inserted = new byte[1 + random.nextInt(8)];
                    random.nextBytes(inserted);
                    how.add("insert " + inserted.length + " random bytes at " + at);
                    yield splice(bytes, at, at, inserted);
                }
                case 4, 5 -> {
                    Section section = sections.get(random.nextInt(sections.size()));
                    long size = corrupted(section.end() - section.contentStart());
                    int length = encodingLength();
                    how.add("section " + section.id() + " at " + section.start() + ": size := " + size
                            + " in " + length + "+ bytes");
                    yield splice(bytes, section.sizeStart(), section.contentStart(), new WasmOutput().paddedU64(size, length).toByteArray());
                }
                case 6, 7 -> {
                    List<Section> vectors = sections.stream().filter(s -> VECTOR_SECTIONS.contains(s.id())
                            && s.end() > s.contentStart()).toList();
                    if (vectors.isEmpty()) {
                        yield bytes;
                    }
                    Section section = vectors.get(random.nextInt(vectors.size()));
                    int[] position = {section.contentStart()};
                    long count = readLeb(bytes, position, section.end());
                    long corrupt = corrupted(count < 0 ? 0 : count);
                    int length = encodingLength();
                    how.add("section " + section.id() + " at " + section.start() + ": count := " + corrupt
                            + " in " + length + "+ bytes");
                    // the section's size stays as it was, so it no longer matches its content
                    yield splice(bytes, section.contentStart(), Math.min(position[0], section.end()),
                            new WasmOutput().paddedU64(corrupt, length).toByteArray());
                }
                case 8 -> {
                    Section section = sections.get(random.nextInt(sections.size()));
                    how.add("drop section " + section.id() + " at " + section.start());
                    yield splice(bytes, section.start(), section.end(), new byte[0]);
                }
                case 9 -> {
                    Section section = sections.get(random.nextInt(sections.size()));
                    how.add("double section " + section.id() + " at " + section.start());
                    yield splice(bytes, section.end(), section.end(), Arrays.copyOfRange(bytes, section.start(), section.end()));
                }
                case 10 -> {
                    if (sections.size() < 2) {
                        yield bytes;
                    }
                    int i1 = random.nextInt(sections.size() - 1);
                    Section first = sections.get(i1);
                    Section second = sections.get(i1 + 1);
                    how.add("swap sections " + first.id() + " and " + second.id() + " at " + first.start());
                    ByteArrayOutputStream swapped = new ByteArrayOutputStream();
                    swapped.write(bytes, 0, first.start());
                    swapped.write(bytes, second.start(), second.end() - second.start());
                    swapped.write(bytes, first.start(), first.end() - first.start());
                    swapped.write(bytes, second.end(), bytes.length - second.end());
                    yield swapped.toByteArray();
                }
                case 11 -> {
                    Section section = sections.get(random.nextInt(sections.size()));
                    int id = new int[]{0, 12, 13, 14, 0x7f, 0xff, random.nextInt(12)}[random.nextInt(7)];
                    how.add("section " + section.id() + " at " + section.start() + ": id := " + id);
                    byte[] renumbered = bytes.clone();
                    renumbered[section.start()] = (byte) id;
                    yield renumbered;
                }
                case 12, 13 -> {
                    // a count or length inside a section: a parameter count, a name's length, a body's size
                    Section section = sections.get(random.nextInt(sections.size()));
                    if (section.end() <= section.contentStart()) {
                        yield bytes;
                    }
                    int at = section.contentStart() + random.nextInt(section.end() - section.contentStart());
                    int[] position = {at};
                    long value = readLeb(bytes, position, section.end());
                    long corrupt = corrupted(Math.max(value, 0));
                    int length = encodingLength();
                    how.add("LEB128 at " + at + " in section " + section.id() + ": " + value + " := " + corrupt
                            + " in " + length + "+ bytes");
                    yield splice(bytes, at, value < 0 ? at + 1 : position[0], new WasmOutput().paddedU64(corrupt, length).toByteArray());
                }
                default -> {
                    List<Section> donated = sections(donor);
                    if (donated.isEmpty()) {
                        yield bytes;
                    }
                    Section gift = donated.get(random.nextInt(donated.size()));
                    Section place = sections.get(random.nextInt(sections.size()));
                    how.add("splice in the donor's section " + gift.id() + " before section " + place.id()
                            + " at " + place.start());
                    yield splice(bytes, place.start(), place.start(), Arrays.copyOfRange(donor, gift.start(), gift.end()));
                }
            };
        }
        return new Mutant(bytes, String.join(", ", how));
    }

    /** A size or count near the true one, zero, or huge. */
    private long corrupted(long value) {
        return switch (random.nextInt(5)) {
            case 0 -> Math.max(0, value - 1 - random.nextInt(3));
            case 1 -> value + 1 + random.nextInt(3);
            case 2 -> 0;
            case 3 -> random.nextLong() & 0xffffffffL;
            default -> HUGE[random.nextInt(HUGE.length)];
        };
    }

    /** Mostly canonical; else padded to 5 bytes (allowed), or overlong to 6-11 bytes (malformed). */
    private int encodingLength() {
        return switch (random.nextInt(4)) {
            case 0 -> 5;
            case 1 -> 6 + random.nextInt(6);
            default -> 1;
        };
    }

    /**
     * The sections of a module as far as their framing reads; stops at the first that does not.
     * Empty when the header is not wasm's.
     */
    static List<Section> sections(byte[] module) {
        List<Section> sections = new ArrayList<>();
        if (module.length < 8) {
            return sections;
        }
        int[] position = {8};
        while (position[0] < module.length) {
            int start = position[0];
            int id = module[position[0]++] & 0xff;
            int sizeStart = position[0];
            long size = readLeb(module, position, module.length);
            if (size < 0 || position[0] + size > module.length) {
                break;
            }
            sections.add(new Section(id, start, sizeStart, position[0], position[0] + (int) size));
            position[0] += (int) size;
        }
        return sections;
    }

    /** An unsigned LEB128 of at most 5 bytes, or -1 when it is malformed or runs past {@code end}. */
    private static long readLeb(byte[] bytes, int[] position, int end) {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (position[0] >= end) {
                return -1;
            }
            int b = bytes[position[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        return -1;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.writeBytes(replacement);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }
}
