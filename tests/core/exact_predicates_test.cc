// S2's exact arithmetic, checked against oracles that know nothing of S2, OpenSSL or libtommath.
//
// S2 falls back to exact arithmetic (ExactFloat, over OpenSSL's BN_* functions) when floating point
// cannot decide: nearly or exactly collinear points, distance ties, points on polygon boundaries.
// This suite runs natively (Debian's libs2 over the real OpenSSL) and in wasm (our libs2 build over
// deps/bignum and libtommath), so passing in both shows the two agree where it matters.
//
// The oracles:
//   - WideInt, a small schoolbook bignum defined here, evaluates determinants and distance
//   comparisons
//     exactly on the binary values of the doubles, and expands binary fractions to decimal digits;
//   - __int128 determinants for points with integer coordinates;
//   - IEEE double arithmetic (a + b, a * b, fma) for ExactFloat's rounding to double, and
//     printf("%.*g") for its decimal text;
//   - for point in polygon, a tiling of the sphere: under S2's semi-open model every point lies in
//     exactly one tile, and which tiles touch a point is decided by WideInt determinants.
//
// Sections: WideInt; exact oracles; orientation; distances; ExactFloat; point in polygon.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "s2/mutable_s2shape_index.h"
#include "s2/s1chord_angle.h"
#include "s2/s2contains_point_query.h"
#include "s2/s2loop.h"
#include "s2/s2point.h"
#include "s2/s2polygon.h"
#include "s2/s2predicates.h"
#include "s2/s2predicates_internal.h"
#include "s2/util/math/exactfloat/exactfloat.h"

namespace {

// ---- WideInt: signed integers of any size, schoolbook arithmetic in base 2^32
// -------------------------

class WideInt {
 public:
  WideInt() = default;  // zero

  static WideInt FromUnsigned(uint64_t value) {
    return WideInt(false, {static_cast<uint32_t>(value), static_cast<uint32_t>(value >> 32)});
  }

  // The exact value of d * 2^scale. REQUIRES: d finite, and scale >= ScaleFor(d) (see below) so
  // that the product is an integer.
  static WideInt FromScaledDouble(double d, int scale) {
    if (d == 0) return WideInt();
    int exponent;
    const double fraction = std::frexp(std::fabs(d), &exponent);  // |d| = fraction * 2^exponent
    const auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
    const int shift = exponent - 53 + scale;
    // A misuse of this test helper, not a failure of the code under test.
    if (shift < 0) ADD_FAILURE() << "scale " << scale << " too small for " << d;
    WideInt result = FromUnsigned(mantissa).ShiftedLeft(std::max(shift, 0));
    result.negative_ = d < 0;
    return result;
  }

  int sign() const { return limbs_.empty() ? 0 : (negative_ ? -1 : 1); }

  WideInt operator-() const { return WideInt(!negative_, limbs_); }

  friend WideInt operator+(const WideInt& a, const WideInt& b) {
    if (a.negative_ == b.negative_) return WideInt(a.negative_, AddMagnitudes(a.limbs_, b.limbs_));
    const int order = CompareMagnitudes(a.limbs_, b.limbs_);
    if (order == 0) return WideInt();
    if (order > 0) return WideInt(a.negative_, SubtractMagnitudes(a.limbs_, b.limbs_));
    return WideInt(b.negative_, SubtractMagnitudes(b.limbs_, a.limbs_));
  }

  friend WideInt operator-(const WideInt& a, const WideInt& b) { return a + -b; }

  friend WideInt operator*(const WideInt& a, const WideInt& b) {
    std::vector<uint32_t> product(a.limbs_.size() + b.limbs_.size(), 0);
    for (size_t i = 0; i < a.limbs_.size(); ++i) {
      uint64_t carry = 0;
      for (size_t j = 0; j < b.limbs_.size(); ++j) {
        const uint64_t t = uint64_t{a.limbs_[i]} * b.limbs_[j] + product[i + j] + carry;
        product[i + j] = static_cast<uint32_t>(t);
        carry = t >> 32;
      }
      product[i + b.limbs_.size()] = static_cast<uint32_t>(carry);
    }
    return WideInt(a.negative_ != b.negative_, std::move(product));
  }

  WideInt ShiftedLeft(int bits) const {
    std::vector<uint32_t> limbs(bits / 32, 0);
    const int within = bits % 32;
    uint32_t carry = 0;
    for (uint32_t limb : limbs_) {
      limbs.push_back(within == 0 ? limb : (limb << within) | carry);
      carry = within == 0 ? 0 : limb >> (32 - within);
    }
    limbs.push_back(carry);
    return WideInt(negative_, std::move(limbs));
  }

