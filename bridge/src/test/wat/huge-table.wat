;; A module whose own table starts with more slots than the host allows any table.
(module
  (table (export "__indirect_function_table") 2000000 funcref))
