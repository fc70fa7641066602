;; A generated module as the contract describes it: imports the main memory and table,
;; and its start function (the patch) grows the table by one, puts $triple there and
;; records the slot at address 200 in main memory.
(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $triple (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func $patch
    (i32.store (i32.const 200) (table.grow 0 (ref.func $triple) (i32.const 1))))
  (elem declare func $triple)
  (start $patch))