  // Decimal digits of the magnitude ("0" for zero).
  std::string MagnitudeDecimal() const {
    std::vector<uint32_t> rest = limbs_;
    std::string reversed;
    while (!rest.empty()) {
      uint64_t remainder = 0;  // long division by 10
      for (size_t i = rest.size(); i-- > 0;) {
        const uint64_t t = (remainder << 32) | rest[i];
        rest[i] = static_cast<uint32_t>(t / 10);
        remainder = t % 10;
      }
      reversed.push_back(static_cast<char>('0' + remainder));
      while (!rest.empty() && rest.back() == 0) rest.pop_back();
    }
    if (reversed.empty()) return "0";
    return std::string(reversed.rbegin(), reversed.rend());
  }

 private:
  WideInt(bool negative, std::vector<uint32_t> limbs)
      : negative_(negative), limbs_(std::move(limbs)) {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
    if (limbs_.empty()) negative_ = false;
  }

  static int CompareMagnitudes(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
      if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  }

  static std::vector<uint32_t> AddMagnitudes(const std::vector<uint32_t>& a,
                                             const std::vector<uint32_t>& b) {
    std::vector<uint32_t> sum(std::max(a.size(), b.size()) + 1, 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < sum.size(); ++i) {
      const uint64_t t = carry + (i < a.size() ? a[i] : 0) + (i < b.size() ? b[i] : 0);
      sum[i] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    return sum;
  }

  // REQUIRES: |a| >= |b|.
  static std::vector<uint32_t> SubtractMagnitudes(const std::vector<uint32_t>& a,
                                                  const std::vector<uint32_t>& b) {
    std::vector<uint32_t> difference(a.size(), 0);
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      int64_t t = int64_t{a[i]} - (i < b.size() ? b[i] : 0) - borrow;
      borrow = t < 0 ? 1 : 0;
      difference[i] = static_cast<uint32_t>(t + (borrow << 32));
    }
    return difference;
  }

