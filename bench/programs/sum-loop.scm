; sum-loop: a tail-recursive loop of 1 million iterations with two accumulators (a countdown
; and a sum of remainders, so the sum stays a fixnum).
; expect: 2999998
(define (sum-loop n acc)
  (if (= n 0)
      acc
      (sum-loop (- n 1) (+ acc (remainder n 7)))))
(sum-loop 1000000 0)
