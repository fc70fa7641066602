; fib: naive doubly recursive Fibonacci, fib(0) = 0, fib(1) = 1.
; expect: 832040
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1))
         (fib (- n 2)))))
(fib 30)
