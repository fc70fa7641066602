// A growable byte buffer with the LEB128 encodings WebAssembly uses.
#pragma once
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

class Bytes {
 public:
  Bytes() = default;
  Bytes(const Bytes&) = delete;
  Bytes& operator=(const Bytes&) = delete;
  ~Bytes() { free(data_); }

  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

  void byte(uint8_t b) {
    reserve(1);
    data_[size_++] = b;
  }
  void append(const uint8_t* p, size_t n) {
    reserve(n);
    memcpy(data_ + size_, p, n);
    size_ += n;
  }
  void append(const Bytes& other) { append(other.data_, other.size_); }

  void unsignedLeb(uint64_t v) {
    do {
      uint8_t b = v & 0x7f;
      v >>= 7;
      byte(v ? b | 0x80 : b);
    } while (v);
  }
  void signedLeb(int64_t v) {
    for (;;) {
      uint8_t b = v & 0x7f;
      v >>= 7;  // arithmetic shift keeps the sign
      bool done = (v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40));
      byte(done ? b : b | 0x80);
      if (done) return;
    }
  }
  void name(const char* s) {
    unsignedLeb(strlen(s));
    append((const uint8_t*)s, strlen(s));
  }

  void clear() { size_ = 0; }

  // Hands the bytes over to the caller, who frees them with free().
  uint8_t* release() {
    uint8_t* p = data_;
    data_ = nullptr;
    size_ = capacity_ = 0;
    return p;
  }

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0, capacity_ = 0;

  void reserve(size_t n) {
    if (size_ + n <= capacity_) return;
    size_t c = capacity_ ? capacity_ * 2 : 64;
    while (c < size_ + n) c *= 2;
    data_ = (uint8_t*)realloc(data_, c);
    capacity_ = c;
  }
};
