;; A patch that asks for 2^31 - 1 more table slots and drops what table.grow gives: the live
;; grow fails (-1) against the bridge's ceiling, and the replay must agree, at once.
(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $patch (drop (table.grow 0 (ref.null func) (i32.const 0x7fffffff))))
  (start $patch))