  bool negative_ = false;
  std::vector<uint32_t> limbs_;  // magnitude, least significant first, no zero limbs on top
};

// Coordinate-wise equality. (S2Point's own operator== is correct, but clang warns about it in
// C++20: -Wambiguous-reversed-operator.)
bool Same(const S2Point& a, const S2Point& b) {
  return a.x() == b.x() && a.y() == b.y() && a.z() == b.z();
}

// ---- Exact oracles over WideInt
// --------------------------------------------------------------------------

// The smallest scale that makes d * 2^scale an integer for every d in `values` (at least 0).
int ScaleFor(std::initializer_list<double> values) {
  int scale = 0;
  for (double d : values) {
    if (d == 0) continue;
    int exponent;
    std::frexp(d, &exponent);
    scale = std::max(scale, 53 - exponent);
  }
  return scale;
}

using WidePoint = std::array<WideInt, 3>;

WidePoint Scaled(const S2Point& p, int scale) {
  return {WideInt::FromScaledDouble(p.x(), scale), WideInt::FromScaledDouble(p.y(), scale),
          WideInt::FromScaledDouble(p.z(), scale)};
}

WideInt Dot(const WidePoint& a, const WidePoint& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

// Sign of the determinant |a b c| = a . (b x c) of the exact values of the coordinates.
int ExactDeterminantSign(const S2Point& a, const S2Point& b, const S2Point& c) {
  const int scale = ScaleFor({a.x(), a.y(), a.z(), b.x(), b.y(), b.z(), c.x(), c.y(), c.z()});
  const WidePoint wa = Scaled(a, scale), wb = Scaled(b, scale), wc = Scaled(c, scale);
  const WideInt det = wa[0] * (wb[1] * wc[2] - wb[2] * wc[1]) -
                      wa[1] * (wb[0] * wc[2] - wb[2] * wc[0]) +
                      wa[2] * (wb[0] * wc[1] - wb[1] * wc[0]);
  return det.sign();
}

// -1, 0 or +1 as angle(x, a) <, = or > angle(x, b), with points taken as directions (|x|, |a|, |b|
// need not be 1): cos(xa) = x.a / (|x| |a|), and the smaller angle has the larger cosine.
int ExactCompareAngles(const S2Point& x, const S2Point& a, const S2Point& b) {
  const int scale = ScaleFor({x.x(), x.y(), x.z(), a.x(), a.y(), a.z(), b.x(), b.y(), b.z()});
  const WidePoint wx = Scaled(x, scale), wa = Scaled(a, scale), wb = Scaled(b, scale);
  const WideInt p = Dot(wx, wa), q = Dot(wx, wb);  // cos(xa) ~ p / |a|, cos(xb) ~ q / |b|
  if (p.sign() != q.sign()) return p.sign() > q.sign() ? -1 : 1;
  // Same sign: compare p^2 |b|^2 with q^2 |a|^2, i.e. |cos(xa)| with |cos(xb)|.
  const int magnitude_order = (p * p * Dot(wb, wb) - q * q * Dot(wa, wa)).sign();
  // Positive cosines: the larger |cos| is the smaller angle. Negative: the other way round.
  return p.sign() >= 0 ? -magnitude_order : magnitude_order;
}

// A chord length^2 as cos(angle) = 1 - length2 / 2 = numerator / denominator (denominator > 0).
std::pair<WideInt, WideInt> CosineOfChord(double length2) {
  const int scale = ScaleFor({length2}) + 1;
  const WideInt denominator = WideInt::FromUnsigned(1).ShiftedLeft(scale);  // 2^scale
  const WideInt half_length2 = WideInt::FromScaledDouble(length2, scale - 1);
  return {denominator - half_length2, denominator};
}

// -1, 0 or +1 as angle(x, y) <, = or > the angle whose chord has length^2 `length2`.
int ExactCompareAngleWithChord(const S2Point& x, const S2Point& y, double length2) {
  const int scale = ScaleFor({x.x(), x.y(), x.z(), y.x(), y.y(), y.z()});
  const WidePoint wx = Scaled(x, scale), wy = Scaled(y, scale);
  const WideInt p = Dot(wx, wy);                                 // cos(xy) = p / sqrt(|x|^2 |y|^2)
  const auto [numerator, denominator] = CosineOfChord(length2);  // cos(r) = numerator / denominator
  // angle < r exactly when cos(xy) > cos(r).
  if (p.sign() != numerator.sign()) return p.sign() > numerator.sign() ? -1 : 1;
  const int magnitude_order =  // |cos(xy)| against |cos(r)|
      (p * p * denominator * denominator - numerator * numerator * Dot(wx, wx) * Dot(wy, wy))
          .sign();
  return p.sign() >= 0 ? -magnitude_order : magnitude_order;
}

// ---- Orientation
// ---------------------------------------------------------------------------------------

int Int128Sign(__int128 v) {
  return (v > 0) - (v < 0);
}

// Points with integer coordinates up to 2^38 in magnitude, combined as c = i*a + j*b (+ a unit
// nudge): exactly coplanar or off by the smallest possible amount, where no double computation can
// tell.
TEST(ExactPredicatesTest, ExactSignOfIntegerPointsMatchesInt128Determinant) {
  std::mt19937_64 random(1);
  const auto coordinate = [&] {
    return static_cast<int64_t>(random() % (int64_t{1} << 39)) - (int64_t{1} << 38);
  };
  int coplanar = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int64_t a[3] = {coordinate(), coordinate(), coordinate()};
    const int64_t b[3] = {coordinate(), coordinate(), coordinate()};
    const int64_t i = static_cast<int64_t>(random() % 7) - 3,
                  j = static_cast<int64_t>(random() % 7) - 3;
    int64_t c[3];
    for (int k = 0; k < 3; ++k)
      c[k] = i * a[k] + j * b[k] + (trial % 2 == 0 ? 0 : static_cast<int64_t>(random() % 3) - 1);
    const S2Point pa(a[0], a[1], a[2]), pb(b[0], b[1], b[2]), pc(c[0], c[1], c[2]);
    // ExpensiveSign's first stage (StableSign) bounds its error assuming |c| <= 1: scale by 2^-42,
    // which is exact and keeps the sign.
    const double shrink = std::ldexp(1.0, -42);
    if (Same(pa, pb) || Same(pb, pc) || Same(pc, pa)) continue;
    const __int128 det = __int128{a[0]} * (__int128{b[1]} * c[2] - __int128{b[2]} * c[1]) -
                         __int128{a[1]} * (__int128{b[0]} * c[2] - __int128{b[2]} * c[0]) +
                         __int128{a[2]} * (__int128{b[0]} * c[1] - __int128{b[1]} * c[0]);
    coplanar += det == 0;
    SCOPED_TRACE(testing::Message() << "trial " << trial << ": " << pa << " " << pb << " " << pc);
    EXPECT_EQ(s2pred::ExactSign(pa, pb, pc, /*perturb=*/false), Int128Sign(det));
    EXPECT_EQ(s2pred::ExpensiveSign(pa * shrink, pb * shrink, pc * shrink, /*perturb=*/false),
              Int128Sign(det));
    // The WideInt oracle the other tests rely on agrees with __int128.
    EXPECT_EQ(ExactDeterminantSign(pa, pb, pc), Int128Sign(det));
  }
  EXPECT_GT(coplanar, 1000);  // the exact zeros were really exercised
}

// Unit points within rounding error of one great circle: S2's fast test cannot decide, the exact
// determinant of the doubles can.
TEST(ExactPredicatesTest, SignOfNearlyCollinearUnitPoints) {
  std::mt19937_64 random(2);
  std::uniform_real_distribution<double> uniform(-1, 1);
  int undecided_by_triage = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const S2Point a = S2Point(uniform(random), uniform(random), uniform(random)).Normalize();
    const S2Point b = S2Point(uniform(random), uniform(random), uniform(random)).Normalize();
    const double t = std::ldexp(uniform(random), -static_cast<int>(random() % 40));
    const S2Point c = (a * t + b * (1 - t)).Normalize();
    if (Same(a, b) || Same(b, c) || Same(c, a)) continue;
    SCOPED_TRACE(testing::Message() << "trial " << trial);
    undecided_by_triage += s2pred::TriageSign(a, b, c, a.CrossProd(b)) == 0;
    const int exact = ExactDeterminantSign(a, b, c);
    EXPECT_EQ(s2pred::ExactSign(a, b, c, /*perturb=*/false), exact);
    const int sign = s2pred::Sign(a, b, c);
    if (exact != 0) {
      EXPECT_EQ(sign, exact);
    } else {  // symbolic perturbation: never zero for distinct points, and consistent
      EXPECT_NE(sign, 0);
      EXPECT_EQ(s2pred::Sign(b, c, a), sign);
      EXPECT_EQ(s2pred::Sign(c, b, a), -sign);
    }
  }
  EXPECT_GT(undecided_by_triage, 1000);  // the exact fallback really ran
}

