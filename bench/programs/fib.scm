; fib: naive doubly recursive Fibonacci, fib(0) = 0, fib(1) = 1; fib(29), about 1.7 million calls.
; expect: 514229
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1))
         (fib (- n 2)))))
(fib 29)
