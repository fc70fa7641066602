; Functions passed as arguments: sum of f(k) for k = 1..100 with f = square, then applied twice.
; expect: 338352
(letrec ((sumf (lambda (f)
                 (lambda (n)
                   (if (eq? n 0)
                       0
                       (+ (f n) ((sumf f) (- n 1))))))))
  (letrec ((twice (lambda (g) (lambda (x) (g (g x))))))
    ((twice (lambda (x) (+ x 1)))
     (((twice (lambda (h) h)) (sumf (lambda (k) (* k k)))) 100))))
