(map (lambda (x) (list x (* x x))) '(1 2 3))
; expect: ((1 1) (2 4) (3 9))
