; float-geometry: floating-point kernels in the style of r7rs-benchmarks' sumfp, pnpoly and
; ray (our own text): the floats 0.0 .. 999.0 added in a tail loop; the crossing-number
; point-in-polygon test over a grid against a star; Simpson's rule for the integral of
; 4 / (1 + x^2) from 0 to 1 (pi); rays through a grid against a sphere, counting hits and
; adding up the distances (sqrt). Only + - * / and sqrt, which IEEE rounds exactly, so every
; Scheme gives the same digits.
; expect: (499500.0 91 3.1415926535897545 (60 126.31729120095534))
; sumfp: the floats 0.0 .. n-1 added up in a tail loop.
(define (sum-floats n)
  (let loop ((i 0.0) (acc 0.0))
    (if (>= i n) acc (loop (+ i 1.0) (+ acc i)))))

; pnpoly: the crossing-number test for points of a grid against a star-shaped polygon.
(define star-xs (vector 0.0 0.6 2.0 0.9 1.3 0.0 -1.3 -0.9 -2.0 -0.6))
(define star-ys (vector 2.0 0.7 0.6 -0.3 -1.8 -0.9 -1.8 -0.3 0.6 0.7))
(define (inside? xs ys x y)
  (let ((n (vector-length xs)))
    (let loop ((i 0) (j (- n 1)) (in #f))
      (if (= i n)
          in
          (let ((xi (vector-ref xs i)) (yi (vector-ref ys i))
                (xj (vector-ref xs j)) (yj (vector-ref ys j)))
            (loop (+ i 1) i
                  (if (and (not (eq? (> yi y) (> yj y)))
                           (< x (+ xi (/ (* (- xj xi) (- y yi)) (- yj yi)))))
                      (not in)
                      in)))))))
(define (count-inside step)
  (let loop ((x -2.5) (y -2.5) (n 0))
    (cond ((> y 2.5) n)
          ((> x 2.5) (loop -2.5 (+ y step) n))
          (else (loop (+ x step) y (if (inside? star-xs star-ys x y) (+ n 1) n))))))

; Simpson's rule for the integral of 4 / (1 + x^2) from 0 to 1, which is pi.
(define (simpson f a b n)
  (let ((h (/ (- b a) n)))
    (let loop ((k 1) (acc (+ (f a) (f b))))
      (if (= k n)
          (* (/ h 3) acc)
          (loop (+ k 1) (+ acc (* (if (odd? k) 4 2) (f (+ a (* k h))))))))))

; Rays from the origin through a grid on the plane z = 1 against a sphere: how many hit,
; and the sum of the distances to the nearest hits (sqrt of the discriminant).
(define (hit-distance dx dy dz cx cy cz r)
  (let* ((len (sqrt (+ (* dx dx) (* dy dy) (* dz dz))))
         (ux (/ dx len)) (uy (/ dy len)) (uz (/ dz len))
         (b (+ (* ux cx) (* uy cy) (* uz cz)))
         (c (- (+ (* cx cx) (* cy cy) (* cz cz)) (* r r)))
         (disc (- (* b b) c)))
    (if (< disc 0.0) #f (- b (sqrt disc)))))
(define (trace-grid steps)
  (let loop ((i 0) (j 0) (hits 0) (total 0.0))
    (cond ((= j steps) (list hits total))
          ((= i steps) (loop 0 (+ j 1) hits total))
          (else
           (let ((d (hit-distance (- (/ (* 2.0 i) (- steps 1)) 1.0) (- (/ (* 2.0 j) (- steps 1)) 1.0) 1.0
                                  0.25 -0.1 3.0 1.2)))
             (if d
                 (loop (+ i 1) j (+ hits 1) (+ total d))
                 (loop (+ i 1) j hits total)))))))

(list (sum-floats 1000.0) (count-inside 0.25) (simpson (lambda (x) (/ 4.0 (+ 1.0 (* x x)))) 0.0 1.0 100) (trace-grid 21))
