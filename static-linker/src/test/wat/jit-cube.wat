;; A second round's generated module: its function calls the first round's compiled square
;; through the table slot stored at 512, and its patch fills the record at 516. The patch is
;; written as the guest writes its own: grow by one slot holding the function, trap if the
;; table could not grow, store the slot.
;; The round-trip test also reads this module with a name section:
;; fixture variant names: --debug-names
(module
  (type $unary (func (param i32) (result i32)))
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (elem declare func $cube)

  (func $cube (type $unary)
    (i32.store (i32.const 12) (i32.const 2))
    (i32.mul (local.get 0) (call_indirect (type $unary) (local.get 0) (i32.load (i32.const 512)))))
  (func $patch (local $slot i32)
    (if (i32.eq (local.tee $slot (table.grow 0 (ref.func $cube) (i32.const 1))) (i32.const -1))
      (then (unreachable)))
    (i32.store (i32.const 516) (local.get $slot)))
  (start $patch)
)
