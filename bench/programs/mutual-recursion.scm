; mutual-recursion: two procedures defined with define that call each other in tail position,
; 100000 calls deep, 15 times each way: only proper tail calls keep the stack constant.
; expect: (#t #f)
(define (my-even? n)
  (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n)
  (if (= n 0) #f (my-even? (- n 1))))
(define (repeat k n)
  (let loop ((i k) (result #f))
    (if (= i 0) result (loop (- i 1) (my-even? n)))))
(list (repeat 15 100000) (repeat 15 100001))
