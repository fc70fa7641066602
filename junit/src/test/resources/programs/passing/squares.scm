; The squares of 1 to 5, printed as they are made, then their sum.
(define (square x) (* x x))
(define (sum-squares n)
  (let loop ((i 1) (acc 0))
    (if (> i n)
        acc
        (begin (display (square i)) (newline) (loop (+ i 1) (+ acc (square i)))))))
(sum-squares 5)
; output: 1
; output: 4
; output: 9
; output: 16
; output: 25
; expect: 55
