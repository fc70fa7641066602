// Programs that nest deeply on the engine's stack, shared by the test of
// V8's default stack (wasm.test.mjs) and the budget's measurement
// (stack-budget.mjs).

/** Recursion through map and a lambda: (NAME n) nests n calls made by map. */
export function mapRecursion(name) {
  return `(define (${name} n) (if (= n 0) 0 (car (map (lambda (x) (+ 1 (${name} (- n 1)))) (list 1)))))`;
}

/** A function that nests 40 additions around its recursive call: a wide frame. */
export const wideAdditions = '(+ 1 '.repeat(40) + '(w (- n 1))' + ')'.repeat(40);

/** Definitions of a quicksort on lists and a pseudo-random list; (qs (numbers N SEED)) sorts. */
export const quicksortOnLists = `(define (partition p l) (if (null? l) (cons '() '())
      (let ((r (partition p (cdr l))))
        (if (< (car l) p) (cons (cons (car l) (car r)) (cdr r)) (cons (car r) (cons (car l) (cdr r)))))))
    (define (qs l) (if (null? l) '() (let ((r (partition (car l) (cdr l))))
      (append (qs (car r)) (list (car l)) (qs (cdr r))))))
    (define (numbers n seed) (let loop ((i 0) (x seed) (acc '()))
      (if (= i n) acc (loop (+ i 1) (modulo (+ (* x 1103515245) 12345) 2147483648) (cons x acc)))))`;
