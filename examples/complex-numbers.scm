; Inexact complex numbers: Mandelbrot escape counts computed with complex
; arithmetic and magnitude, the square roots of negative numbers, a rotation by
; multiplying with a unit of the polar form, and the roots of a quadratic with a
; negative discriminant.
; expect: ((1 4 5 9 50 13 50 50 50 50 5) 0.0+3.0i 3.0 -1.0+0.0i (-1.0+1.4142135623730951i -1.0-1.4142135623730951i))
(define (escape-count c limit)
  (let loop ((z 0) (k 0))
    (cond ((= k limit) k)
          ((> (magnitude z) 2.0) k)
          (else (loop (+ (* z z) c) (+ k 1))))))

(define (row im)
  (let loop ((re -2.0) (acc '()))
    (if (> re 0.5)
        (reverse acc)
        (loop (+ re 0.25) (cons (escape-count (make-rectangular re im) 50) acc)))))

(define (quadratic-roots a b c)
  (let ((d (sqrt (- (* b b) (* 4 a c)))))
    (list (/ (+ (- b) d) (* 2 a)) (/ (- (- b) d) (* 2 a)))))

(list (row 0.25)
      (sqrt -9.0)
      (magnitude (make-rectangular 3 0.0))
      (* +1.0i +1.0i)
      (quadratic-roots 1 2 3))
