// Programs and what they must give, shared by the native and the wasm tests.
// `expect` is an integer, 'procedure', or { error: the message after "error: " }.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fib = (n) => `(letrec ((fib (lambda (n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2))))))) (fib ${n}))`;
export const fib30 = fib(30);

/** Every construct of Language v1, and the results at its edges. */
export const constructs = [
  { name: 'integer literal', source: '42', expect: 42 },
  { name: 'negative literal', source: '-7', expect: -7 },
  { name: 'largest integer', source: '1073741823', expect: 1073741823 },
  { name: 'smallest integer', source: '-1073741824', expect: -1073741824 },
  { name: 'comments and newlines', source: '; a comment\n(+ 1 ; inside\n 2)\n', expect: 3 },
  { name: 'lambda value', source: '(lambda (x) x)', expect: 'procedure' },
  { name: 'call', source: '((lambda (x) (* x x)) 7)', expect: 49 },
  { name: 'closure captures its environment', source: '(((lambda (a) (lambda (b) (- a b))) 10) 3)', expect: 7 },
  { name: 'shadowing', source: '((lambda (x) ((lambda (x) (+ x 1)) 10)) 1)', expect: 11 },
  { name: 'letrec binds a value', source: '(letrec ((x 5)) (+ x x))', expect: 10 },
  { name: 'letrec recursion', source: fib(10), expect: 89 },
  { name: 'if true', source: '(if 1 10 20)', expect: 10 },
  { name: 'if false', source: '(if 0 10 20)', expect: 20 },
  { name: 'if negative is true', source: '(if -1 10 20)', expect: 10 },
  { name: 'add', source: '(+ 1073741822 1)', expect: 1073741823 },
  { name: 'subtract', source: '(- -1073741823 1)', expect: -1073741824 },
  { name: 'multiply', source: '(* -32768 32768)', expect: -1073741824 },
  { name: 'less true', source: '(< -5 3)', expect: 1 },
  { name: 'less false', source: '(< 3 3)', expect: 0 },
  { name: 'eq? integers', source: '(eq? 4 4)', expect: 1 },
  { name: 'eq? different integers', source: '(eq? 4 5)', expect: 0 },
  { name: 'eq? same procedure', source: '((lambda (f) (eq? f f)) (lambda (x) x))', expect: 1 },
  { name: 'eq? different procedures', source: '(eq? (lambda (x) x) (lambda (x) x))', expect: 0 },
  { name: 'eq? procedure and integer', source: '(eq? (lambda (x) x) 1)', expect: 0 },
  { name: 'procedure result of a call', source: '((lambda (x) (lambda (y) x)) 1)', expect: 'procedure' },
  {
    name: 'values held only by compiled code survive collections',
    heap: 4096,
    source: `(letrec ((adder (lambda (a) (lambda (b) (+ a b)))))
               (letrec ((churn (lambda (n) (if (eq? n 0) 0 (churn (- ((adder n) 0) 1))))))
                 (letrec ((keep (lambda (f) (+ (f 1) (+ (churn 20000) (f 2))))))
                   (keep (adder 1000)))))`,
    expect: 2003,
  },
  {
    name: 'mutual tail calls between closures run in constant stack',
    source: `(letrec ((even (lambda (n)
                          (letrec ((odd (lambda (m) (if (eq? m 0) 0 (even (- m 1))))))
                            (if (eq? n 0) 1 (odd (- n 1)))))))
               (even 300001))`,
    expect: 0,
  },
  {
    name: 'a known callee that returns a tail call to its caller',
    source: `(letrec ((h (lambda (x) (+ x 1))))
               (letrec ((g (lambda (x) (if (eq? x 0) 5 (h x)))))
                 (letrec ((f (lambda (n) (+ (g n) (g 0)))))
                   (f 10))))`,
    expect: 16,
  },
  {
    name: 'a known callee inlined, with its own letrec and closure variables',
    source: `(letrec ((k 7))
               (letrec ((sq (lambda (x) (letrec ((y (+ x k))) (* y y)))))
                 (letrec ((f (lambda (n) (- (sq n) (sq (+ n 1))))))
                   (f 3))))`,
    expect: -21,
  },
  {
    name: 'deep non-tail recursion within the limit',
    source: '(letrec ((f (lambda (n) (if (eq? n 0) 0 (+ 1 (f (- n 1))))))) (f 9999))',
    expect: 9999,
  },
];