// Exactly coplanar unit points (in the planes z = 0 and x = y, where rounding cannot move them
// off): S2 breaks the tie by symbolic perturbation, computed with ExactFloat. Its documented
// properties are that the result is non-zero for distinct points, invariant under rotation of the
// arguments and negated by swapping two.
TEST(ExactPredicatesTest, SignOfExactlyCoplanarPointsIsConsistent) {
  std::mt19937_64 random(3);
  std::uniform_real_distribution<double> uniform(-1, 1);
  for (int trial = 0; trial < 2000; ++trial) {
    S2Point p[3];
    for (S2Point& point : p) {
      const double u = uniform(random), v = uniform(random);
      point = trial % 2 == 0 ? S2Point(u, v, 0).Normalize() : S2Point(u, u, v).Normalize();
    }
    if (Same(p[0], p[1]) || Same(p[1], p[2]) || Same(p[2], p[0])) continue;
    SCOPED_TRACE(testing::Message()
                 << "trial " << trial << ": " << p[0] << " " << p[1] << " " << p[2]);
    ASSERT_EQ(ExactDeterminantSign(p[0], p[1], p[2]), 0);
    EXPECT_EQ(s2pred::ExactSign(p[0], p[1], p[2], /*perturb=*/false), 0);
    const int sign = s2pred::Sign(p[0], p[1], p[2]);
    EXPECT_NE(sign, 0);
    EXPECT_EQ(s2pred::ExactSign(p[0], p[1], p[2], /*perturb=*/true), sign);
    EXPECT_EQ(s2pred::Sign(p[1], p[2], p[0]), sign);
    EXPECT_EQ(s2pred::Sign(p[2], p[0], p[1]), sign);
    EXPECT_EQ(s2pred::Sign(p[1], p[0], p[2]), -sign);
    EXPECT_EQ(s2pred::Sign(p[0], p[2], p[1]), -sign);
  }
  const S2Point x(1, 0, 0);
  EXPECT_EQ(s2pred::Sign(x, x, S2Point(0, 1, 0)), 0);  // documented: zero when two points are equal
}

// ---- Distances
// -----------------------------------------------------------------------------------------

// b is a nudged by a few units in the last place of one coordinate (a near tie), or a reflected in
// the plane z = 0 that contains x (an exact tie, broken by symbolic perturbation).
TEST(ExactPredicatesTest, CompareDistancesOnTiesAndNearTies) {
  std::mt19937_64 random(4);
  std::uniform_real_distribution<double> uniform(-1, 1);
  int exact_ties = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    S2Point x = S2Point(uniform(random), uniform(random), uniform(random)).Normalize();
    const S2Point a = S2Point(uniform(random), uniform(random), uniform(random)).Normalize();
    S2Point b = a;
    if (trial % 3 == 0) {
      x = S2Point(x.x(), x.y(), 0).Normalize();
      b = S2Point(a.x(), a.y(), -a.z());
    } else {
      const int axis = static_cast<int>(random() % 3);
      for (int ulps = static_cast<int>(random() % 4) + 1; ulps > 0; --ulps) {
        b[axis] = std::nextafter(b[axis], trial % 2 == 0 ? 2.0 : -2.0);
      }
    }
    SCOPED_TRACE(testing::Message()
                 << "trial " << trial << ": x " << x << " a " << a << " b " << b);
    const int exact = ExactCompareAngles(x, a, b);
    const int s2 = s2pred::CompareDistances(x, a, b);
    if (exact != 0) {
      EXPECT_EQ(s2, exact);
    } else {
      ++exact_ties;
      if (Same(a, b)) {
        EXPECT_EQ(s2, 0);
      } else {
        EXPECT_NE(s2, 0);  // symbolic perturbation breaks the tie
      }
      EXPECT_EQ(s2pred::CompareDistances(x, b, a), -s2);
    }
  }
  EXPECT_GT(exact_ties, 500);
}

