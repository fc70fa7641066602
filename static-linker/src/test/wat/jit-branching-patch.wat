;; A patch that decides at run time what to put in the table: its effect depends on memory,
;; so the static linker must refuse to replay it rather than guess.
(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (elem declare func $f)
  (func $f)
  (func $patch
    (if (i32.load (i32.const 0))
      (then (drop (table.grow 0 (ref.func $f) (i32.const 1))))))
  (start $patch)
)
