// Exact integers of any size. A fixnum that would overflow becomes a bignum:
// a magnitude in 32-bit limbs, least significant first, and a sign; every
// result that fits a fixnum is a fixnum again, so each integer has one form.
//
// The algorithms are the schoolbook ones (Knuth, TAOCP vol. 2, 4.3.1):
// addition, subtraction, multiplication, and division by algorithm D.
// Results are allocated before their operands are looked at, since an
// allocation may move the operands; the operands are rooted meanwhile.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "heap.h"
#include "tower.h"

namespace {

// An integer's magnitude as limbs: a bignum's own, or a fixnum's in `own`.
// Valid until the next allocation.
struct Magnitude {
  const uint32_t* limbs;
  uint32_t length;
  bool negative;
  uint32_t own;
};

void magnitudeOf(Value v, Magnitude& m) {
  if (isInteger(v)) {
    int32_t n = integerOf(v);
    m.negative = n < 0;
    m.own = n < 0 ? (uint32_t)(-(int64_t)n) : (uint32_t)n;
    m.limbs = &m.own;
    m.length = m.own ? 1 : 0;
  } else {
    m.negative = headerDetailOf(v) & 1;
    m.limbs = bignumOf(v)->limbs;
    m.length = lengthOf(v);
  }
}

uint32_t limbCount(Value v) { return isInteger(v) ? 1 : lengthOf(v); }

uint32_t* limbsOf(Value big) { return bignumOf(big)->limbs; }

void setNegative(Value big, bool negative) {
  objectOf(big)[0] = (headerOf(big) & 0xff) | ((Value)(negative ? 1 : 0) << 8);
}

int compareMagnitudes(const Magnitude& x, const Magnitude& y) {
  if (x.length != y.length) return x.length < y.length ? -1 : 1;
  for (uint32_t i = x.length; i-- > 0;)
    if (x.limbs[i] != y.limbs[i]) return x.limbs[i] < y.limbs[i] ? -1 : 1;
  return 0;
}

// out = x + y; out has room for max(lengths) + 1 limbs.
void addMagnitudes(uint32_t* out, const Magnitude& x, const Magnitude& y) {
  uint32_t n = x.length > y.length ? x.length : y.length;
  uint64_t carry = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint64_t s = carry;
    if (i < x.length) s += x.limbs[i];
    if (i < y.length) s += y.limbs[i];
    out[i] = (uint32_t)s;
    carry = s >> 32;
  }
  out[n] = (uint32_t)carry;
}

// out = x - y, where x >= y.
void subtractMagnitudes(uint32_t* out, const Magnitude& x, const Magnitude& y) {
  int64_t borrow = 0;
  for (uint32_t i = 0; i < x.length; i++) {
    int64_t d = (int64_t)x.limbs[i] - borrow - (i < y.length ? (int64_t)y.limbs[i] : 0);
    borrow = d < 0;
    out[i] = (uint32_t)(d + (borrow << 32));
  }
}

// Scratch limbs for division, kept between calls (they only grow).
uint32_t* scratch(int which, size_t limbs) {
  static uint32_t* buffers[2];
  static size_t sizes[2];
  if (sizes[which] < limbs) {
    size_t size = limbs < 64 ? 64 : limbs * 2;
    uint32_t* grown = (uint32_t*)realloc(buffers[which], size * sizeof(uint32_t));
    if (!grown) fail("out of memory: an integer division needs %lu bytes", (unsigned long)(size * 4));
    buffers[which] = grown;
    sizes[which] = size;
  }
  return buffers[which];
}

