// Counts the bytes a program holds from operator new, so a benchmark can report what an index keeps
// in memory: LiveHeapBytes() after building minus before. Linking alloc_counter.cc replaces the
// global operator new and delete of the whole program (benchmarks only; never link it into the
// app).
//
//   const size_t before = bokji::bench::LiveHeapBytes();
//   bokji::FacilityIndex index(points);
//   const size_t held = bokji::bench::LiveHeapBytes() - before;
#pragma once

#include <cstddef>

namespace bokji::bench {

// Bytes allocated with operator new and not yet deleted (not counting malloc's own overhead).
size_t LiveHeapBytes();

}  // namespace bokji::bench
