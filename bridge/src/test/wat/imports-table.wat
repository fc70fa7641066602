;; A main module that imports a table: this host provides only functions to a main module.
(module
  (import "env" "table" (table 1 funcref))
  (func (export "_initialize")))