// q = u / v, r = u % v for magnitudes with u.length >= v.length >= 1;
// q has room for u.length - v.length + 1 limbs, r for v.length.
void divideMagnitudes(const Magnitude& u, const Magnitude& v, uint32_t* q, uint32_t* r) {
  uint32_t m = u.length, n = v.length;
  if (n == 1) {
    uint64_t rest = 0, d = v.limbs[0];
    for (uint32_t i = m; i-- > 0;) {
      uint64_t cur = (rest << 32) | u.limbs[i];
      q[i] = (uint32_t)(cur / d);
      rest = cur % d;
    }
    r[0] = (uint32_t)rest;
    return;
  }
  // Algorithm D: shift so that the divisor's top limb has its high bit set.
  int s = __builtin_clz(v.limbs[n - 1]);
  uint32_t* vn = scratch(0, n);
  uint32_t* un = scratch(1, m + 1);
  for (uint32_t i = n - 1; i > 0; i--)
    vn[i] = (v.limbs[i] << s) | (s ? (uint32_t)((uint64_t)v.limbs[i - 1] >> (32 - s)) : 0);
  vn[0] = v.limbs[0] << s;
  un[m] = s ? (uint32_t)((uint64_t)u.limbs[m - 1] >> (32 - s)) : 0;
  for (uint32_t i = m - 1; i > 0; i--)
    un[i] = (u.limbs[i] << s) | (s ? (uint32_t)((uint64_t)u.limbs[i - 1] >> (32 - s)) : 0);
  un[0] = u.limbs[0] << s;
  const uint64_t base = (uint64_t)1 << 32;
  for (uint32_t j = m - n + 1; j-- > 0;) {
    uint64_t top = ((uint64_t)un[j + n] << 32) | un[j + n - 1];
    uint64_t qhat = top / vn[n - 1], rhat = top % vn[n - 1];
    while (qhat >= base || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      qhat--;
      rhat += vn[n - 1];
      if (rhat >= base) break;
    }
    // un[j..j+n] -= qhat * vn
    int64_t t;
    uint64_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
      uint64_t p = qhat * vn[i];
      t = (int64_t)un[i + j] - (int64_t)k - (int64_t)(p & 0xffffffffu);
      un[i + j] = (uint32_t)t;
      k = (p >> 32) - (uint64_t)(t >> 32);
    }
    t = (int64_t)un[j + n] - (int64_t)k;
    un[j + n] = (uint32_t)t;
    if (t < 0) {  // qhat was one too many: add the divisor back
      qhat--;
      uint64_t c = 0;
      for (uint32_t i = 0; i < n; i++) {
        uint64_t sum = (uint64_t)un[i + j] + vn[i] + c;
        un[i + j] = (uint32_t)sum;
        c = sum >> 32;
      }
      un[j + n] += (uint32_t)c;
    }
    q[j] = (uint32_t)qhat;
  }
  for (uint32_t i = 0; i < n; i++)
    r[i] = (un[i] >> s) | (s ? (uint32_t)((uint64_t)un[i + 1] << (32 - s)) : 0);
}

// a + b, or a - b when `subtract`.
Value addSigned(Value a, Value b, bool subtract) {
  if (isInteger(a) && isInteger(b))
    return integerFromInt64(subtract ? (int64_t)integerOf(a) - integerOf(b)
                                     : (int64_t)integerOf(a) + integerOf(b));
  Value* roots = pushRoot(a);
  pushRoot(b);
  uint32_t n = (limbCount(a) > limbCount(b) ? limbCount(a) : limbCount(b)) + 1;
  Value sum = newBignum(n, false);
  Magnitude x, y;
  magnitudeOf(roots[0], x);
  magnitudeOf(roots[1], y);
  if (subtract) y.negative = !y.negative;
  rootTop = roots;
  if (x.negative == y.negative) {
    addMagnitudes(limbsOf(sum), x, y);
    setNegative(sum, x.negative);
  } else if (compareMagnitudes(x, y) >= 0) {
    subtractMagnitudes(limbsOf(sum), x, y);
    setNegative(sum, x.negative);
  } else {
    subtractMagnitudes(limbsOf(sum), y, x);
    setNegative(sum, y.negative);
  }
  return normaliseBignum(sum);
}

}  // namespace

