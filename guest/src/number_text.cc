// Numbers as text: the external representation the printer writes and the
// syntax the reader and string->number read (R7RS 7.1.1), and the
// primitives number->string and string->number.
//
// A flonum is written as the shortest decimal that reads back as the same
// double, in Guile's layout: positional ("0.001", "1234567.0",
// "12345678900.0") unless that would take more than two leading zeros after
// the point or more than three trailing zeros before it and more than seven
// digits in all, and then "1.0e-4", "1.0e21".
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "heap.h"
#include "primitives.h"
#include "tower.h"

namespace {

void text(Bytes& out, const char* s) { out.append((const uint8_t*)s, strlen(s)); }

void flonumText(double d, Bytes& out) {
  if (isnan(d)) return text(out, "+nan.0");
  if (isinf(d)) return text(out, d < 0 ? "-inf.0" : "+inf.0");
  char buffer[40];
  for (int precision = 1; precision <= 17; precision++) {
    snprintf(buffer, sizeof buffer, "%.*e", precision - 1, d);
    if (strtod(buffer, nullptr) == d) break;
  }
  // buffer: [-]d[.ddd]e(+|-)XX
  const char* p = buffer;
  if (*p == '-') {
    out.byte('-');
    p++;
  }
  char digits[24];
  int n = 0;
  for (; *p != 'e'; p++)
    if (*p != '.') digits[n++] = *p;
  int exponent = atoi(p + 1);
  while (n > 1 && digits[n - 1] == '0') n--;
  int integerDigits = exponent + 1;  // the value is 0.DIGITS * 10^integerDigits
  bool positional = integerDigits >= -2 && (integerDigits <= 7 || integerDigits - n <= 3);
  if (!positional) {
    out.byte((uint8_t)digits[0]);
    out.byte('.');
    if (n == 1) out.byte('0');
    else out.append((const uint8_t*)digits + 1, (size_t)n - 1);
    snprintf(buffer, sizeof buffer, "e%d", exponent);
    return text(out, buffer);
  }
  if (integerDigits <= 0) {
    text(out, "0.");
    for (int i = 0; i < -integerDigits; i++) out.byte('0');
    out.append((const uint8_t*)digits, (size_t)n);
  } else if (integerDigits >= n) {
    out.append((const uint8_t*)digits, (size_t)n);
    for (int i = n; i < integerDigits; i++) out.byte('0');
    text(out, ".0");
  } else {
    out.append((const uint8_t*)digits, (size_t)integerDigits);
    out.byte('.');
    out.append((const uint8_t*)digits + integerDigits, (size_t)(n - integerDigits));
  }
}

// ---- Reading ----

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

enum class Exactness { Natural, Exact, Inexact };

// A recursive-descent reader of one number's text. Every number it makes is
// rooted until the end of the whole number.
class NumberReader {
 public:
  NumberReader(const char* text, size_t length, int radix) : p_(text), end_(text + length), radix_(radix) {}

  Value number() {
    Value* roots = rootTop;
    Value result = complex();
    rootTop = roots;
    return result;
  }

 private:
  const char* p_;
  const char* end_;
  int radix_;
  Exactness exactness_ = Exactness::Natural;

  bool at(char c) const { return p_ < end_ && (*p_ | 0x20) == (c | 0x20); }
  bool atEnd() const { return p_ >= end_; }

  bool prefixes() {
    bool radixSeen = false, exactnessSeen = false;
    while (p_ + 1 < end_ && *p_ == '#') {
      char c = p_[1] | 0x20;
      if (strchr("xbod", c)) {
        if (radixSeen) return false;
        radixSeen = true;
        radix_ = c == 'x' ? 16 : c == 'b' ? 2 : c == 'o' ? 8 : 10;
      } else if (c == 'e' || c == 'i') {
        if (exactnessSeen) return false;
        exactnessSeen = true;
        exactness_ = c == 'e' ? Exactness::Exact : Exactness::Inexact;
      } else {
        return false;
      }
      p_ += 2;
    }
    return true;
  }

  Value complex() {
    if (!prefixes()) return kFalse;
    if (atEnd()) return kFalse;
    // "+i" and "-i"
    if ((p_[0] == '+' || p_[0] == '-') && end_ - p_ == 2 && (p_[1] | 0x20) == 'i')
      return finish(makeInteger(0), makeInteger(p_[0] == '-' ? -1 : 1));
    bool signedStart = *p_ == '+' || *p_ == '-';
    Value* first = pushRoot(real(true));  // later parts may move it
    if (*first == kFalse) return kFalse;
    if (atEnd()) return finish(*first, kUnset);
    if (at('@')) {
      p_++;
      Value angle = real(true);
      if (angle == kFalse || !atEnd() || exactness_ == Exactness::Exact) return kFalse;
      double a = realToDouble(angle), m = realToDouble(*first);
      return newComplex(m * cos(a), m * sin(a));
    }
    if (at('i') && end_ - p_ == 1 && signedStart) {  // "+2i": no real part
      p_++;
      return finish(makeInteger(0), *first);
    }
    if (*p_ != '+' && *p_ != '-') return kFalse;
    if (end_ - p_ == 2 && (p_[1] | 0x20) == 'i') {
      Value unit = makeInteger(*p_ == '-' ? -1 : 1);
      p_ += 2;
      return finish(*first, unit);
    }
    Value second = real(true);
    if (second == kFalse || !at('i') || end_ - p_ != 1) return kFalse;
    return finish(*first, second);
  }

