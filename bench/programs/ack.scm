; ack: Ackermann's function, A(3, 8) = 2^11 - 3; deep non-tail recursion (about 2000 frames).
; expect: 2045
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))
(ack 3 8)
