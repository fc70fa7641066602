// The prelude (prelude.cc): the parts of the language written in Scheme.
#pragma once

// Parses the prelude once, defining its macros: before any program is parsed.
void parsePrelude();
// Runs the prelude once, defining its procedures: before any program runs,
// with the heap in place.
void runPrelude();