/** Every error message, with where it is reported. */
export const errors = [
  { name: 'unbound identifier', source: '(+ 1\n   zz)', expect: { error: 'unbound identifier: zz at line 2, column 4' } },
  { name: 'unexpected end', source: '(+ 1 2', expect: { error: 'parse error at line 1, column 7: unexpected end of input' } },
  { name: 'empty input', source: '  ', expect: { error: 'parse error at line 1, column 3: unexpected end of input' } },
  { name: 'unexpected close', source: ')', expect: { error: "parse error at line 1, column 1: unexpected ')'" } },
  { name: 'empty combination', source: '\n ()', expect: { error: 'parse error at line 2, column 2: empty combination ()' } },
  { name: 'trailing text', source: '1 2', expect: { error: 'parse error at line 1, column 3: unexpected text after the expression' } },
  { name: 'literal too large', source: '1073741824', expect: { error: 'parse error at line 1, column 1: integer literal out of range: 1073741824' } },
  { name: 'literal too small', source: '(+ 1 -1073741825)', expect: { error: 'parse error at line 1, column 6: integer literal out of range: -1073741825' } },
  { name: 'keyword as value', source: '((lambda (f) (f +)) 1)', expect: { error: 'parse error at line 1, column 17: keyword used as a value: +' } },
  { name: 'bad identifier', source: 'a$b', expect: { error: 'parse error at line 1, column 1: not a number or identifier: a$b' } },
  { name: 'primitive arity', source: '(+ 1)', expect: { error: 'parse error at line 1, column 5: + takes exactly two operands' } },
  { name: 'primitive extra operand', source: '(eq? 1 2 3)', expect: { error: 'parse error at line 1, column 10: eq? takes exactly two operands' } },
  { name: 'call without argument', source: '((lambda (x) x))', expect: { error: 'parse error at line 1, column 16: a call takes exactly one argument' } },
  { name: 'call with two arguments', source: '((lambda (x) x) 1 2)', expect: { error: 'parse error at line 1, column 19: a call takes exactly one argument' } },
  { name: 'lambda with two parameters', source: '(lambda (x y) x)', expect: { error: 'parse error at line 1, column 12: lambda takes exactly one parameter' } },
  { name: 'lambda without parameter list', source: '(lambda x x)', expect: { error: 'parse error at line 1, column 9: lambda expects a parameter list like (x), got: x' } },
  { name: 'keyword as parameter', source: '(lambda (if) 1)', expect: { error: "parse error at line 1, column 10: lambda's parameter list expects an identifier here: if" } },
  { name: 'lambda with two bodies', source: '(lambda (x) x x)', expect: { error: "parse error at line 1, column 15: expected ')' to close lambda" } },
  { name: 'if with two operands', source: '(if 1 2)', expect: { error: 'parse error at line 1, column 8: if takes exactly three operands' } },
  { name: 'letrec with two bindings', source: '(letrec ((x 1) (y 2)) x)', expect: { error: 'parse error at line 1, column 16: letrec takes exactly one binding' } },
  { name: 'letrec without binding list', source: '(letrec (x 1) x)', expect: { error: 'parse error at line 1, column 10: letrec expects ((name expr)), got: x' } },
  { name: 'nesting too deep', source: '('.repeat(1200) + '1' + ')'.repeat(1200), expect: { error: 'parse error at line 1, column 1002: expression nested too deeply' } },
  { name: 'overflow in +', source: '(+ 1073741823 1)', expect: { error: 'integer overflow: +' } },
  { name: 'overflow in -', source: '(- -1073741824 1)', expect: { error: 'integer overflow: -' } },
  { name: 'overflow in *', source: '(* 65536 16384)', expect: { error: 'integer overflow: *' } },
  { name: 'overflow in compiled *', source: '(letrec ((fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))) (fact 13))', expect: { error: 'integer overflow: *' } },
  { name: 'arithmetic on a procedure', source: '(+ (lambda (x) x) 1)', expect: { error: 'wrong type: + expects integers, got a procedure' } },
  { name: 'arithmetic on a procedure, second operand', source: '((lambda (f) (- 1 f)) (lambda (x) x))', expect: { error: 'wrong type: - expects integers, got a procedure' } },
  { name: 'comparison of a procedure', source: '((lambda (f) (< f 1)) (lambda (x) x))', expect: { error: 'wrong type: < expects integers, got a procedure' } },
  { name: 'if on a procedure', source: '((lambda (f) (if f 1 2)) (lambda (x) x))', expect: { error: 'wrong type: if expects an integer test, got a procedure' } },
  { name: 'calling an integer', source: '(5 5)', expect: { error: 'not a procedure: the integer 5' } },
  { name: 'calling an integer in compiled code', source: '((lambda (n) (+ 1 (n 1))) 3)', expect: { error: 'not a procedure: the integer 3' } },
  { name: 'tail-calling an integer in compiled code', source: '((lambda (n) (n 1)) -4)', expect: { error: 'not a procedure: the integer -4' } },
  { name: 'letrec variable before its value', source: '(letrec ((x (+ x 1))) x)', expect: { error: 'letrec variable used before its value is ready: x at line 1, column 16' } },
  { name: 'letrec variable before its value in a function', source: '((lambda (y) (letrec ((x (+ y x))) x)) 1)', expect: { error: 'letrec variable used before its value is ready: x at line 1, column 31' } },
  { name: 'recursion too deep', source: '(letrec ((f (lambda (n) (if (eq? n 0) 0 (+ 1 (f (- n 1))))))) (f 10001))', expect: { error: 'recursion too deep: more than 10000 nested calls' } },
  { name: 'recursion a million deep', source: '(letrec ((f (lambda (n) (if (eq? n 0) 0 (* 1 (f (- n 1))))))) (f 1000000))', expect: { error: 'recursion too deep: more than 10000 nested calls' } },
  {
    name: 'recursion too deep through an unknown callee',
    source: '(letrec ((f (lambda (g) (lambda (n) (if (eq? n 0) 0 (+ 1 ((f g) (- n 1)))))))) ((f 0) 20000))',
    expect: { error: 'recursion too deep: more than 10000 nested calls' },
  },
  {
    name: 'heap exhaustion',
    heap: 65536,
    source: `(letrec ((grow (lambda (f) (lambda (n) (if (eq? n 0) (f 0) ((grow (lambda (x) (f x))) (- n 1)))))))
               ((grow (lambda (x) x)) 100000))`,
    expect: { error: 'heap exhausted: live data fills the 65536-byte heap after a collection' },
  },
];

const examplesDirectory = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The corpus: examples/*.scm with their "; expect: N" lines. */
export const examples = readdirSync(examplesDirectory)
  .filter((f) => f.endsWith('.scm'))
  .sort()
  .map((f) => {
    const source = readFileSync(examplesDirectory + f, 'utf8');
    const match = /;\s*expect:\s*(-?\d+)/.exec(source);
    if (!match) throw new Error(`${f} has no '; expect: N' line`);
    return { name: f, source, expect: Number(match[1]) };
  });

export const tailLoop = {
  name: 'tail-position loop of 10,000,000 iterations',
  source: '(letrec ((loop (lambda (n) (if (eq? n 0) 7 (loop (- n 1)))))) (loop 10000000))',
  expect: 7,
};

/** Allocates ~120 MB with a 64 KiB heap when interpreted: the collector must run. */
export const churn = {
  name: 'allocating 100 times the heap',
  heap: 65536,
  source: '(letrec ((loop (lambda (n) (if (eq? n 0) 7 ((lambda (k) (loop k)) (- n 1)))))) (loop 1000000))',
  expect: 7,
};
