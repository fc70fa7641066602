; tak: Takeuchi's function (Gabriel), three-way non-tail recursion on integer compares.
; (tak 22 16 8) makes about 900,000 calls.
; expect: 9
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))
(tak 22 16 8)
