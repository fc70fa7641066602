; strings: FizzBuzz from 1 to 15 displayed on one line, a string with quotes written, then
; string-append, substring (reversing a string without characters), number->string,
; string->number, symbol->string, string->symbol, string=?, string<? (an insertion sort).
; output: 1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz
; output: "say \"hi\""
; expect: ("olleh" sym-42 "abc" #t #f 124 ("apple" "banana" "cherry") "1,2,3")
(define (fizzbuzz i)
  (cond ((= (modulo i 15) 0) "FizzBuzz")
        ((= (modulo i 3) 0) "Fizz")
        ((= (modulo i 5) 0) "Buzz")
        (else (number->string i))))
(define (join strings separator)
  (if (null? strings)
      ""
      (let loop ((acc (car strings)) (rest (cdr strings)))
        (if (null? rest)
            acc
            (loop (string-append acc separator (car rest)) (cdr rest))))))
(define (reverse-string s)
  (let loop ((i (string-length s)) (acc ""))
    (if (= i 0)
        acc
        (loop (- i 1) (string-append acc (substring s (- i 1) i))))))
(define (insert s sorted)
  (cond ((null? sorted) (list s))
        ((string<? s (car sorted)) (cons s sorted))
        (else (cons (car sorted) (insert s (cdr sorted))))))
(define (sort-strings l)
  (if (null? l) '() (insert (car l) (sort-strings (cdr l)))))
(display (join (map fizzbuzz '(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)) " "))
(newline)
(write "say \"hi\"")
(newline)
(list (reverse-string "hello")
      (string->symbol (string-append "sym-" (number->string 42)))
      (symbol->string 'abc)
      (string=? (substring "abcdef" 1 4) "bcd")
      (string=? "abc" "abd")
      (+ (string->number "123") 1)
      (sort-strings '("cherry" "apple" "banana"))
      (join (map number->string '(1 2 3)) ","))
