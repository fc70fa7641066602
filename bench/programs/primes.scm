; primes: the sieve of Eratosthenes on lists (r7rs-benchmarks' primes): the number of primes
; up to 6000, each found by filtering the multiples of the ones before it out of a list.
; expect: 783
(define (interval-list m n)
  (if (> m n)
      '()
      (cons m (interval-list (+ m 1) n))))
(define (remove-multiples n l)
  (cond ((null? l) '())
        ((= (remainder (car l) n) 0) (remove-multiples n (cdr l)))
        (else (cons (car l) (remove-multiples n (cdr l))))))
(define (sieve l)
  (if (null? l)
      '()
      (cons (car l) (sieve (remove-multiples (car l) (cdr l))))))
(define (primes-up-to n)
  (sieve (interval-list 2 n)))
(length (primes-up-to 6000))
