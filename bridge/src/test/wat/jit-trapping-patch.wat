;; A generated module whose patch traps halfway: linking fails, the instance lives on.
(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $patch unreachable)
  (start $patch))
