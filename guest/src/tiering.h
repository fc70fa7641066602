// Automatic tiering, the guest's half: hot functions ask for a JIT round in
// the middle of an evaluation (docs/DESIGN.md, "Automatic tiering").
//
// Every interpreted entry of a function -- a call, a self tail call, an
// iteration of a named-let loop, which are all calls to the interpreter --
// adds one to its heat. A function whose heat reaches the threshold is hot.
// At the next safe point (the evaluator between a call's binding and its
// body, never inside the compiler or an allocation) the guest writes a module
// of the hot functions and hands its bytes to the host (env.jit_ready), which
// compiles it on another thread; the guest goes on interpreting and asks now
// and then (env.tier_poll) whether the host has linked it. One round is in
// flight at a time. With the threshold 0, the default, none of this runs and
// the imports are never called.
#pragma once
#include <stdint.h>

#include "value.h"

// Interpreted entries before a function is hot; 0 turns tiering off.
extern uint32_t tierThreshold;
// Set when the next safe point has work: a function became hot, or a round
// in flight is due to be polled.
extern bool tierSafePointDue;

// A Func's tier state (Func::tier).
enum : uint8_t { kTierCold = 0, kTierHot = 1, kTierInFlight = 2, kTierFailed = 3 };

void markHot(Func* f);
void countWhileInFlight();
extern bool tierRoundInFlight;

// One interpreted entry of f; called only when tierThreshold != 0.
inline void countEntry(Func* f) {
  if (++f->heat == tierThreshold) markHot(f);
  if (tierRoundInFlight) countWhileInFlight();
}

// The safe point's work: poll a round in flight, start one for waiting hot
// functions.
void tierSafePoint();

// Threshold (0 = off) and the largest module a round may hand over.
void setTiering(uint32_t threshold, uint32_t maxRoundBytes);
uint32_t tierRoundsStarted();
