;; A small WASI reactor that exercises everything the generic bridge offers:
;; stdio through WASI, a guest error via env.throw_error, traps of each kind,
;; a host function, an allocator, a shadow-stack pointer with the wasmjit extensions,
;; and a growable exported table that generated modules extend.
(module
  (type $i2i (func (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "env" "throw_error" (func $throw_error))
  (import "env" "host_add" (func $host_add (param i32 i32) (result i32)))

  (memory (export "memory") 2)
  (table (export "__indirect_function_table") 1 funcref)

  (global $__stack_pointer (mut i32) (i32.const 65536))
  (global $heap (mut i32) (i32.const 70000))
  (global $frees (export "frees") (mut i32) (i32.const 0))
  (global $initialized (export "initialized") (mut i32) (i32.const 0))

  (data (i32.const 1024) "hello from the guest\n")
  (data (i32.const 1100) "error: something bad: x\n")
  (data (i32.const 1200) "no newline at the end")
  (data (i32.const 1300) "two\nlines\n")

  (func (export "_initialize")
    (global.set $initialized (i32.const 1)))

  ;; write(fd, ptr, len) through one iovec at address 16
  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 16) (local.get $ptr))
    (i32.store (i32.const 20) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24))))

  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "hello") (call $write (i32.const 1) (i32.const 1024) (i32.const 21)))
  (func (export "partial") (call $write (i32.const 1) (i32.const 1200) (i32.const 21)))
  (func (export "twoLines") (call $write (i32.const 1) (i32.const 1300) (i32.const 10)))
  (func (export "fail")
    (call $write (i32.const 2) (i32.const 1100) (i32.const 24))
    (call $throw_error))
  (func (export "crash") unreachable)
  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (i32.const 1) (call $recurse (local.get 0))))
  (func (export "spin") (loop $forever (br $forever)))
  (func (export "outOfBounds") (result i32) (i32.load (i32.const 0x7ffffff0)))
  (func (export "exit") (param i32) (call $proc_exit (local.get 0)))
  (func (export "useHost") (param i32 i32) (result i32)
    (call $host_add (local.get 0) (local.get 1)))
  (func (export "stdoutFiletype") (result i32)
    (drop (call $fd_fdstat_get (i32.const 1) (i32.const 300)))
    (i32.load8_u (i32.const 300)))
  (func (export "tryRandom") (result i32)
    (call $random_get (i32.const 400) (i32.const 4)))

  ;; the wasmjit shadow-stack extensions, and a function that leaves the pointer moved
  (func (export "stackPointer") (result i32) (global.get $__stack_pointer))
  (func (export "setStackPointer") (param i32) (global.set $__stack_pointer (local.get 0)))
  (func (export "pushFrameThenTrap")
    (global.set $__stack_pointer (i32.sub (global.get $__stack_pointer) (i32.const 1024)))
    unreachable)

  ;; a bump allocator that counts frees
  (func (export "allocateBytes") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.and (i32.add (i32.add (global.get $heap) (local.get $len)) (i32.const 7))
                               (i32.const -8)))
    (local.get $p))
  (func (export "freeBytes") (param i32)
    (global.set $frees (i32.add (global.get $frees) (i32.const 1))))

  ;; calls whatever a generated module put into a table slot
  (func (export "callSlot") (param $slot i32) (param $arg i32) (result i32)
    (call_indirect (type $i2i) (local.get $arg) (local.get $slot)))
)
