(define (first x) (car x))

(first 5)
; expect: 1