Value newBignum(uint32_t limbs, bool negative) {
  Value big;
  if (numbersOutsideHeap) {
    Bignum* b = (Bignum*)calloc(1, dataObjectBytes(limbs, 4));
    if (!b) fail("out of memory: an integer literal of %u limbs", (unsigned)limbs);
    b->header = kBignumTag | kLiteral;
    b->length = limbs;
    big = (Value)b;
  } else {
    big = makeData(kBignumTag, limbs, 4);
  }
  setNegative(big, negative);
  return big;
}

Value normaliseBignum(Value big) {
  uint32_t n = lengthOf(big);
  const uint32_t* limbs = limbsOf(big);
  while (n > 0 && limbs[n - 1] == 0) n--;
  bool negative = headerDetailOf(big) & 1;
  if (n == 0) return makeInteger(0);
  if (n == 1) {
    int64_t value = negative ? -(int64_t)limbs[0] : (int64_t)limbs[0];
    if (inIntegerRange(value)) return makeInteger((int32_t)value);
  }
  // The limbs dropped stay behind as dead space the collector never visits
  // (it copies objects by their length).
  objectOf(big)[1] = n;
  return big;
}

Value integerFromInt64(int64_t n) {
  if (inIntegerRange(n)) return makeInteger((int32_t)n);
  uint64_t m = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
  Value big = newBignum(2, n < 0);
  limbsOf(big)[0] = (uint32_t)m;
  limbsOf(big)[1] = (uint32_t)(m >> 32);
  return normaliseBignum(big);
}

Value integerAdd(Value a, Value b) { return addSigned(a, b, false); }
Value integerSubtract(Value a, Value b) { return addSigned(a, b, true); }
Value integerNegate(Value a) { return addSigned(makeInteger(0), a, true); }

Value integerMultiply(Value a, Value b) {
  if (isInteger(a) && isInteger(b)) return integerFromInt64((int64_t)integerOf(a) * integerOf(b));
  Value* roots = pushRoot(a);
  pushRoot(b);
  Value product = newBignum(limbCount(a) + limbCount(b), false);
  Magnitude x, y;
  magnitudeOf(roots[0], x);
  magnitudeOf(roots[1], y);
  rootTop = roots;
  uint32_t* out = limbsOf(product);
  for (uint32_t i = 0; i < x.length; i++) {
    uint64_t carry = 0, xi = x.limbs[i];
    for (uint32_t j = 0; j < y.length; j++) {
      uint64_t t = xi * y.limbs[j] + out[i + j] + carry;
      out[i + j] = (uint32_t)t;
      carry = t >> 32;
    }
    out[i + y.length] = (uint32_t)carry;
  }
  setNegative(product, x.negative != y.negative);
  return normaliseBignum(product);
}

void integerDivide(Value a, Value b, Value* quotient, Value* remainder) {
  if (isInteger(a) && isInteger(b)) {
    int64_t x = integerOf(a), y = integerOf(b);
    if (quotient) *quotient = integerFromInt64(x / y);
    if (remainder) *remainder = makeInteger((int32_t)(x % y));
    return;
  }
  Value* roots = pushRoot(a);
  pushRoot(b);
  Magnitude x, y;
  magnitudeOf(a, x);
  magnitudeOf(b, y);
  if (compareMagnitudes(x, y) < 0) {  // |a| < |b|
    rootTop = roots;
    if (quotient) *quotient = makeInteger(0);
    if (remainder) *remainder = a;
    return;
  }
  uint32_t ql = x.length - y.length + 1, rl = y.length;
  pushRoot(newBignum(ql, false));
  Value r = newBignum(rl, false);
  Value q = roots[2];
  magnitudeOf(roots[0], x);
  magnitudeOf(roots[1], y);
  divideMagnitudes(x, y, limbsOf(q), limbsOf(r));
  setNegative(q, x.negative != y.negative);
  setNegative(r, x.negative);
  rootTop = roots;
  q = normaliseBignum(q);
  r = normaliseBignum(r);
  if (quotient) *quotient = q;
  if (remainder) *remainder = r;
}

