// The prelude: the parts of the language written in Scheme, on top of the
// primitives. They are here rather than in C++ because they call procedures
// that may capture or throw to continuations: written in Scheme, those calls
// are the interpreter's own, and a continuation captured inside them resumes
// (continuations.h). For the same reason they are never compiled
// (Func::staysInterpreted). The macros among them are defined when the
// prelude is parsed, before the first program; the procedures when it first
// runs, before the first program runs.
#include "prelude.h"

#include "evaluator.h"
#include "parser.h"

namespace {

const char* const kPrelude = R"scheme(
;; ---- multiple values ----
(define (call-with-values producer consumer)
  (apply consumer (%values->list (producer))))

(define-syntax receive
  (syntax-rules ()
    ((_ formals expression body ...)
     (call-with-values (lambda () expression) (lambda formals body ...)))))

(define-syntax let*-values
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((formals expression) binding ...) body ...)
     (call-with-values (lambda () expression)
       (lambda formals (let*-values (binding ...) body ...))))))

;; Every expression is evaluated outside the scope of all the formals: each
;; list of values is bound to a fresh name first, then spread.
(define-syntax let-values
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ bindings body ...) (%let-values bindings () body ...))))

(define-syntax %let-values
  (syntax-rules ()
    ((_ () ((formals vals) ...) body ...)
     (%spread-values ((formals vals) ...) body ...))
    ((_ ((formals expression) binding ...) (bound ...) body ...)
     (let ((vals (call-with-values (lambda () expression) list)))
       (%let-values (binding ...) (bound ... (formals vals)) body ...)))))

(define-syntax %spread-values
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((formals vals) binding ...) body ...)
     (apply (lambda formals (%spread-values (binding ...) body ...)) vals))))

