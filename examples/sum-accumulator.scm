; A curried two-argument tail-recursive loop with an accumulator: 1 + 2 + ... + 40000.
; expect: 800020000
(letrec ((sum (lambda (n)
                (lambda (acc)
                  (if (eq? n 0)
                      acc
                      ((sum (- n 1)) (+ acc n)))))))
  ((sum 40000) 0))