// r is the chord length of xy as computed in double, and its neighbours a few ulps away; plus ties
// that are exact in binary (right angles and straight angles between axis points).
TEST(ExactPredicatesTest, CompareDistanceToChordAngle) {
  std::mt19937_64 random(5);
  std::uniform_real_distribution<double> uniform(-1, 1);
  for (int trial = 0; trial < 3000; ++trial) {
    const S2Point x = S2Point(uniform(random), uniform(random), uniform(random)).Normalize();
    const S2Point y = S2Point(uniform(random), uniform(random), uniform(random)).Normalize();
    double length2 = S1ChordAngle(x, y).length2();
    for (int ulps = static_cast<int>(random() % 7) - 3; ulps != 0; ulps += ulps > 0 ? -1 : 1) {
      length2 = std::nextafter(length2, ulps > 0 ? 4.0 : 0.0);
    }
    length2 = std::min(length2, 4.0);  // the largest chord angle
    SCOPED_TRACE(testing::Message()
                 << "trial " << trial << ": x " << x << " y " << y << " length2 " << length2);
    EXPECT_EQ(s2pred::CompareDistance(x, y, S1ChordAngle::FromLength2(length2)),
              ExactCompareAngleWithChord(x, y, length2));
  }
  const S2Point axes[] = {S2Point(1, 0, 0),  S2Point(0, 1, 0),  S2Point(0, 0, 1),
                          S2Point(-1, 0, 0), S2Point(0, -1, 0), S2Point(0, 0, -1)};
  for (const S2Point& x : axes) {
    for (const S2Point& y : axes) {
      for (S1ChordAngle r :
           {S1ChordAngle::Zero(), S1ChordAngle::Right(), S1ChordAngle::Straight()}) {
        SCOPED_TRACE(testing::Message() << x << " " << y << " " << r.length2());
        const int exact = ExactCompareAngleWithChord(x, y, r.length2());
        EXPECT_EQ(s2pred::CompareDistance(x, y, r), exact);
        // The oracle sees the exact ties.
        if ((Same(x, y) && r == S1ChordAngle::Zero()) ||
            (Same(x, -y) && r == S1ChordAngle::Straight())) {
          EXPECT_EQ(exact, 0);
        }
      }
    }
  }
}

// Distance from x to the edge (1,0,0)-(0,1,0) on the equator, with x above the edge's interior so
// the closest point is interior: sin^2(distance) = z^2 / |x|^2. Includes x exactly on the edge with
// r = 0.
TEST(ExactPredicatesTest, CompareEdgeDistanceNearTies) {
  const S2Point a0(1, 0, 0), a1(0, 1, 0);
  std::mt19937_64 random(6);
  std::uniform_real_distribution<double> uniform(0.05, 1);
  for (int trial = 0; trial < 3000; ++trial) {
    const double z = trial % 4 == 0
                         ? 0.0
                         : std::ldexp(uniform(random), -static_cast<int>(random() % 30)) *
                               (trial % 2 == 0 ? 1 : -1);
    const S2Point x = S2Point(uniform(random), uniform(random), z).Normalize();
    // r: the distance computed in double, then nudged by up to 3 ulps either way.
    double length2 =
        trial % 4 == 0 ? 0.0 : S1ChordAngle(x, S2Point(x.x(), x.y(), 0).Normalize()).length2();
    for (int ulps = static_cast<int>(random() % 7) - 3; ulps != 0; ulps += ulps > 0 ? -1 : 1) {
      length2 = std::nextafter(length2, ulps > 0 ? 2.0 : 0.0);
    }
    SCOPED_TRACE(testing::Message() << "trial " << trial << ": x " << x << " length2 " << length2);
    // Oracle: distance < r exactly when sin^2(distance) < sin^2(r) = 1 - cos^2(r) (both at most
    // 90°), i.e. z^2 d^2 < (d^2 - n^2) |x|^2 with cos(r) = n / d.
    const int scale = ScaleFor({x.x(), x.y(), x.z()});
    const WidePoint wx = Scaled(x, scale);
    const auto [numerator, denominator] = CosineOfChord(length2);
    const WideInt d2 = denominator * denominator;
    const int exact = (wx[2] * wx[2] * d2 - (d2 - numerator * numerator) * Dot(wx, wx)).sign();
    EXPECT_EQ(s2pred::CompareEdgeDistance(x, a0, a1, S1ChordAngle::FromLength2(length2)), exact);
  }
}

// ---- ExactFloat
// ----------------------------------------------------------------------------------------

// A random normal double: 53 random bits of mantissa, exponent in [-exponent_range,
// exponent_range].
double RandomDouble(std::mt19937_64& random, int exponent_range) {
  const uint64_t mantissa = (random() >> 11) | (uint64_t{1} << 52);
  const int exponent = static_cast<int>(random() % (2 * exponent_range + 1)) - exponent_range;
  const double magnitude = std::ldexp(static_cast<double>(mantissa), exponent - 52);
  return random() % 2 == 0 ? magnitude : -magnitude;
}

