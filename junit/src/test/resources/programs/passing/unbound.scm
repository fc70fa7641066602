; A program that must fail: the message starts with the error line's text.
(define (f x) (+ x y))
(f 1)
; error: unbound variable: y
