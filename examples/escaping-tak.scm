; escaping-tak: tak where every call captures its continuation with call/cc and every leaf
; returns through it; a million captures and escapes, no re-entry.
; expect: 7
(define (tak-escaping x y z)
  (call-with-current-continuation
    (lambda (return)
      (if (not (< y x))
          (return z)
          (tak-escaping (tak-escaping (- x 1) y z)
                        (tak-escaping (- y 1) z x)
                        (tak-escaping (- z 1) x y))))))
(tak-escaping 18 12 6)
