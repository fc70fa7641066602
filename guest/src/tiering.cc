#include "tiering.h"

#include "evaluator.h"
#include "jit_round.h"

// The host's two imports. A host without automatic tiering answers
// jit_ready with 0 (not taken: the guest stops tiering) and tier_poll with 0.
#ifdef __wasm__
extern "C" __attribute__((import_module("env"), import_name("jit_ready"))) int32_t jit_ready(
    uint8_t* bytes, uint32_t size);
extern "C" __attribute__((import_module("env"), import_name("tier_poll"))) int32_t tier_poll(void);
#else
static int32_t jit_ready(uint8_t*, uint32_t) { return 0; }  // the native build has no host
static int32_t tier_poll(void) { return 0; }
#endif

uint32_t tierThreshold;
bool tierSafePointDue;
bool tierRoundInFlight;

namespace {

// Interpreted entries between two polls of a round in flight: a poll is a
// host call (tens of nanoseconds), an entry a few nanoseconds.
const uint32_t kPollInterval = 4096;

uint32_t maxRoundBytes = 1u << 20;
uint32_t hotWaiting;     // functions marked hot and not yet in a round
uint32_t sincePoll;
uint32_t roundsStarted;

bool isHot(const Func* f) { return f->tier == kTierHot && f->jitCode == 0; }

// A round's functions that the host did not link stay interpreted.
void finishRound() {
  for (Func* f = firstRunFunction(); f; f = f->nextRun)
    if (f->tier == kTierInFlight && f->jitCode == 0) f->tier = kTierFailed;
}

void startRound() {
  hotWaiting = 0;
  JitModule* module = buildJitModuleOf(isHot, maxRoundBytes, [](Func* f) { f->tier = kTierInFlight; });
  if (!module) return;
  roundsStarted++;
  // The host copies the bytes before it returns.
  if (jit_ready(module->bytes, module->size)) {
    tierRoundInFlight = true;
    sincePoll = 0;
  } else {
    tierThreshold = 0;  // this host does not tier
    finishRound();
  }
  freeJitModule(module);
}

}  // namespace

void markHot(Func* f) {
  if (f->tier != kTierCold || f->jitCode != 0 || f->staysInterpreted) return;
  f->tier = kTierHot;
  hotWaiting++;
  tierSafePointDue = true;
}

void countWhileInFlight() {
  if (++sincePoll >= kPollInterval) tierSafePointDue = true;
}

void tierSafePoint() {
  tierSafePointDue = false;
  if (tierRoundInFlight) {
    sincePoll = 0;
    if (!tier_poll()) return;
    tierRoundInFlight = false;
    finishRound();
  }
  // Functions that became hot while the last round was in flight.
  if (hotWaiting == 0) {
    for (Func* f = firstRunFunction(); f; f = f->nextRun) hotWaiting += isHot(f);
  }
  if (hotWaiting && tierThreshold) startRound();
}

void setTiering(uint32_t threshold, uint32_t bytes) {
  tierThreshold = threshold;
  if (bytes) maxRoundBytes = bytes;
}

uint32_t tierRoundsStarted() { return roundsStarted; }
