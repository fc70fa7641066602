// A map from object addresses to small numbers, in malloc'd memory, for the
// walks over data that must notice the objects they have met before (equal?
// on circular data, the printer's datum labels). Keys are addresses, so
// nothing may collect while a table is in use.
#pragma once
#include <stdint.h>
#include <stdlib.h>

#include "errors.h"
#include "value.h"

class AddressTable {
 public:
  static const uint32_t kAbsent = UINT32_MAX;

  AddressTable() = default;
  AddressTable(const AddressTable&) = delete;
  AddressTable& operator=(const AddressTable&) = delete;
  ~AddressTable() {
    free(keys_);
    free(values_);
  }

  size_t size() const { return count_; }

  uint32_t get(Value key) const {
    if (!capacity_) return kAbsent;
    for (size_t i = slot(key, capacity_);; i = (i + 1) & (capacity_ - 1)) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return kAbsent;
    }
  }

  // Stores value for key, which is never 0. `what` names the walk in the
  // "out of memory" message when the table cannot grow.
  void put(Value key, uint32_t value, const char* what) {
    if (2 * (count_ + 1) > capacity_) grow(what);
    size_t i = slot(key, capacity_);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (capacity_ - 1);
    if (keys_[i] == 0) count_++;
    keys_[i] = key;
    values_[i] = value;
  }

 private:
  Value* keys_ = nullptr;  // 0: an empty slot
  uint32_t* values_ = nullptr;
  size_t capacity_ = 0, count_ = 0;  // capacity_: a power of two

  static size_t slot(Value key, size_t capacity) {
    return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ull) >> 32) & (capacity - 1);
  }

  void grow(const char* what) {
    size_t capacity = capacity_ ? 2 * capacity_ : 1024;
    Value* keys = (Value*)calloc(capacity, sizeof(Value));
    uint32_t* values = (uint32_t*)malloc(capacity * sizeof(uint32_t));
    if (!keys || !values) {
      free(keys);
      free(values);
      fail("out of memory: %s", what);
    }
    for (size_t i = 0; i < capacity_; i++) {
      if (keys_[i] == 0) continue;
      size_t j = slot(keys_[i], capacity);
      while (keys[j] != 0) j = (j + 1) & (capacity - 1);
      keys[j] = keys_[i];
      values[j] = values_[i];
    }
    free(keys_);
    free(values_);
    keys_ = keys;
    values_ = values;
    capacity_ = capacity;
  }
};
