; tak: Takeuchi's function (Gabriel), three-way non-tail recursion on integer compares.
; (tak 18 12 6) makes 63,609 calls.
; expect: 7
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))
(tak 18 12 6)
