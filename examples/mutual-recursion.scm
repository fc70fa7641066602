; Mutual recursion through nested letrec: iseven and isodd call each other in tail position.
; expect: 1
(letrec ((iseven (lambda (n)
                   (letrec ((isodd (lambda (m)
                                     (if (eq? m 0)
                                         0
                                         (iseven (- m 1))))))
                     (if (eq? n 0)
                         1
                         (isodd (- n 1)))))))
  (iseven 100000))
