; Floating-point kernels: a doubly recursive Fibonacci on flonums, escape
; counts of the Mandelbrot iteration over a small grid, a Horner polynomial and
; a Leibniz series for pi. Contagion keeps every result inexact.
; expect: (6765.0 (1 4 5 9 50 13 50 50 50 50 5) 17.75 3.1315929035585537)
(define (fib-float n)
  (if (< n 2.0)
      n
      (+ (fib-float (- n 1.0)) (fib-float (- n 2.0)))))

(define (escape-count re im limit)
  (let loop ((x 0.0) (y 0.0) (k 0))
    (cond ((= k limit) k)
          ((> (+ (* x x) (* y y)) 4.0) k)
          (else (loop (+ (- (* x x) (* y y)) re) (+ (* 2.0 x y) im) (+ k 1))))))

(define (row im)
  (let loop ((re -2.0) (acc '()))
    (if (> re 0.5)
        (reverse acc)
        (loop (+ re 0.25) (cons (escape-count re im 50) acc)))))

(define (horner coefficients x)
  (let loop ((cs coefficients) (acc 0))
    (if (null? cs) acc (loop (cdr cs) (+ (* acc x) (car cs))))))

(define (leibniz terms)
  (let loop ((k 0) (sum 0.0) (sign 1.0))
    (if (= k terms)
        (* 4 sum)
        (loop (+ k 1) (+ sum (/ sign (+ (* 2 k) 1))) (- sign)))))

(list (fib-float 20.0) (row 0.25) (horner '(2 -3 1/2 4) 2.5) (leibniz 100))