  // The number of a real part and an imaginary one (kUnset: none), with the
  // prefix's exactness applied.
  Value finish(Value real, Value imaginary) {
    pushRoot(imaginary);
    Value* roots = pushRoot(applyExactness(real));
    if (roots[0] == kFalse) return kFalse;
    if (imaginary == kUnset) return roots[0];
    if (exactness_ == Exactness::Exact) return kFalse;  // no exact complex numbers here
    double im = realToDouble(applyExactness(roots[-1]));
    if (im == 0 && exactness_ != Exactness::Inexact && isExactNumber(roots[-1])) return roots[0];
    return newCompnum(realToDouble(roots[0]), im);
  }

  Value applyExactness(Value n) {
    if (n == kFalse) return n;
    if (exactness_ == Exactness::Inexact) return toInexact(n);
    if (exactness_ == Exactness::Exact && isFlonum(n)) {
      if (!isfinite(flonumValue(n))) return kFalse;
      return exactFromDouble(flonumValue(n));
    }
    return n;
  }

  // [sign] (uinteger | uinteger/uinteger | decimal | inf.0 | nan.0)
  // With `signed`, a sign may start it.
  Value real(bool allowSign) {
    bool negative = false, sign = false;
    if (allowSign && !atEnd() && (*p_ == '+' || *p_ == '-')) {
      negative = *p_ == '-';
      sign = true;
      p_++;
    }
    if (sign && end_ - p_ >= 5 && (strncmp(p_, "inf.0", 5) == 0 || strncmp(p_, "nan.0", 5) == 0)) {
      bool nan = p_[0] == 'n';
      p_ += 5;
      return newFlonum(nan ? NAN : negative ? -HUGE_VAL : HUGE_VAL);
    }
    const char* digits = p_;
    while (!atEnd() && digitValue(*p_) < radix_) p_++;
    size_t count = p_ - digits;
    if (!atEnd() && *p_ == '/') {
      if (count == 0) return kFalse;
      p_++;
      const char* bottom = p_;
      while (!atEnd() && digitValue(*p_) < radix_) p_++;
      if (p_ == bottom) return kFalse;
      Value* roots = pushRoot(integer(digits, count, negative));
      Value d = integer(bottom, p_ - bottom, false);
      if (d == makeInteger(0)) {
        rootTop = roots;
        // n/0 has no exact value; #i1/0 would be an infinity, but keep it simple.
        return kFalse;
      }
      Value q = makeRational(roots[0], d);
      rootTop = roots;
      return q;
    }
    bool decimal = !atEnd() && (*p_ == '.' || *p_ == 'e' || *p_ == 'E');
    if (!decimal) return count ? integer(digits, count, negative) : kFalse;
    if (radix_ != 10) return kFalse;
    return decimalNumber(digits, negative);
  }

  Value integer(const char* digits, size_t count, bool negative) {
    if (count <= 12) {
      int64_t n = 0;
      for (size_t i = 0; i < count; i++) n = n * radix_ + digitValue(digits[i]);
      return integerFromInt64(negative ? -n : n);
    }
    return integerFromDigits(digits, count, radix_, negative);
  }

