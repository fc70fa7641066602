; The seed's benchmark, smaller: naive doubly recursive Fibonacci (fib 0 = fib 1 = 1).
; expect: 121393
(letrec ((fib (lambda (n)
                (if (< n 2)
                    1
                    (+ (fib (- n 1))
                       (fib (- n 2)))))))
  (fib 25))
