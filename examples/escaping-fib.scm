; escaping-fib: fib in which each call passes its result back through a continuation its
; caller captured, and the leaves escape; the inner calls run compiled once hot, so the
; escapes leave compiled frames.
; expect: 10946
(define (fib-into n k)
  (if (< n 2)
      (k 1)
      (k (+ (call/cc (lambda (c) (fib-into (- n 1) c)))
            (call/cc (lambda (c) (fib-into (- n 2) c)))))))
(define (fib n) (call/cc (lambda (k) (fib-into n k))))
(fib 20)