  // digits [. digits] [e [sign] digits], from `digits` (after any sign).
  Value decimalNumber(const char* start, bool negative) {
    p_ = start;
    char mantissa[1024];  // the digits without the point
    size_t n = 0;
    long scale = 0;  // the value is MANTISSA * 10^scale
    bool any = false;
    while (!atEnd() && *p_ >= '0' && *p_ <= '9') {
      if (n < sizeof mantissa) mantissa[n++] = *p_;
      else scale++;
      p_++;
      any = true;
    }
    if (!atEnd() && *p_ == '.') {
      p_++;
      while (!atEnd() && *p_ >= '0' && *p_ <= '9') {
        if (n < sizeof mantissa) {
          mantissa[n++] = *p_;
          scale--;
        }
        p_++;
        any = true;
      }
    }
    if (!any) return kFalse;
    if (!atEnd() && (*p_ == 'e' || *p_ == 'E')) {
      p_++;
      bool down = false;
      if (!atEnd() && (*p_ == '+' || *p_ == '-')) down = *p_++ == '-';
      if (atEnd() || *p_ < '0' || *p_ > '9') return kFalse;
      long e = 0;
      while (!atEnd() && *p_ >= '0' && *p_ <= '9') {
        if (e < 100000000) e = e * 10 + (*p_ - '0');
        p_++;
      }
      scale += down ? -e : e;
    }
    if (exactness_ == Exactness::Exact) {
      if (scale > 100000 || scale < -100000) return kFalse;  // too large to make exactly
      Value* roots = pushRoot(integer(mantissa, n, negative));
      pushRoot(makeInteger(1));   // roots[1]: 10^|scale|, by repeated squaring
      pushRoot(makeInteger(10));  // roots[2]: 10^(2^k)
      for (long k = scale < 0 ? -scale : scale; k > 0; k >>= 1) {
        if (k & 1) roots[1] = integerMultiply(roots[1], roots[2]);
        if (k > 1) roots[2] = integerMultiply(roots[2], roots[2]);
      }
      Value result = scale < 0 ? makeRational(roots[0], roots[1]) : integerMultiply(roots[0], roots[1]);
      rootTop = roots;
      return result;
    }
    char text[1100];
    snprintf(text, sizeof text, "%s%.*se%ld", negative ? "-" : "", (int)n, mantissa, scale);
    return newFlonum(strtod(text, nullptr));
  }
};

}  // namespace

void numberToText(Value n, int radix, Bytes& out) {
  switch (numberKind(n)) {
    case NumberKind::Integer:
      if (isInteger(n) && radix == 10) {
        char digits[16];
        snprintf(digits, sizeof digits, "%d", (int)integerOf(n));
        return text(out, digits);
      }
      return integerToText(n, radix, out);
    case NumberKind::Rational:
      integerToText(ratnumOf(n)->numerator, radix, out);
      out.byte('/');
      return integerToText(ratnumOf(n)->denominator, radix, out);
    case NumberKind::Real: return flonumText(flonumValue(n), out);
    case NumberKind::Complex: {
      double re = compnumPart(n, 0), im = compnumPart(n, 1);
      flonumText(re, out);
      if (!isnan(im) && !isinf(im) && !signbit(im)) out.byte('+');
      flonumText(im, out);
      return out.byte('i');
    }
    case NumberKind::None: break;
  }
}

Value numberFromText(const char* text, size_t length, int radix) {
  NumberReader reader(text, length, radix);
  return reader.number();
}

bool looksLikeNumber(const char* text, size_t length) {
  auto digit = [&](size_t i) { return i < length && text[i] >= '0' && text[i] <= '9'; };
  if (digit(0)) return true;
  if (length > 1 && text[0] == '#') return strchr("xXbBoOdDeEiI", text[1]) != nullptr;
  if (text[0] == '.') return digit(1);
  if (text[0] == '+' || text[0] == '-') return digit(1) || (length > 1 && text[1] == '.' && digit(2));
  return false;
}

Value readNumberLiteral(const char* text, size_t length) {
  NumbersOutsideHeap outside;
  return numberFromText(text, length, 10);
}

static int32_t radixAt(Prim p, Value* args, int32_t argc) {
  if (argc < 2) return 10;
  int32_t radix = integerArgument(p, args, 1);
  if (radix < 2 || radix > 36) failWrongType(p, 1, Expected::Radix, args[1]);
  return radix;
}

Value prim_NumberToString(ARGS) {
  if (!isNumber(args[0])) failWrongType(Prim::NumberToString, 0, Expected::Number, args[0]);
  int32_t radix = radixAt(Prim::NumberToString, args, argc);
  if (radix != 10 && !isExactNumber(args[0]))
    failWrongType(Prim::NumberToString, 1, Expected::DecimalRadix, args[1]);
  Bytes digits;
  numberToText(args[0], radix, digits);
  return makeString((const char*)digits.data(), digits.size());
}

Value prim_StringToNumber(ARGS) {
  stringAt(Prim::StringToNumber, args, 0);
  int32_t radix = radixAt(Prim::StringToNumber, args, argc);
  // A copy: making the number may move the string. A character beyond
  // ASCII is never part of a number: it reads as one that no digit matches.
  size_t length = lengthOf(args[0]);
  char* text = (char*)malloc(length + 1);
  if (!text) fail("out of memory: string->number of %lu characters", (unsigned long)length);
  for (size_t i = 0; i < length; i++) {
    uint32_t c = stringOf(args[0])->chars[i];
    text[i] = c < 0x80 ? (char)c : '\x7f';
  }
  text[length] = 0;
  Value n = numberFromText(text, length, radix);
  free(text);
  return n;
}
