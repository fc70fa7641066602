;; A WASI command (exports _start), which the bridge refuses to treat as a reactor.
(module
  (memory (export "memory") 1)
  (func (export "_start")))