// Rounding to double is correctly rounded (to nearest, ties to even), so it must reproduce IEEE
// arithmetic on the same operands, including exact ties such as 1 + 2^-53.
TEST(ExactFloatTest, ToDoubleMatchesIeeeArithmetic) {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 5000; ++trial) {
    const double a = RandomDouble(random, 60);
    double b = RandomDouble(random, 60);
    if (trial % 5 == 0)
      b = std::ldexp(static_cast<double>(random() % 8 * 2 + 1),
                     std::ilogb(a) - 53 - static_cast<int>(random() % 3));
    const double c = RandomDouble(random, 60);
    SCOPED_TRACE(testing::Message()
                 << "trial " << trial << std::hexfloat << ": a " << a << " b " << b << " c " << c);
    const ExactFloat xa(a), xb(b), xc(c);
    EXPECT_EQ(xa.ToDouble(), a);
    EXPECT_EQ((xa + xb).ToDouble(), a + b);
    EXPECT_EQ((xa - xb).ToDouble(), a - b);
    EXPECT_EQ((xa * xb).ToDouble(), a * b);
    EXPECT_EQ((xa * xb + xc).ToDouble(), std::fma(a, b, c));
    EXPECT_EQ((xa * xb - xc).ToDouble(), std::fma(a, b, -c));
  }
}

// Exactness across a huge exponent gap: (x + y) - x == y even when x / y is 2^2000.
TEST(ExactFloatTest, SumsAreExactAcrossExponentGaps) {
  std::mt19937_64 random(8);
  for (int trial = 0; trial < 500; ++trial) {
    const ExactFloat x(std::ldexp(RandomDouble(random, 10), 1000));
    const ExactFloat y(std::ldexp(RandomDouble(random, 10), -1000));
    SCOPED_TRACE(testing::Message() << "trial " << trial);
    EXPECT_TRUE((x + y) - x == y);
    EXPECT_TRUE((x + y) - y == x);
    EXPECT_FALSE(x + y == x);
    EXPECT_EQ(((x + y) - x).ToDouble(), y.ToDouble());
    EXPECT_EQ(((x * y) * y).sgn(), x.sgn());  // sign rules survive 4000-bit intermediate products
  }
}

// A decimal number as sign, digits without leading or trailing zeros, and exponent: value = digits
// * 10^exponent. Zero is {false, "", 0}.
struct Decimal {
  bool negative = false;
  std::string digits;
  int exponent = 0;
  bool operator==(const Decimal& o) const {
    return negative == o.negative && digits == o.digits && exponent == o.exponent;
  }
};

std::ostream& operator<<(std::ostream& out, const Decimal& d) {
  return out << (d.negative ? "-" : "") << d.digits << "e" << d.exponent;
}

Decimal Normalized(bool negative, std::string digits, int exponent) {
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return Decimal();
  digits.erase(0, first);
  while (digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  return Decimal{negative, digits, exponent};
}

// Parses "%g"-style text: "-123.45", "0.00012", "1.5e-7", "2e+30".
Decimal ParseDecimal(std::string text) {
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  int exponent = 0;
  if (const size_t e = text.find('e'); e != std::string::npos) {
    exponent = std::stoi(text.substr(e + 1));
    text.erase(e);
  }
  if (const size_t point = text.find('.'); point != std::string::npos) {
    exponent -= static_cast<int>(text.size() - point - 1);
    text.erase(point, 1);
  }
  return Normalized(negative, text, exponent);
}

// The exact decimal value of (product of `factors`), long hand: each double is m * 2^e with an
// integer m, and m * 2^e = m * 5^-e * 10^e for e < 0.
Decimal ExactDecimalProduct(const std::vector<double>& factors) {
  WideInt mantissa = WideInt::FromUnsigned(1);
  int exponent2 = 0;
  for (double d : factors) {
    int e;
    std::frexp(d, &e);
    mantissa = mantissa * WideInt::FromScaledDouble(d, 53 - e);  // d * 2^(53-e), an integer
    exponent2 -= 53 - e;
  }
  if (exponent2 >= 0) {
    return Normalized(mantissa.sign() < 0, mantissa.ShiftedLeft(exponent2).MagnitudeDecimal(), 0);
  }
  for (int i = 0; i < -exponent2; ++i) mantissa = mantissa * WideInt::FromUnsigned(5);
  return Normalized(mantissa.sign() < 0, mantissa.MagnitudeDecimal(), exponent2);
}

// Products of up to four doubles (up to 212 significant bits, about 10^-72 to 10^72), printed with
// enough digits to be exact, against their long-hand decimal expansion.
TEST(ExactFloatTest, ToStringOfProductsIsTheExactDecimal) {
  std::mt19937_64 random(9);
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<double> factors;
    ExactFloat product(1);
    for (int i = 0; i <= trial % 4; ++i) {
      factors.push_back(RandomDouble(random, 60));
      product = product * ExactFloat(factors.back());
    }
    SCOPED_TRACE(testing::Message() << "trial " << trial);
    EXPECT_EQ(ParseDecimal(product.ToStringWithMaxDigits(1000)), ExactDecimalProduct(factors));
  }
}

