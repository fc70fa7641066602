// The WebAssembly instructions the JIT emits, by name, and an assembler that
// encodes them into a function body. The opcode numbers live here only.
#pragma once
#include "bytes.h"

enum class Op : uint8_t {
  Unreachable = 0x00,
  Block = 0x02,
  Loop = 0x03,
  If = 0x04,
  Else = 0x05,
  End = 0x0b,
  Br = 0x0c,
  BrIf = 0x0d,
  Return = 0x0f,
  Call = 0x10,
  CallIndirect = 0x11,
  Drop = 0x1a,
  Select = 0x1b,
  LocalGet = 0x20,
  LocalSet = 0x21,
  LocalTee = 0x22,
  I32Load = 0x28,
  I32Store = 0x36,
  I32Const = 0x41,
  I64Const = 0x42,
  I32Eqz = 0x45,
  I32Eq = 0x46,
  I32Ne = 0x47,
  I32LtS = 0x48,
  I32LtU = 0x49,
  I32GtS = 0x4a,
  I32GtU = 0x4b,
  I32LeS = 0x4c,
  I32LeU = 0x4d,
  I32GeS = 0x4e,
  I64LtU = 0x54,
  I32Add = 0x6a,
  I32Sub = 0x6b,
  I32Mul = 0x6c,
  I32And = 0x71,
  I32Or = 0x72,
  I32Xor = 0x73,
  I32Shl = 0x74,
  I32ShrS = 0x75,
  I32ShrU = 0x76,
  I64Add = 0x7c,
  I64Sub = 0x7d,
  I64Mul = 0x7e,
  I32WrapI64 = 0xa7,
  I64ExtendI32S = 0xac,
  RefFunc = 0xd2,
  PrefixFC = 0xfc,  // followed by a sub-opcode
};

enum class PrefixedOp : uint32_t { TableGrow = 15 };

enum class ValueType : uint8_t { I32 = 0x7f, I64 = 0x7e, FuncRef = 0x70 };

// The result type of a block, loop or if.
enum class BlockType : uint8_t { None = 0x40, I32 = 0x7f };

class Assembler {
 public:
  Bytes& code() { return code_; }

  void op(Op o) { code_.byte((uint8_t)o); }
  void i32Const(int32_t v) { op(Op::I32Const); code_.signedLeb(v); }
  void i64Const(int64_t v) { op(Op::I64Const); code_.signedLeb(v); }
  void localGet(uint32_t i) { op(Op::LocalGet); code_.unsignedLeb(i); }
  void localSet(uint32_t i) { op(Op::LocalSet); code_.unsignedLeb(i); }
  void localTee(uint32_t i) { op(Op::LocalTee); code_.unsignedLeb(i); }
  // Word-aligned i32 memory access at a constant offset from the address on the stack.
  void i32Load(uint32_t offset) { memoryAccess(Op::I32Load, offset); }
  void i32Store(uint32_t offset) { memoryAccess(Op::I32Store, offset); }
  void block(BlockType t) { op(Op::Block); code_.byte((uint8_t)t); }
  void loop(BlockType t) { op(Op::Loop); code_.byte((uint8_t)t); }
  void ifThen(BlockType t) { op(Op::If); code_.byte((uint8_t)t); }
  void elseThen() { op(Op::Else); }
  void end() { op(Op::End); }
  void br(uint32_t depth) { op(Op::Br); code_.unsignedLeb(depth); }
  void call(uint32_t function) { op(Op::Call); code_.unsignedLeb(function); }
  void callIndirect(uint32_t typeIndex) {
    op(Op::CallIndirect);
    code_.unsignedLeb(typeIndex);
    code_.unsignedLeb(0);  // table 0
  }
  void refFunc(uint32_t function) { op(Op::RefFunc); code_.unsignedLeb(function); }
  void tableGrow(uint32_t table) {
    op(Op::PrefixFC);
    code_.unsignedLeb((uint32_t)PrefixedOp::TableGrow);
    code_.unsignedLeb(table);
  }

 private:
  Bytes code_;

  void memoryAccess(Op o, uint32_t offset) {
    op(o);
    code_.unsignedLeb(2);  // log2 of the alignment
    code_.unsignedLeb(offset);
  }
};
