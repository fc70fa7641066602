;; The module twice.wat's code generator would write: it imports the reactor's memory and
;; table, and its start function (the patch) grows the table by one slot holding $twice
;; and records the slot number at address 256.
(module
  (type $i2i (func (param i32) (result i32)))
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $twice (type $i2i) (i32.shl (local.get 0) (i32.const 1)))
  (func $patch
    (i32.store (i32.const 256) (table.grow 0 (ref.func $twice) (i32.const 1))))
  (elem declare func $twice)
  (start $patch))