// What printf("%.*g") prints, with the exponent written as ExactFloat writes it ("e-5", not
// "e-05").
std::string PrintfG(int digits, double d) {
  char text[512];
  std::snprintf(text, sizeof(text), "%.*g", digits, d);
  std::string result = text;
  if (const size_t e = result.find('e'); e != std::string::npos) {
    char exponent[16];
    std::snprintf(exponent, sizeof(exponent), "e%+d", std::stoi(result.substr(e + 1)));
    result = result.substr(0, e) + exponent;
  }
  return result;
}

// Significant bits of d: from the leading one to the trailing one of its mantissa.
int SignificantBits(double d) {
  int exponent;
  auto mantissa = static_cast<uint64_t>(std::ldexp(std::frexp(std::fabs(d), &exponent), 53));
  int bits = 53;
  while ((mantissa & 1) == 0) mantissa >>= 1, --bits;
  return bits;
}

// S2 0.10 does not round up when the first dropped digit is 6 to 9, no non-zero digit follows it
// and the last kept digit is even: 220957154571962848 to 17 digits gives ...284e+17, not ...285e+17
// (the condition in ExactFloat::GetDecimalDigits tests the dropped digit only for '>= 5'). Native
// and wasm share that code, so those cases say nothing about the bignum layer: the test skips them.
bool HitsUpstreamRoundingBug(double d, int digits) {
  const Decimal exact = ExactDecimalProduct({d});
  if (exact.digits.size() != static_cast<size_t>(digits) + 1) return false;
  const char dropped = exact.digits.back(), last_kept = exact.digits[digits - 1];
  return dropped > '5' && (last_kept - '0') % 2 == 0;
}

// Decimal text of doubles, rounded to N digits (ties to even, on the exact binary value): the same
// as printf's "%.Ng", apart from the exponent's width.
TEST(ExactFloatTest, ToStringMatchesPrintf) {
  std::mt19937_64 random(10);
  std::vector<double> values = {1,
                                -1,
                                0.5,
                                0.125,
                                100,
                                1024,
                                0.1,
                                1e-5,
                                123456789012.0,
                                2.5,
                                3.5,
                                9.5,
                                0.000125,
                                1e22,
                                1e-22,
                                std::ldexp(1, -1014)};
  for (int i = 0; i < 400; ++i) values.push_back(RandomDouble(random, 200));
  int compared = 0;
  for (double d : values) {
    SCOPED_TRACE(testing::Message() << std::hexfloat << d);
    const ExactFloat x(d);
    EXPECT_EQ(x.prec(), SignificantBits(d));
    const int default_digits =
        std::max(10, ExactFloat::NumSignificantDigitsForPrec(SignificantBits(d)));
    if (!HitsUpstreamRoundingBug(d, default_digits)) {
      EXPECT_EQ(x.ToString(), PrintfG(default_digits, d));
    }
    for (int digits : {1, 2, 3, 6, 10, 15, 17, 20, 40}) {
      if (HitsUpstreamRoundingBug(d, digits)) continue;
      EXPECT_EQ(x.ToStringWithMaxDigits(digits), PrintfG(digits, d)) << digits << " digits";
      ++compared;
    }
  }
  EXPECT_GT(compared, 3500);
  EXPECT_EQ(ExactFloat(0).ToString(), PrintfG(10, 0.0));
}

// ---- Point in polygon
// ----------------------------------------------------------------------------------

// A tiling of the sphere into 48 triangles: each face of the octahedron (±1,0,0), (0,±1,0),
// (0,0,±1) split into 6 around its centre. Every edge lies in a plane such as z = 0, x = y or y =
// z, where rounding cannot move a point off it, so points built on an edge lie exactly on it.
using Triangle = std::array<S2Point, 3>;  // counterclockwise

std::vector<Triangle> OctahedronTiles() {
  std::vector<Triangle> tiles;
  for (int sx : {-1, 1}) {
    for (int sy : {-1, 1}) {
      for (int sz : {-1, 1}) {
        const S2Point axes[3] = {S2Point(sx, 0, 0), S2Point(0, sy, 0), S2Point(0, 0, sz)};
        const S2Point centre = S2Point(sx, sy, sz).Normalize();
        for (int i = 0; i < 3; ++i) {
          const S2Point& from = axes[i];
          const S2Point& to = axes[(i + 1) % 3];
          const S2Point middle = (from + to).Normalize();
          for (Triangle tile : {Triangle{from, middle, centre}, Triangle{middle, to, centre}}) {
            if (ExactDeterminantSign(tile[0], tile[1], tile[2]) < 0) std::swap(tile[0], tile[1]);
            tiles.push_back(tile);
          }
        }
      }
    }
  }
  return tiles;
}