Value integerGcd(Value a, Value b) {
  Value* roots = pushRoot(a);
  pushRoot(b);
  if (integerSign(roots[0]) < 0) roots[0] = integerNegate(roots[0]);
  if (integerSign(roots[1]) < 0) roots[1] = integerNegate(roots[1]);
  while (roots[1] != makeInteger(0)) {
    if (isInteger(roots[0]) && isInteger(roots[1])) {
      int32_t x = integerOf(roots[0]), y = integerOf(roots[1]);
      while (y) {
        int32_t t = x % y;
        x = y;
        y = t;
      }
      rootTop = roots;
      return makeInteger(x);
    }
    Value r;
    integerDivide(roots[0], roots[1], nullptr, &r);
    roots[0] = roots[1];
    roots[1] = r;
  }
  Value g = roots[0];
  rootTop = roots;
  return g;
}

int integerCompare(Value a, Value b) {
  if (isInteger(a) && isInteger(b)) return integerOf(a) < integerOf(b) ? -1 : integerOf(a) > integerOf(b);
  Magnitude x, y;
  magnitudeOf(a, x);
  magnitudeOf(b, y);
  if (x.negative != y.negative) return x.negative ? -1 : 1;
  int c = compareMagnitudes(x, y);
  return x.negative ? -c : c;
}

int integerSign(Value a) {
  if (isInteger(a)) return integerOf(a) < 0 ? -1 : integerOf(a) > 0;
  return (headerDetailOf(a) & 1) ? -1 : 1;  // a bignum is never 0
}

bool integerIsOdd(Value a) {
  if (isInteger(a)) return integerOf(a) & 1;
  return limbsOf(a)[0] & 1;
}

uint64_t integerBitLength(Value a) {
  Magnitude x;
  magnitudeOf(a, x);
  if (x.length == 0) return 0;
  return (uint64_t)(x.length - 1) * 32 + (32 - __builtin_clz(x.limbs[x.length - 1]));
}

double integerToDouble(Value a) {
  if (isInteger(a)) return integerOf(a);
  Magnitude x;
  magnitudeOf(a, x);
  uint64_t bits = integerBitLength(a);
  if (bits > 1100) return x.negative ? -HUGE_VAL : HUGE_VAL;
  // The top 64 bits, and a sticky bit for any below them, round exactly once.
  uint64_t top = 0;
  uint64_t shift = bits > 64 ? bits - 64 : 0;
  bool sticky = false;
  for (uint64_t bit = 0; bit < bits; bit += 32) {
    uint32_t limb = x.limbs[bit / 32];
    if (bit + 32 <= shift) {
      sticky |= limb != 0;
      continue;
    }
    if (bit < shift) {
      uint32_t low = (uint32_t)(shift - bit);
      sticky |= (limb & ((1u << low) - 1)) != 0;
      top |= (uint64_t)(limb >> low);
    } else {
      top |= (uint64_t)limb << (bit - shift);
    }
  }
  if (sticky) top |= 1;
  double d = ldexp((double)top, (int)shift);
  return x.negative ? -d : d;
}

Value integerFromDouble(double d) {
  if (d >= -9.2e18 && d <= 9.2e18) return integerFromInt64((int64_t)d);
  int exponent;
  double fraction = frexp(d < 0 ? -d : d, &exponent);  // d = fraction * 2^exponent
  uint64_t mantissa = (uint64_t)ldexp(fraction, 53);
  return integerShiftLeft(integerFromInt64(d < 0 ? -(int64_t)mantissa : (int64_t)mantissa),
                          (uint32_t)(exponent - 53));
}

