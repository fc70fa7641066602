; exceptions: guard and raise with dynamic-wind and parameterize; an escape from a handler
; runs the after thunks it leaves and undoes the parameterize it leaves.
; output: open 1
; output: close 1
; output: open 2
; output: close 2
; output: rejected (not-a-number x) at depth 0
; expect: (6 #f)
(define depth (make-parameter 0))
(define opened 0)
(define (checked-sum items)
  (guard (e ((and (pair? e) (eq? (car e) 'not-a-number))
             (display "rejected ")
             (write e)
             (display " at depth ")
             (write (depth))
             (newline)
             #f))
    (parameterize ((depth (+ (depth) 1)))
      (dynamic-wind
        (lambda () (set! opened (+ opened 1)) (display "open ") (write opened) (newline))
        (lambda ()
          (let loop ((xs items) (sum 0))
            (cond ((null? xs) sum)
                  ((number? (car xs)) (loop (cdr xs) (+ sum (car xs))))
                  (else (raise (list 'not-a-number (car xs)))))))
        (lambda () (display "close ") (write opened) (newline))))))
(list (checked-sum '(1 2 3)) (checked-sum '(1 x 3)))