// Query points: every tile vertex, points exactly on every tile edge, the same nudged off it by one
// ulp, and random points.
std::vector<S2Point> QueryPoints(const std::vector<Triangle>& tiles) {
  std::vector<S2Point> points;
  for (const Triangle& tile : tiles) {
    for (int i = 0; i < 3; ++i) {
      const S2Point& a = tile[i];
      const S2Point& b = tile[(i + 1) % 3];
      points.push_back(a);
      for (double t : {0.5, 0.25, 0.8, 1.0 / 3}) {
        const S2Point on_edge = (a * t + b * (1 - t)).Normalize();
        points.push_back(on_edge);
        for (int axis = 0; axis < 3; ++axis) {
          S2Point nudged = on_edge;
          nudged[axis] = std::nextafter(nudged[axis], axis == 1 ? 2.0 : -2.0);
          points.push_back(nudged);
        }
      }
    }
  }
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> uniform(-1, 1);
  for (int i = 0; i < 300; ++i) {
    points.push_back(S2Point(uniform(random), uniform(random), uniform(random)).Normalize());
  }
  std::sort(points.begin(), points.end());  // each vertex and edge point once
  points.erase(std::unique(points.begin(), points.end(), Same), points.end());
  return points;
}

// Which tiles contain p, decided with exact determinants: strictly inside, or in the closed
// triangle.
struct Touching {
  std::vector<int> inside;
  std::vector<int> closure;
  bool is_vertex = false;
};

Touching TilesTouching(const std::vector<Triangle>& tiles, const S2Point& p) {
  Touching touching;
  for (int t = 0; t < static_cast<int>(tiles.size()); ++t) {
    const Triangle& tile = tiles[t];
    int smallest = 1;
    for (int i = 0; i < 3; ++i) {
      smallest = std::min(smallest, ExactDeterminantSign(tile[i], tile[(i + 1) % 3], p));
      if (Same(tile[i], p)) touching.is_vertex = true;
    }
    if (smallest > 0) touching.inside.push_back(t);
    if (smallest >= 0) touching.closure.push_back(t);
  }
  return touching;
}

bool Has(const std::vector<int>& ids, int id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(ExactPointInPolygonTest, EveryPointIsInExactlyOneTileUnderTheSemiOpenModel) {
  const std::vector<Triangle> tiles = OctahedronTiles();
  ASSERT_EQ(tiles.size(), 48u);
  std::vector<std::unique_ptr<S2Polygon>> polygons;
  MutableS2ShapeIndex index;
  for (const Triangle& tile : tiles) {
    polygons.push_back(std::make_unique<S2Polygon>(
        std::make_unique<S2Loop>(std::vector<S2Point>(tile.begin(), tile.end()))));
    ASSERT_TRUE(polygons.back()->IsValid());
    index.Add(std::make_unique<S2Polygon::Shape>(polygons.back().get()));  // shape id = tile number
  }
  int on_edges = 0, on_vertices = 0;
  for (const S2Point& p : QueryPoints(tiles)) {
    SCOPED_TRACE(testing::Message() << std::hexfloat << p);
    const Touching touching = TilesTouching(tiles, p);
    if (touching.inside.empty()) (touching.is_vertex ? on_vertices : on_edges)++;
    // The oracle's own consistency: a point is strictly inside one tile, or on the boundary of
    // several.
    ASSERT_TRUE(touching.inside.size() == 1 ? touching.closure.size() == 1
                                            : touching.closure.size() >= 2);

    std::vector<int> in_polygons, in_loops;
    for (int t = 0; t < 48; ++t) {
      if (polygons[t]->Contains(p)) in_polygons.push_back(t);
      if (polygons[t]->loop(0)->Contains(p)) in_loops.push_back(t);
    }
    // Semi-open: exactly one tile, one of those touching the point.
    ASSERT_EQ(in_polygons.size(), 1u);
    EXPECT_TRUE(Has(touching.closure, in_polygons[0]));
    if (!touching.inside.empty()) {
      EXPECT_EQ(in_polygons[0], touching.inside[0]);
    }
    EXPECT_EQ(in_loops, in_polygons);

    for (S2VertexModel model :
         {S2VertexModel::OPEN, S2VertexModel::SEMI_OPEN, S2VertexModel::CLOSED}) {
      SCOPED_TRACE(testing::Message() << "vertex model " << static_cast<int>(model));
      auto query = MakeS2ContainsPointQuery(&index, S2ContainsPointQueryOptions(model));
      std::vector<int> containing;
      for (const S2Shape* shape : query.GetContainingShapes(p)) containing.push_back(shape->id());
      std::sort(containing.begin(), containing.end());
      if (!touching.is_vertex || model == S2VertexModel::SEMI_OPEN) {
        EXPECT_EQ(containing, in_polygons);  // the vertex model changes nothing else
      } else if (model == S2VertexModel::OPEN) {
        EXPECT_TRUE(containing.empty());  // no tile contains its vertices
      } else {
        EXPECT_EQ(containing, touching.closure);  // every tile contains its vertices
      }
    }
  }
  // The degenerate cases were really there.
  EXPECT_GT(on_edges, 500);
  EXPECT_EQ(on_vertices, 6 + 12 + 8);
}

}  // namespace
