; Exact arithmetic beyond the fixnums: 40!, the 150th Fibonacci number, 2^100
; in hexadecimal, the first 30 digits of e from the exact partial sums of 1/k!,
; the harmonic number H(20) as an exact rational, and the convergents of the
; continued fraction of the square root of 2.
; expect: (815915283247897734345611269596115894272000000000 9969216677189303386214405760200 "10000000000000000000000000" 271828182845904523536028747135 55835135/15519504 (3/2 7/5 17/12 41/29 99/70) #t)
(define (factorial n)
  (let loop ((k n) (acc 1))
    (if (= k 0) acc (loop (- k 1) (* acc k)))))

(define (fibonacci n)
  (let loop ((k 0) (a 0) (b 1))
    (if (= k n) a (loop (+ k 1) b (+ a b)))))

(define (e-digits digits)
  (let loop ((k 0) (term 1) (sum 0))
    (if (= k 40)
        (floor (* sum (expt 10 (- digits 1))))
        (loop (+ k 1) (/ term (+ k 1)) (+ sum term)))))

(define (harmonic n)
  (let loop ((k 1) (sum 0))
    (if (> k n) sum (loop (+ k 1) (+ sum (/ 1 k))))))

(define (sqrt2-convergents n)
  (let loop ((k 0) (x 3/2) (acc '()))
    (if (= k n)
        (reverse acc)
        (loop (+ k 1) (+ 1 (/ 1 (+ 1 x))) (cons x acc)))))

(list (factorial 40)
      (fibonacci 150)
      (number->string (expt 2 100) 16)
      (e-digits 30)
      (harmonic 20)
      (sqrt2-convergents 5)
      (= (* (factorial 20) (factorial 20)) (expt (factorial 20) 2)))
