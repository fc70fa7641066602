;; Generated code that imports a global: the bridge must refuse it before the runtime sees it.
(module
  (import "env" "__stack_pointer" (global (mut i32)))
  (func (export "f") (result i32) (global.get 0)))
