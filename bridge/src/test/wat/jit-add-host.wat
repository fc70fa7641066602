;; A generated module that also imports a main export (env.add) and a host function
;; (env.host_add); its patch adds one function that uses both, recording its slot at 204.
(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "host_add" (func $host_add (param i32 i32) (result i32)))
  (func $plus101 (param i32) (result i32)
    (call $host_add (call $add (local.get 0) (i32.const 1)) (i32.const 100)))
  (func $patch
    (i32.store (i32.const 204) (table.grow 0 (ref.func $plus101) (i32.const 1))))
  (elem declare func $plus101)
  (start $patch))
