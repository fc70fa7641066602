;; A generated module whose patch grows the table by 2^31 - 1 slots and records what
;; table.grow gave at address 200: -1 when the host caps the table, as it must, since
;; wasmtime would otherwise fill two billion slots in native code, past any deadline.
(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $patch
    (i32.store (i32.const 200) (table.grow 0 (ref.null func) (i32.const 0x7fffffff))))
  (start $patch))
