;; A small main module shaped like the guest: exported memory and growable table, a shadow
;; stack pointer and other state in unexported globals, a constructor run by _initialize, and
;; function records whose jitCode field (address 512, 516) a generated module's patch fills.
;; The round-trip test also reads this module with a name section:
;; fixture variant names: --debug-names
(module
  (type $unary (func (param i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (memory (export "memory") 2)
  (table (export "__indirect_function_table") 2 funcref)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (global $heap (mut i32) (i32.const 1024))
  (global $calls (mut i64) (i64.const 0))
  (global $ratio (mut f64) (f64.const 0))
  (global $answer i32 (i32.const 42))
  (elem (i32.const 1) $helper)
  (data (i32.const 16) "seed")

  ;; The constructor counts its runs at address 8: running it over a snapshot would show.
  (func $ctors
    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (i32.const 1))))
  (func (export "_initialize") (call $ctors))
  (func (export "constructed") (result i32) (i32.load (i32.const 8)))

  (func $helper (export "helper") (param $v i32) (result i32) (local.get $v))

  ;; Squares x: through the compiled code when the record at 512 has a jitCode slot, else by
  ;; repeated addition. Address 12 says which path ran (1 interpreted, 2 compiled).
  (func (export "square") (param $x i32) (result i32) (local $i i32) (local $sum i32)
    (global.set $calls (i64.add (global.get $calls) (i64.const 1)))
    (global.set $__stack_pointer (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (global.set $ratio (f64.div (f64.convert_i64_u (global.get $calls)) (f64.const 3)))
    (if (i32.load (i32.const 512))
      (then
        (global.set $__stack_pointer (i32.add (global.get $__stack_pointer) (i32.const 16)))
        (return (call_indirect (type $unary) (local.get $x) (i32.load (i32.const 512))))))
    (i32.store (i32.const 12) (i32.const 1))
    (block $done
      (loop $add
        (br_if $done (i32.ge_s (local.get $i) (local.get $x)))
        (local.set $sum (i32.add (local.get $sum) (local.get $x)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $add)))
    (global.set $__stack_pointer (i32.add (global.get $__stack_pointer) (i32.const 16)))
    (local.get $sum))

  ;; Cubes x the same way through the record at 516.
  (func (export "cube") (param $x i32) (result i32)
    (if (i32.load (i32.const 516))
      (then (return (call_indirect (type $unary) (local.get $x) (i32.load (i32.const 516))))))
    (i32.store (i32.const 12) (i32.const 1))
    (i32.mul (local.get $x) (i32.mul (local.get $x) (local.get $x))))

  (func (export "lastPath") (result i32) (i32.load (i32.const 12)))

  ;; A bump allocator over memory, so that the heap holds state worth snapshotting.
  (func (export "allocate") (param $value i32) (result i32) (local $at i32)
    (local.set $at (global.get $heap))
    (i32.store (local.get $at) (local.get $value))
    (global.set $heap (i32.add (local.get $at) (i32.const 4)))
    (call $log (local.get $value))
    (local.get $at))
  (func (export "load") (param $at i32) (result i32) (i32.load (local.get $at)))
  (func (export "heapTop") (result i32) (global.get $heap))
  (func (export "calls") (result i64) (global.get $calls))
  (func (export "stackPointer") (result i32) (global.get $__stack_pointer))
  (func (export "ratioBits") (result i64) (i64.reinterpret_f64 (global.get $ratio)))
  (func (export "answer") (result i32) (global.get $answer))
  (func (export "growMemory") (result i32) (memory.grow (i32.const 1)))
  (func (export "memoryPages") (result i32) (memory.size))
  (func (export "tableSize") (result i32) (table.size 0))
)
