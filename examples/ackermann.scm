; Ackermann's function as a curried function of two arguments: A(2, 3).
; expect: 9
(letrec ((ack (lambda (m)
                (lambda (n)
                  (if (eq? m 0)
                      (+ n 1)
                      (if (eq? n 0)
                          ((ack (- m 1)) 1)
                          ((ack (- m 1)) ((ack m) (- n 1)))))))))
  ((ack 2) 3))
