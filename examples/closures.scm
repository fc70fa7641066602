; Closures capture outer variables: a curried three-argument function and a composer.
; expect: 1234
(letrec ((digits (lambda (a)
                   (lambda (b)
                     (lambda (c)
                       (+ (* a 1000) (+ (* b 100) c)))))))
  (letrec ((compose (lambda (f)
                      (lambda (g)
                        (lambda (x) (f (g x)))))))
    (((compose (lambda (x) (+ x 34))) ((digits 1) 2)) 0)))
