; vectors: insertion sort in place of 12 pseudo-random numbers (a small linear congruential
; generator), then the other vector primitives: vector->list, list->vector, vector-fill!,
; vector with mixed elements, vector-length; the result is a list of what they gave.
; expect: (#(7 599 9222 10061 21105 21434 32612 33742 36354 39607 40318 44999) 44999 #(9 9 9) #(1 (2) "three") 12)
(define (random-vector n seed)
  (let ((v (make-vector n 0)))
    (do ((i 0 (+ i 1))
         (x seed (modulo (+ (* x 75) 74) 65537)))
        ((= i n) v)
      (vector-set! v i x))))
(define (insertion-sort! v)
  (do ((i 1 (+ i 1)))
      ((>= i (vector-length v)) v)
    (let ((x (vector-ref v i)))
      (let loop ((j (- i 1)))
        (if (and (>= j 0) (> (vector-ref v j) x))
            (begin (vector-set! v (+ j 1) (vector-ref v j))
                   (loop (- j 1)))
            (vector-set! v (+ j 1) x))))))
(define sorted (insertion-sort! (random-vector 12 7)))
(define descending (list->vector (reverse (vector->list sorted))))
(define nines (make-vector 3 0))
(vector-fill! nines 9)
(list sorted
      (vector-ref descending 0)
      nines
      (vector 1 '(2) "three")
      (vector-length descending))
