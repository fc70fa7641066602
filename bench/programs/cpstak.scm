; cpstak: tak in continuation-passing style (Gabriel); every call is a tail call and every
; continuation is a closure allocated on the heap; tak(18, 12, 6), 6 times.
; expect: 7
(define (cpstak x y z)
  (define (tak x y z k)
    (if (not (< y x))
        (k z)
        (tak (- x 1)
             y
             z
             (lambda (v1)
               (tak (- y 1)
                    z
                    x
                    (lambda (v2)
                      (tak (- z 1)
                           x
                           y
                           (lambda (v3)
                             (tak v1 v2 v3 k)))))))))
  (tak x y z (lambda (a) a)))
(define (repeat n thunk)
  (let loop ((i n) (result #f))
    (if (= i 0) result (loop (- i 1) (thunk)))))
(repeat 6 (lambda () (cpstak 18 12 6)))
