; A tail-recursive loop: a million calls in tail position must run in constant stack.
; expect: 42
(letrec ((loop (lambda (n)
                 (if (eq? n 0)
                     42
                     (loop (- n 1))))))
  (loop 1000000))
