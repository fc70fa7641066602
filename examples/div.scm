; div: Gabriel's diviter and divrec on a 200-element list (of empty lists): every other
; element, taken iteratively (a do loop, so in reverse) and recursively; the result is both
; lengths and whether the two agree once the iterative one is reversed.
; expect: (100 100 #t)
(define (create-n n)
  (do ((n n (- n 1)) (a '() (cons '() a))) ((= n 0) a)))
(define (iterative-div2 l)
  (do ((l l (cddr l)) (a '() (cons (car l) a))) ((null? l) a)))
(define (recursive-div2 l)
  (cond ((null? l) '())
        (else (cons (car l) (recursive-div2 (cddr l))))))
(define ll (create-n 200))
(list (length (iterative-div2 ll))
      (length (recursive-div2 ll))
      (equal? (reverse (iterative-div2 ll)) (recursive-div2 ll)))
