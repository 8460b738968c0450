// splitmix64 (Steele, Lea, Flood 2014): a tiny PRNG of integer operations only, so the native and wasm
// builds — and every C++ library — draw the same numbers. Shared by the index benchmark's workloads
// (workload.cc) and the browser benchmark's synthetic facilities (browser/make_synthetic.cc).
//
//   bokji::bench::Random random(seed);
//   double x = random.Uniform();  // [0, 1)
#pragma once

#include <cstdint>

namespace bokji::bench {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1), 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n). REQUIRES: n > 0.
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(Uniform() * n); }
  // Near-normal, mean 0, variance 1: the sum of four uniforms, centred and scaled (|x| < 2·√3).
  double NearNormal() {
    constexpr double kSqrt3 = 1.7320508075688772;
    return (Uniform() + Uniform() + Uniform() + Uniform() - 2.0) * kSqrt3;
  }

 private:
  uint64_t state_;
};

}  // namespace bokji::bench
