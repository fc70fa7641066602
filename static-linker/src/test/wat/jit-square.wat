;; A generated module like the guest's JIT writes: it imports the main module's memory and
;; table (and one of its functions by export name), and its start function, the patch, grows
;; the table, puts its functions in the new slots and stores the slot in the record at 512.
;; The round-trip test also reads this module with a name section:
;; fixture variant names: --debug-names
(module
  (type $other (func (param i64) (result i64)))
  (type $unary (func (param i32) (result i32)))
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "helper" (func $helper (type $unary)))
  (global $zero i32 (i32.const 0))
  (data $note "jit!")
  (data (i32.const 700) "active")
  (elem declare func $square $unused)

  (func $unused (type $other) (local.get 0))
  (func $square (type $unary)
    (i32.store (i32.const 12) (i32.const 2))
    (i32.add (i32.mul (local.get 0) (local.get 0)) (call $helper (global.get $zero))))
  (func $patch (local $slot i32)
    (local.set $slot (table.grow 0 (ref.null func) (i32.const 2)))
    (table.set 0 (local.get $slot) (ref.func $square))
    (table.set 0 (i32.add (local.get $slot) (i32.const 1)) (ref.func $unused))
    (i32.store (i32.const 512) (local.get $slot))
    (memory.init $note (i32.const 600) (i32.const 0) (i32.const 4))
    (data.drop $note))
  (start $patch)
)
