// Hash tables (hash_tables.cc): what other passes need to know of one.
#pragma once
#include "value.h"

// The number of keys in a hash table (the printer writes #<hash-table count: 3>).
int32_t hashTableCount(Value table);
