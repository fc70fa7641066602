; 12! is the largest factorial inside the 31-bit integer range; 13! overflows.
; expect: 479001600
(letrec ((fact (lambda (n)
                 (if (< n 2)
                     1
                     (* n (fact (- n 1)))))))
  (fact 12))
