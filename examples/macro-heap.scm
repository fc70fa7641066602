; macro-heap: a binary min-heap of tasks that grows as it fills, with its loops
; and swaps written as syntax-rules macros and a case-lambda constructor; 300
; pseudo-random tasks pushed, then popped in order. The result: how many came
; out, whether they came out sorted, the first three names, and the sum of
; every priority. (Records are left out: Chez, the other oracle, spells
; define-record-type the R6RS way.)
; expect: (300 #t (t10 t278 t211) 143598)
(define-syntax while
  (syntax-rules ()
    ((_ test body ...) (let loop () (when test body ... (loop))))))

(define-syntax inc!
  (syntax-rules ()
    ((_ v) (set! v (+ v 1)))
    ((_ v n) (set! v (+ v n)))))

; Its temporary is named tmp on purpose: the callers' tmp is not captured.
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))

(define (make-task priority name) (cons priority name))
(define (task-priority task) (car task))
(define (task-name task) (cdr task))

; A heap: its vector of tasks, and how many of them are in use.
(define (make-heap items size) (vector items size))
(define (heap-items heap) (vector-ref heap 0))
(define (heap-size heap) (vector-ref heap 1))
(define (set-heap-items! heap items) (vector-set! heap 0 items))
(define (set-heap-size! heap size) (vector-set! heap 1 size))

(define new-heap
  (case-lambda
    (() (new-heap 4))
    ((capacity) (make-heap (make-vector capacity #f) 0))))

(define (before? h i j)
  (< (task-priority (vector-ref (heap-items h) i))
     (task-priority (vector-ref (heap-items h) j))))

(define (exchange! h i j)
  (let* ((items (heap-items h))
         (tmp (vector-ref items i))
         (other (vector-ref items j)))
    (swap! tmp other)
    (vector-set! items i tmp)
    (vector-set! items j other)))

(define (grow! h)
  (let* ((old (heap-items h))
         (new (make-vector (* 2 (vector-length old)) #f))
         (i 0))
    (while (< i (vector-length old))
      (vector-set! new i (vector-ref old i))
      (inc! i))
    (set-heap-items! h new)))

(define (push! h t)
  (when (= (heap-size h) (vector-length (heap-items h))) (grow! h))
  (let ((i (heap-size h)))
    (vector-set! (heap-items h) i t)
    (set-heap-size! h (+ i 1))
    (while (and (> i 0) (before? h i (quotient (- i 1) 2)))
      (exchange! h i (quotient (- i 1) 2))
      (set! i (quotient (- i 1) 2)))))

(define (pop! h)
  (let ((top (vector-ref (heap-items h) 0))
        (n (- (heap-size h) 1))
        (i 0)
        (done #f))
    (vector-set! (heap-items h) 0 (vector-ref (heap-items h) n))
    (set-heap-size! h n)
    (while (not done)
      (let ((smallest i)
            (left (+ (* 2 i) 1))
            (right (+ (* 2 i) 2)))
        (when (and (< left n) (before? h left smallest)) (set! smallest left))
        (when (and (< right n) (before? h right smallest)) (set! smallest right))
        (if (= smallest i)
            (set! done #t)
            (begin (exchange! h i smallest) (set! i smallest)))))
    top))

(define (run count)
  (let ((h (new-heap))
        (seed 17)
        (i 0))
    (while (< i count)
      (set! seed (modulo (+ (* seed 1103) 12345) 32768))
      (push! h (make-task (modulo seed 1000)
                          (string->symbol (string-append "t" (number->string i)))))
      (inc! i))
    (let ((popped '())
          (sum 0))
      (while (> (heap-size h) 0)
        (let ((t (pop! h)))
          (inc! sum (task-priority t))
          (set! popped (cons t popped))))
      (let* ((in-order (reverse popped))
             (priorities (map task-priority in-order)))
        (list (length in-order)
              (let sorted? ((l priorities))
                (or (null? l) (null? (cdr l)) (and (<= (car l) (cadr l)) (sorted? (cdr l)))))
              (map task-name (list (car in-order) (cadr in-order) (caddr in-order)))
              sum)))))

(run 300)