;; The first variable holds the list of all the values while the others are
;; defined from it, then its own value: no name is introduced.
(define-syntax define-values
  (syntax-rules ()
    ((_ () expression) (begin (call-with-values (lambda () expression) list) (if #f #f)))
    ((_ (variable . rest) expression)
     (begin
       (define variable (call-with-values (lambda () expression) list))
       (%define-values-from rest (cdr variable))
       (set! variable (car variable))))
    ((_ variable expression)
     (define variable (call-with-values (lambda () expression) list)))))

(define-syntax %define-values-from
  (syntax-rules ()
    ((_ () remaining) (if #f #f))
    ((_ (variable . rest) remaining)
     (begin (define variable (car remaining)) (%define-values-from rest (cdr remaining))))
    ((_ variable remaining) (define variable remaining))))

;; ---- dynamic-wind ----
(define (dynamic-wind before thunk after)
  (before)
  (%wind before after)
  (let ((result (thunk)))
    (%unwind)
    (after)
    result))

;; ---- exceptions ----
;; The thunk runs through %call-catching-errors, so that a runtime error in
;; it (car of a number, an unbound variable, a file that cannot be opened)
;; is raised as an error object, in the dynamic environment of the error.
(define (with-exception-handler handler thunk)
  (let ((outer (%handlers)))
    (%set-handlers! (cons handler outer))
    (let ((result (%call-catching-errors thunk %raise-runtime-error)))
      (%set-handlers! outer)
      result)))

(define (%raise-runtime-error message kind)
  (raise (%make-error-object message '() kind)))

(define (raise-continuable obj)
  (let ((handlers (%handlers)))
    (if (null? handlers)
        (%uncaught obj)
        (begin
          (%set-handlers! (cdr handlers))
          (let ((result ((car handlers) obj)))
            (%set-handlers! handlers)
            result)))))

;; A handler that returns from raise raises a secondary error in its own
;; dynamic environment: with the outer handlers.
(define (raise obj)
  (let ((handlers (%handlers)))
    (if (null? handlers)
        (%uncaught obj)
        (begin
          (%set-handlers! (cdr handlers))
          ((car handlers) obj)
          (%error "an exception handler returned from raise, which cannot continue; it raised" obj)))))

;; The kind is read or file for the runtime's errors of those kinds, else #f.
(define-record-type <error-object>
  (%make-error-object message irritants kind)
  error-object?
  (message error-object-message)
  (irritants error-object-irritants)
  (kind %error-object-kind))

(define (error message . irritants)
  (raise (%make-error-object message irritants #f)))

(define (read-error? obj) (and (error-object? obj) (eq? (%error-object-kind obj) 'read)))
(define (file-error? obj) (and (error-object? obj) (eq? (%error-object-kind obj) 'file)))

(define (%uncaught obj)
  (if (error-object? obj)
      (apply %error (error-object-message obj) (error-object-irritants obj))
      (%error "uncaught exception:" obj)))

(define-syntax guard
  (syntax-rules ()
    ((_ (variable clause ...) body ...)
     ((call/cc
        (lambda (guard-k)
          (with-exception-handler
            (lambda (condition)
              (guard-k
                (lambda ()
                  (let ((variable condition))
                    (%guard-clauses (raise-continuable condition) clause ...)))))
            (lambda ()
              (let ((result (let () body ...)))
                (guard-k (lambda () result)))))))))))

(define-syntax %guard-clauses
  (syntax-rules (else =>)
    ((_ reraise) reraise)
    ((_ reraise (else result ...)) (let () result ...))
    ((_ reraise (test => receiver) clause ...)
     (let ((value test))
       (if value (receiver value) (%guard-clauses reraise clause ...))))
    ((_ reraise (test) clause ...)
     (let ((value test))
       (if value value (%guard-clauses reraise clause ...))))
    ((_ reraise (test result ...) clause ...)
     (if test (let () result ...) (%guard-clauses reraise clause ...)))))

;; ---- parameters ----
;; A parameter is a procedure of no arguments; parameterize reaches its cell
;; and its converter by calling it with the key.
(define %parameter-key (list 'parameter))

(define (make-parameter value . converter)
  (let* ((convert (if (pair? converter) (car converter) (lambda (x) x)))
         (current (convert value)))
    (lambda arguments
      (cond ((null? arguments) current)
            ((and (eq? (car arguments) %parameter-key) (null? (cdr arguments))) convert)
            ((eq? (car arguments) %parameter-key) (set! current (cadr arguments)))
            (else (%error "a parameter is called with no arguments, got" arguments))))))

(define (%parameterize parameters values body)
  (let* ((converted (map (lambda (p v) ((p %parameter-key) v)) parameters values))
         (swap (lambda ()
                 (set! converted
                       (map (lambda (p v) (let ((old (p))) (p %parameter-key v) old))
                            parameters converted)))))
    (dynamic-wind swap body swap)))

(define-syntax parameterize
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((parameter value) ...) body ...)
     (%parameterize (list parameter ...) (list value ...) (lambda () body ...)))))

;; ---- promises ----
;; A promise holds a box, (done? . value-or-thunk), that the promises a
;; delay-force chain forces share once forced, so a long chain runs in
;; constant space.
(define-record-type <promise>
  (%promise box)
  promise?
  (box %promise-box %set-promise-box!))

(define (make-promise value)
  (if (promise? value) value (%promise (cons #t value))))

(define-syntax delay-force
  (syntax-rules ()
    ((_ expression) (%promise (cons #f (lambda () expression))))))

(define-syntax delay
  (syntax-rules ()
    ((_ expression) (delay-force (make-promise expression)))))

(define (force promise)
  (if (not (promise? promise))
      promise
      (let ((box (%promise-box promise)))
        (if (car box)
            (cdr box)
            (let ((next ((cdr box))))
              (let ((box (%promise-box promise)))
                (if (not (car box))
                    (let ((next-box (%promise-box next)))
                      (set-car! box (car next-box))
                      (set-cdr! box (cdr next-box))
                      (%set-promise-box! next box)))
                (force promise)))))))
)scheme";

Program* prelude;
bool preludeRan;

}  // namespace

bool parsingPrelude;

void parsePrelude() {
  if (prelude) return;
  parsingPrelude = true;
  prelude = parseProgram(kPrelude);
  parsingPrelude = false;
}

void runPrelude() {
  if (preludeRan) return;
  parsePrelude();
  evaluateProgram(prelude);
  preludeRan = true;
}