Value integerShiftLeft(Value a, uint32_t bits) {
  if (integerSign(a) == 0 || bits == 0) return a;
  Value* roots = pushRoot(a);
  uint32_t words = bits / 32, shift = bits % 32;
  Value big = newBignum(limbCount(a) + words + 1, false);
  Magnitude x;
  magnitudeOf(roots[0], x);
  rootTop = roots;
  uint32_t* out = limbsOf(big);
  for (uint32_t i = 0; i < x.length; i++) {
    uint64_t shifted = (uint64_t)x.limbs[i] << shift;
    out[i + words] |= (uint32_t)shifted;
    out[i + words + 1] |= (uint32_t)(shifted >> 32);
  }
  setNegative(big, x.negative);
  return normaliseBignum(big);
}

bool integerToInt64(Value a, int64_t* out) {
  if (isInteger(a)) {
    *out = integerOf(a);
    return true;
  }
  Magnitude x;
  magnitudeOf(a, x);
  if (x.length > 2) return false;
  uint64_t m = x.limbs[0] | (x.length > 1 ? (uint64_t)x.limbs[1] << 32 : 0);
  if (m > (x.negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX)) return false;
  *out = x.negative ? (int64_t)(0 - m) : (int64_t)m;
  return true;
}

void integerToText(Value a, int radix, Bytes& out) {
  Magnitude x;
  magnitudeOf(a, x);
  if (x.negative) out.byte('-');
  if (x.length == 0) return out.byte('0');
  // Repeated division of a copy by the largest power of the radix in a limb.
  uint32_t chunk = radix, perChunk = 1;
  while ((uint64_t)chunk * radix <= 0xffffffffu) chunk *= radix, perChunk++;
  uint32_t n = x.length;
  uint32_t* work = (uint32_t*)malloc(n * sizeof(uint32_t));
  char* digits = (char*)malloc((size_t)n * 32 + 1);
  if (!work || !digits) fail("out of memory: writing an integer of %u limbs", (unsigned)n);
  memcpy(work, x.limbs, n * sizeof(uint32_t));
  size_t k = 0;
  while (n > 0) {
    uint64_t rest = 0;
    for (uint32_t i = n; i-- > 0;) {
      uint64_t cur = (rest << 32) | work[i];
      uint64_t q = cur / chunk;  // one division; the remainder from it
      work[i] = (uint32_t)q;
      rest = cur - q * chunk;
    }
    while (n > 0 && work[n - 1] == 0) n--;
    for (uint32_t i = 0; i < perChunk && (n > 0 || rest > 0); i++) {
      digits[k++] = "0123456789abcdefghijklmnopqrstuvwxyz"[rest % radix];
      rest /= radix;
    }
  }
  while (k-- > 0) out.byte((uint8_t)digits[k]);
  free(work);
  free(digits);
}

Value integerFromDigits(const char* digits, size_t length, int radix, bool negative) {
  // Limbs enough for length digits of up to 6 bits each.
  size_t capacity = length * 6 / 32 + 2;
  uint32_t* work = (uint32_t*)calloc(capacity, sizeof(uint32_t));
  if (!work) fail("out of memory: reading an integer of %lu digits", (unsigned long)length);
  // As many digits at a time as a limb holds: one pass over the limbs per chunk.
  uint32_t perChunk = 1;
  uint64_t chunkScale = radix;
  while (chunkScale * radix <= 0xffffffffu) chunkScale *= radix, perChunk++;
  uint32_t n = 0;
  for (size_t i = 0; i < length;) {
    uint64_t scale = 1, carry = 0;
    for (uint32_t k = 0; k < perChunk && i < length; k++, i++) {
      char c = digits[i];
      carry = carry * radix + (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      scale *= radix;
    }
    for (uint32_t j = 0; j < n; j++) {
      uint64_t t = (uint64_t)work[j] * scale + carry;
      work[j] = (uint32_t)t;
      carry = t >> 32;
    }
    if (carry) work[n++] = (uint32_t)carry;
  }
  Value big = newBignum(n, negative);
  memcpy(limbsOf(big), work, n * sizeof(uint32_t));
  free(work);
  return normaliseBignum(big);
}
