#include "wasm_writer.h"

namespace {

enum class Section : uint8_t {
  Type = 1,
  Import = 2,
  Function = 3,
  Start = 8,
  Element = 9,
  Code = 10,
};

enum class ExternalKind : uint8_t { Table = 1, Memory = 2 };
const uint8_t kFunctionTypeForm = 0x60;
const uint8_t kLimitsMinOnly = 0x00;
const uint8_t kDeclarativeElements = 0x03;  // a declarative segment of function indices
const uint8_t kElementKindFunction = 0x00;

void section(Bytes& out, Section id, const Bytes& body) {
  out.byte((uint8_t)id);
  out.unsignedLeb(body.size());
  out.append(body);
}

void i32s(Bytes& out, uint32_t count) {
  out.unsignedLeb(count);
  for (uint32_t i = 0; i < count; i++) out.byte((uint8_t)ValueType::I32);
}

}  // namespace

void writeModule(const ModuleDescription& m, Bytes& out) {
  static const uint8_t header[] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  out.append(header, sizeof header);

  Bytes types;
  types.unsignedLeb(m.typeCount);
  for (uint32_t i = 0; i < m.typeCount; i++) {
    types.byte(kFunctionTypeForm);
    i32s(types, m.types[i].params);
    i32s(types, m.types[i].results);
  }
  section(out, Section::Type, types);

  Bytes imports;
  imports.unsignedLeb(2);
  imports.name("env");
  imports.name("memory");
  imports.byte((uint8_t)ExternalKind::Memory);
  imports.byte(kLimitsMinOnly);
  imports.unsignedLeb(0);
  imports.name("env");
  imports.name("__indirect_function_table");
  imports.byte((uint8_t)ExternalKind::Table);
  imports.byte((uint8_t)ValueType::FuncRef);
  imports.byte(kLimitsMinOnly);
  imports.unsignedLeb(0);
  section(out, Section::Import, imports);

  Bytes functions;
  functions.unsignedLeb(m.functionCount);
  for (uint32_t i = 0; i < m.functionCount; i++) functions.unsignedLeb(m.functions[i].typeIndex);
  section(out, Section::Function, functions);

  Bytes start;
  start.unsignedLeb(m.startFunction);
  section(out, Section::Start, start);

  Bytes elements;
  elements.unsignedLeb(1);
  elements.byte(kDeclarativeElements);
  elements.byte(kElementKindFunction);
  elements.unsignedLeb(m.referencedCount);
  for (uint32_t i = 0; i < m.referencedCount; i++) elements.unsignedLeb(m.firstReferenced + i);
  section(out, Section::Element, elements);

  Bytes code;
  code.unsignedLeb(m.functionCount);
  for (uint32_t i = 0; i < m.functionCount; i++) {
    const FunctionDefinition& f = m.functions[i];
    Bytes body;
    uint32_t groups = (f.leadingI32Locals ? 1 : 0) + (f.i64Locals ? 1 : 0) + (f.i32Locals ? 1 : 0);
    body.unsignedLeb(groups);
    if (f.leadingI32Locals) {
      body.unsignedLeb(f.leadingI32Locals);
      body.byte((uint8_t)ValueType::I32);
    }
    if (f.i64Locals) {
      body.unsignedLeb(f.i64Locals);
      body.byte((uint8_t)ValueType::I64);
    }
    if (f.i32Locals) {
      body.unsignedLeb(f.i32Locals);
      body.byte((uint8_t)ValueType::I32);
    }
    body.append(*f.code);
    body.byte((uint8_t)Op::End);
    code.unsignedLeb(body.size());
    code.append(body);
  }
  section(out, Section::Code, code);
}
