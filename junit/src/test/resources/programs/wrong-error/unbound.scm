(+ x 1)
; error: unbound variable: y
