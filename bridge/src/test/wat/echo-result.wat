;; A stand-in for a Language v2 guest, so that the host's reading of results is tested before
;; the real guest exports lastResultText: the guest ABI plus lastResultText, where the
;; "program" is the very text its result is. parse returns the source's own address (the
;; bump allocator never reuses memory, so the text outlives the host's freeBytes); eval
;; prints "result: TEXT" as the seed's guest does and makes TEXT the last result; jitModule
;; never has anything to compile.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 16)
  (table (export "__indirect_function_table") 1 funcref)

  (global $heap (mut i32) (i32.const 4096))
  (global $last (mut i32) (i32.const 0))

  (data (i32.const 1024) "result: ")
  (data (i32.const 1040) "\n")

  (func (export "_initialize"))

  (func $strlen (param $p i32) (result i32)
    (local $end i32)
    (local.set $end (local.get $p))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (local.get $end))))
        (local.set $end (i32.add (local.get $end) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $end) (local.get $p)))

  (func (export "parse") (param $source i32) (result i32)
    (local.get $source))

  ;; eval(expression, heapBytes): three iovecs at 16: "result: ", the text, "\n"
  (func (export "eval") (param $expression i32) (param $heapBytes i32)
    (global.set $last (local.get $expression))
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.const 8))
    (i32.store (i32.const 24) (local.get $expression))
    (i32.store (i32.const 28) (call $strlen (local.get $expression)))
    (i32.store (i32.const 32) (i32.const 1040))
    (i32.store (i32.const 36) (i32.const 1))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 3) (i32.const 40))))

  (func (export "lastResultText") (result i32) (global.get $last))

  (func (export "jitModule") (result i32) (i32.const 0))
  (func (export "moduleData") (param i32) (result i32) (i32.const 0))
  (func (export "moduleSize") (param i32) (result i32) (i32.const 0))
  (func (export "freeModule") (param i32))

  (func (export "allocateBytes") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.and (i32.add (i32.add (global.get $heap) (local.get $len)) (i32.const 7))
                               (i32.const -8)))
    (local.get $p))
  (func (export "freeBytes") (param i32))
)
