;; A reactor whose allocator hands out a block that runs past the end of its one page of
;; memory: the host must refuse the block, not write through it.
(module
  (memory (export "memory") 1)
  (func (export "allocateBytes") (param i32) (result i32) (i32.const 0xfff8))
  (func (export "freeBytes") (param i32))
  (func (export "answer") (result i32) (i32.const 42)))
