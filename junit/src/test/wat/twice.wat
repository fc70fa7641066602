;; A small WASI reactor that JITs, for the README's example and the extension's tests:
;; twice(x) doubles x in its own slow way until a generated module has put a faster
;; function into the table and its slot number at address 256; from then on it calls
;; that through call_indirect and counts the calls in the exported global compiledCalls.
(module
  (type $i2i (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (table (export "__indirect_function_table") 1 funcref)
  (global $compiledCalls (export "compiledCalls") (mut i32) (i32.const 0))

  (func (export "_initialize"))

  (func (export "twice") (param $x i32) (result i32)
    (local $slot i32)
    (local.set $slot (i32.load (i32.const 256)))
    (if (result i32) (local.get $slot)
      (then
        (global.set $compiledCalls (i32.add (global.get $compiledCalls) (i32.const 1)))
        (call_indirect (type $i2i) (local.get $x) (local.get $slot)))
      (else (i32.add (local.get $x) (local.get $x)))))
)
