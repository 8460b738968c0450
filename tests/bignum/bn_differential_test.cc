// Differential test of deps/bignum (our OpenSSL BN_* subset over libtommath) against the real
// OpenSSL.
//
// Every function declared in deps/bignum/include/openssl/bn.h runs on the same operands in both
// libraries, and the results must agree: value, sign and return code. The operands (fixed seed) are
// zero, 1 bit, the edges of libtommath's digits (28 bits in wasm, 60 on 64-bit hosts) and of 64-bit
// words, and 100s to 1000s of bits; each random, all ones, or a power of two; each positive and
// negative.
//
// Sections: the real OpenSSL, loaded with dlopen; values held by both libraries; the tests, one or
// more per function, then random sequences of operations mixing them all.
#include <dlfcn.h>
#include <openssl/bn.h>  // ours: bn_prefix.h (force-included) renames its functions to bokjibn_BN_*
#include <openssl/crypto.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

// ---- The real OpenSSL, loaded with dlopen(RTLD_LOCAL)
// -------------------------------------------------

struct OpensslBignum;  // OpenSSL's BIGNUM, opaque here
struct OpensslCtx;     // OpenSSL's BN_CTX

// OpenSSL's BN_ULONG on 64-bit Linux.
using OpensslWord = unsigned long;  // NOLINT(runtime/int): must match OpenSSL's type
static_assert(sizeof(OpensslWord) == sizeof(BN_ULONG), "tests run on 64-bit Linux only");

// The functions of libcrypto this test calls, by their OpenSSL names.
struct Openssl {
  OpensslBignum* (*bn_new)();
  void (*bn_free)(OpensslBignum*);
  OpensslCtx* (*bn_ctx_new)();
  void (*bn_ctx_free)(OpensslCtx*);
  OpensslBignum* (*bn_bin2bn)(const unsigned char*, int, OpensslBignum*);
  OpensslBignum* (*bn_copy)(OpensslBignum*, const OpensslBignum*);
  void (*bn_zero_ex)(OpensslBignum*);
  int (*bn_set_word)(OpensslBignum*, OpensslWord);
  OpensslWord (*bn_get_word)(const OpensslBignum*);
  int (*bn_add_word)(OpensslBignum*, OpensslWord);
  int (*bn_add)(OpensslBignum*, const OpensslBignum*, const OpensslBignum*);
  int (*bn_sub)(OpensslBignum*, const OpensslBignum*, const OpensslBignum*);
  int (*bn_mul)(OpensslBignum*, const OpensslBignum*, const OpensslBignum*, OpensslCtx*);
  int (*bn_exp)(OpensslBignum*, const OpensslBignum*, const OpensslBignum*, OpensslCtx*);
  int (*bn_lshift)(OpensslBignum*, const OpensslBignum*, int);
  int (*bn_rshift)(OpensslBignum*, const OpensslBignum*, int);
  int (*bn_num_bits)(const OpensslBignum*);
  int (*bn_is_zero)(const OpensslBignum*);
  int (*bn_is_odd)(const OpensslBignum*);
  int (*bn_is_negative)(const OpensslBignum*);
  void (*bn_set_negative)(OpensslBignum*, int);
  int (*bn_is_bit_set)(const OpensslBignum*, int);
  int (*bn_ucmp)(const OpensslBignum*, const OpensslBignum*);
  int (*bn_bn2binpad)(const OpensslBignum*, unsigned char*, int);
  int (*bn_bn2lebinpad)(const OpensslBignum*, unsigned char*, int);
  char* (*bn_bn2dec)(const OpensslBignum*);
  void (*crypto_free)(void*, const char*, int);  // what OpenSSL's OPENSSL_free macro calls
};

template <typename Function>
void Resolve(void* library, const char* symbol, Function*& function) {
  function = reinterpret_cast<Function*>(dlsym(library, symbol));
  if (function == nullptr) {
    std::fprintf(stderr, "bn_differential_test: %s not found in %s\n", symbol,
                 BOKJI_LIBCRYPTO_PATH);
    std::abort();
  }
}

const Openssl& Ssl() {
  static const Openssl openssl = [] {
    void* library = dlopen(BOKJI_LIBCRYPTO_PATH, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      std::fprintf(stderr, "bn_differential_test: cannot load %s: %s\n", BOKJI_LIBCRYPTO_PATH,
                   dlerror());
      std::abort();
    }
    Openssl o;
    Resolve(library, "BN_new", o.bn_new);
    Resolve(library, "BN_free", o.bn_free);
    Resolve(library, "BN_CTX_new", o.bn_ctx_new);
    Resolve(library, "BN_CTX_free", o.bn_ctx_free);
    Resolve(library, "BN_bin2bn", o.bn_bin2bn);
    Resolve(library, "BN_copy", o.bn_copy);
    Resolve(library, "BN_zero_ex", o.bn_zero_ex);
    Resolve(library, "BN_set_word", o.bn_set_word);
    Resolve(library, "BN_get_word", o.bn_get_word);
    Resolve(library, "BN_add_word", o.bn_add_word);
    Resolve(library, "BN_add", o.bn_add);
    Resolve(library, "BN_sub", o.bn_sub);
    Resolve(library, "BN_mul", o.bn_mul);
    Resolve(library, "BN_exp", o.bn_exp);
    Resolve(library, "BN_lshift", o.bn_lshift);
    Resolve(library, "BN_rshift", o.bn_rshift);
    Resolve(library, "BN_num_bits", o.bn_num_bits);
    Resolve(library, "BN_is_zero", o.bn_is_zero);
    Resolve(library, "BN_is_odd", o.bn_is_odd);
    Resolve(library, "BN_is_negative", o.bn_is_negative);
    Resolve(library, "BN_set_negative", o.bn_set_negative);
    Resolve(library, "BN_is_bit_set", o.bn_is_bit_set);
    Resolve(library, "BN_ucmp", o.bn_ucmp);
    Resolve(library, "BN_bn2binpad", o.bn_bn2binpad);
    Resolve(library, "BN_bn2lebinpad", o.bn_bn2lebinpad);
    Resolve(library, "BN_bn2dec", o.bn_bn2dec);
    Resolve(library, "CRYPTO_free", o.crypto_free);
    return o;
  }();
  return openssl;
}

// ---- Values held by both libraries
// ----------------------------------------------------------------------

// One number in both libraries. Each operation below is applied to `ours` and `theirs` alike.
struct Both {
  Both() : ours(BN_new()), theirs(Ssl().bn_new()) {}
  Both(const Both& other) : Both() {
    BN_copy(ours, other.ours);
    Ssl().bn_copy(theirs, other.theirs);
  }
  Both& operator=(const Both&) = delete;
  ~Both() {
    BN_free(ours);
    Ssl().bn_free(theirs);
  }
  BIGNUM* ours;
  OpensslBignum* theirs;
};

// A test operand: a sign and a big-endian magnitude without leading zero bytes.
struct Operand {
  std::string label;  // e.g. "-random 65 bits"
  std::vector<unsigned char> magnitude;
  bool negative = false;
};

std::vector<Operand> MakeOperands() {
  // Bit lengths around every boundary that matters to either library, then large ones.
  const int kBitLengths[] = {0,   1,   2,   7,   8,   9,   27,  28,   29,   31,   32,  33,  56,
                             59,  60,  61,  63,  64,  65,  120, 127,  128,  129,  192, 200, 255,
                             256, 257, 511, 512, 513, 600, 999, 1000, 1024, 2048, 4099};
  std::mt19937_64 random(20240601);
  std::vector<Operand> operands;
  for (int bits : kBitLengths) {
    for (const char* kind : {"random", "all ones", "power of two"}) {
      Operand operand;
      operand.magnitude.assign((bits + 7) / 8, 0);
      std::string label = std::string(kind) + " " + std::to_string(bits) + " bits";
      for (size_t i = 0; i < operand.magnitude.size(); ++i) {
        if (kind[0] == 'r') operand.magnitude[i] = static_cast<unsigned char>(random());
        if (kind[0] == 'a') operand.magnitude[i] = 0xff;
      }
      if (bits > 0) {
        const int top_bits = (bits - 1) % 8 + 1;  // bits used in the leading byte
        unsigned char& top = operand.magnitude[0];
        top &= static_cast<unsigned char>((1u << top_bits) - 1);
        top |= static_cast<unsigned char>(1u << (top_bits - 1));
      }
      for (bool negative : {false, true}) {
        if (bits == 0 && negative) continue;  // zero has no sign
        operand.negative = negative;
        operand.label = (negative ? "-" : "+") + label;
        operands.push_back(operand);
      }
      if (bits == 0) break;  // one zero is enough
    }
  }
  return operands;
}

const std::vector<Operand>& Operands() {
  static const std::vector<Operand> operands = MakeOperands();
  return operands;
}

// Builds the operand in both: OpenSSL from its bytes (BN_bin2bn), ours with the functions
// ExactFloat uses to build values (BN_set_word, BN_lshift, BN_add_word), so those are checked here
// too.
Both Make(const Operand& operand) {
  Both value;
  Ssl().bn_bin2bn(operand.magnitude.data(), static_cast<int>(operand.magnitude.size()),
                  value.theirs);
  Ssl().bn_set_negative(value.theirs, operand.negative);
  BN_zero(value.ours);
  for (size_t i = 0; i < operand.magnitude.size(); ++i) {
    BN_lshift(value.ours, value.ours, 8);
    BN_add_word(value.ours, operand.magnitude[i]);
  }
  BN_set_negative(value.ours, operand.negative);
  return value;
}

std::string OurDecimal(const BIGNUM* a) {
  char* text = BN_bn2dec(a);
  std::string result = text == nullptr ? "(null)" : text;
  OPENSSL_free(text);
  return result;
}

std::string TheirDecimal(const OpensslBignum* a) {
  char* text = Ssl().bn_bn2dec(a);
  std::string result = text == nullptr ? "(null)" : text;
  Ssl().crypto_free(text, __FILE__, __LINE__);
  return result;
}

std::vector<unsigned char> OurBytes(const BIGNUM* a) {
  std::vector<unsigned char> bytes(BN_num_bytes(a));
  BN_bn2binpad(a, bytes.data(), static_cast<int>(bytes.size()));
  return bytes;
}

std::vector<unsigned char> TheirBytes(const OpensslBignum* a) {
  std::vector<unsigned char> bytes((Ssl().bn_num_bits(a) + 7) / 8);
  Ssl().bn_bn2binpad(a, bytes.data(), static_cast<int>(bytes.size()));
  return bytes;
}

// Same value and sign in both (compared through bytes: cheaper than decimal text on large values).
testing::AssertionResult Agree(const Both& value) {
  if (BN_num_bits(value.ours) == Ssl().bn_num_bits(value.theirs) &&
      BN_is_negative(value.ours) == Ssl().bn_is_negative(value.theirs) &&
      OurBytes(value.ours) == TheirBytes(value.theirs)) {
    return testing::AssertionSuccess();
  }
  return testing::AssertionFailure()
         << "ours " << OurDecimal(value.ours) << " (negative flag " << BN_is_negative(value.ours)
         << "), OpenSSL " << TheirDecimal(value.theirs) << " (negative flag "
         << Ssl().bn_is_negative(value.theirs) << ")";
}

int Sign(int x) {
  return (x > 0) - (x < 0);
}

// ---- The tests
// ------------------------------------------------------------------------------------------

TEST(BignumTest, OperandsAgreeInValueTextAndQueries) {
  for (const Operand& operand : Operands()) {
    SCOPED_TRACE(operand.label);
    Both value = Make(operand);
    EXPECT_TRUE(Agree(value));
    EXPECT_EQ(OurDecimal(value.ours), TheirDecimal(value.theirs));
    EXPECT_EQ(BN_num_bits(value.ours), Ssl().bn_num_bits(value.theirs));
    EXPECT_EQ(BN_is_zero(value.ours), Ssl().bn_is_zero(value.theirs));
    EXPECT_EQ(BN_is_odd(value.ours), Ssl().bn_is_odd(value.theirs));
    EXPECT_EQ(BN_is_negative(value.ours), Ssl().bn_is_negative(value.theirs));
    EXPECT_EQ(BN_get_word(value.ours), Ssl().bn_get_word(value.theirs));
  }
}

TEST(BignumTest, NewValueIsZeroAndFreeAcceptsNull) {
  Both fresh;
  EXPECT_TRUE(Agree(fresh));
  EXPECT_TRUE(BN_is_zero(fresh.ours));
  EXPECT_EQ(OurDecimal(fresh.ours), "0");  // OpenSSL's documented text for zero
  EXPECT_EQ(OurDecimal(fresh.ours), TheirDecimal(fresh.theirs));
  BN_CTX* ctx = BN_CTX_new();
  EXPECT_NE(ctx, nullptr);
  BN_CTX_free(ctx);
  BN_CTX_free(nullptr);
  BN_free(nullptr);
}

TEST(BignumTest, SetWordThenGetWordRoundTrips) {
  std::vector<uint64_t> words = {0,
                                 1,
                                 2,
                                 (uint64_t{1} << 28) - 1,
                                 uint64_t{1} << 28,
                                 (uint64_t{1} << 60) - 1,
                                 uint64_t{1} << 60,
                                 uint64_t{1} << 63,
                                 ~uint64_t{0} - 1,
                                 ~uint64_t{0}};
  std::mt19937_64 random(7);
  for (int i = 0; i < 200; ++i) words.push_back(random() >> (i % 64));
  for (uint64_t word : words) {
    SCOPED_TRACE(word);
    Both value = Make(Operands().back());  // overwrite a large negative value
    EXPECT_EQ(BN_set_word(value.ours, word), Ssl().bn_set_word(value.theirs, word));
    EXPECT_TRUE(Agree(value));
    EXPECT_EQ(BN_get_word(value.ours), word);
    EXPECT_EQ(BN_get_word(value.ours), Ssl().bn_get_word(value.theirs));
    BN_set_negative(value.ours, 1);  // BN_get_word reads the magnitude
    Ssl().bn_set_negative(value.theirs, 1);
    EXPECT_EQ(BN_get_word(value.ours), Ssl().bn_get_word(value.theirs));
  }
}

TEST(BignumTest, AddWord) {
  for (const Operand& operand : Operands()) {
    const Both a = Make(operand);
    // The low 64 bits of |a| make a negative a of up to 64 bits cancel to zero exactly.
    uint64_t low_word = 0;
    for (unsigned char byte : operand.magnitude) low_word = (low_word << 8) | byte;
    for (uint64_t word :
         {uint64_t{0}, uint64_t{1}, uint64_t{1} << 28, uint64_t{1} << 60, ~uint64_t{0},
          uint64_t{0x9e3779b97f4a7c15}, low_word, low_word + 1, low_word - 1}) {
      SCOPED_TRACE(operand.label + " + " + std::to_string(word));
      Both sum(a);
      EXPECT_EQ(BN_add_word(sum.ours, word), Ssl().bn_add_word(sum.theirs, word));
      EXPECT_TRUE(Agree(sum));
    }
  }
}

TEST(BignumTest, AddSubMulOnAllPairs) {
  const std::vector<Operand>& operands = Operands();
  std::vector<Both> values;
  values.reserve(operands.size());
  for (const Operand& operand : operands) values.push_back(Make(operand));
  OpensslCtx* their_ctx = Ssl().bn_ctx_new();
  BN_CTX* our_ctx = BN_CTX_new();
  Both r;
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = 0; j < values.size(); ++j) {
      SCOPED_TRACE(operands[i].label + " and " + operands[j].label);
      const Both& a = values[i];
      const Both& b = values[j];
      EXPECT_EQ(BN_add(r.ours, a.ours, b.ours), Ssl().bn_add(r.theirs, a.theirs, b.theirs));
      EXPECT_TRUE(Agree(r)) << "add";
      EXPECT_EQ(BN_sub(r.ours, a.ours, b.ours), Ssl().bn_sub(r.theirs, a.theirs, b.theirs));
      EXPECT_TRUE(Agree(r)) << "sub";
      EXPECT_EQ(BN_mul(r.ours, a.ours, b.ours, our_ctx),
                Ssl().bn_mul(r.theirs, a.theirs, b.theirs, their_ctx));
      EXPECT_TRUE(Agree(r)) << "mul";
      EXPECT_EQ(Sign(BN_ucmp(a.ours, b.ours)), Sign(Ssl().bn_ucmp(a.theirs, b.theirs))) << "ucmp";
      // The header promises -1, 0 or 1 (OpenSSL itself may return other values of the same sign).
      EXPECT_EQ(BN_ucmp(a.ours, b.ours), Sign(BN_ucmp(a.ours, b.ours)));
    }
  }
  BN_CTX_free(our_ctx);
  Ssl().bn_ctx_free(their_ctx);
}

TEST(BignumTest, AddSubMulWithResultAliasingAnOperand) {
  const std::vector<Operand>& operands = Operands();
  for (size_t i = 0; i < operands.size(); ++i) {
    for (size_t j = i % 5; j < operands.size(); j += 5) {
      SCOPED_TRACE(operands[i].label + " and " + operands[j].label);
      const Both a = Make(operands[i]);
      const Both b = Make(operands[j]);
      {  // r = a + b, r = a - b, r = a * b with r == a
        Both r(a);
        BN_add(r.ours, r.ours, b.ours);
        Ssl().bn_add(r.theirs, r.theirs, b.theirs);
        EXPECT_TRUE(Agree(r)) << "add into a";
        BN_sub(r.ours, r.ours, b.ours);
        Ssl().bn_sub(r.theirs, r.theirs, b.theirs);
        EXPECT_TRUE(Agree(r)) << "sub into a";
        OpensslCtx* ctx = Ssl().bn_ctx_new();
        BN_mul(r.ours, r.ours, b.ours, nullptr);
        Ssl().bn_mul(r.theirs, r.theirs, b.theirs, ctx);
        Ssl().bn_ctx_free(ctx);
        EXPECT_TRUE(Agree(r)) << "mul into a";
      }
      {  // the same with r == b
        Both r(b);
        BN_sub(r.ours, a.ours, r.ours);
        Ssl().bn_sub(r.theirs, a.theirs, r.theirs);
        EXPECT_TRUE(Agree(r)) << "sub into b";
        OpensslCtx* ctx = Ssl().bn_ctx_new();
        BN_mul(r.ours, a.ours, r.ours, nullptr);
        Ssl().bn_mul(r.theirs, a.theirs, r.theirs, ctx);
        Ssl().bn_ctx_free(ctx);
        EXPECT_TRUE(Agree(r)) << "mul into b";
      }
    }
    // r = a op a with r == a.
    const Both a = Make(operands[i]);
    for (const char* op : {"add", "sub", "mul"}) {
      Both r(a);
      OpensslCtx* ctx = Ssl().bn_ctx_new();
      if (op[0] == 'a') {
        BN_add(r.ours, r.ours, r.ours);
        Ssl().bn_add(r.theirs, r.theirs, r.theirs);
      }
      if (op[0] == 's') {
        BN_sub(r.ours, r.ours, r.ours);
        Ssl().bn_sub(r.theirs, r.theirs, r.theirs);
      }
      if (op[0] == 'm') {
        BN_mul(r.ours, r.ours, r.ours, nullptr);
        Ssl().bn_mul(r.theirs, r.theirs, r.theirs, ctx);
      }
      Ssl().bn_ctx_free(ctx);
      EXPECT_TRUE(Agree(r)) << operands[i].label << " " << op << " itself";
    }
  }
}

TEST(BignumTest, Exp) {
  OpensslCtx* their_ctx = Ssl().bn_ctx_new();
  BN_CTX* our_ctx = BN_CTX_new();
  for (const Operand& operand : Operands()) {
    if (operand.magnitude.size() > 17) continue;  // keep a^p within a few 10,000 bits
    const Both a = Make(operand);
    for (int power : {0, 1, 2, 3, 5, 8, 13, 31, 64, 100, -1, -7}) {  // OpenSSL uses |p|
      SCOPED_TRACE(operand.label + " ^ " + std::to_string(power));
      Both p;
      BN_set_word(p.ours, std::abs(power));
      Ssl().bn_set_word(p.theirs, std::abs(power));
      BN_set_negative(p.ours, power < 0);
      Ssl().bn_set_negative(p.theirs, power < 0);
      Both r;
      EXPECT_EQ(BN_exp(r.ours, a.ours, p.ours, our_ctx),
                Ssl().bn_exp(r.theirs, a.theirs, p.theirs, their_ctx));
      EXPECT_TRUE(Agree(r));
      Both r_is_a(a);  // r == a, as ExactFloat::ToString calls it
      BN_exp(r_is_a.ours, r_is_a.ours, p.ours, our_ctx);
      Ssl().bn_exp(r_is_a.theirs, r_is_a.theirs, p.theirs, their_ctx);
      EXPECT_TRUE(Agree(r_is_a)) << "r == a";
      Both r_is_p(p);
      BN_exp(r_is_p.ours, a.ours, r_is_p.ours, our_ctx);
      Ssl().bn_exp(r_is_p.theirs, a.theirs, r_is_p.theirs, their_ctx);
      EXPECT_TRUE(Agree(r_is_p)) << "r == p";
    }
  }
  BN_CTX_free(our_ctx);
  Ssl().bn_ctx_free(their_ctx);
}

TEST(BignumTest, ExpOfZeroAndUnitsToPowersBeyond32Bits) {
  OpensslCtx* ctx = Ssl().bn_ctx_new();
  for (int base : {0, 1, -1}) {
    for (uint64_t power : {uint64_t{1} << 40, (uint64_t{1} << 40) + 1, ~uint64_t{0}}) {
      SCOPED_TRACE(std::to_string(base) + " ^ " + std::to_string(power));
      Both a, p, r;
      BN_set_word(a.ours, std::abs(base));
      Ssl().bn_set_word(a.theirs, std::abs(base));
      BN_set_negative(a.ours, base < 0);
      Ssl().bn_set_negative(a.theirs, base < 0);
      BN_set_word(p.ours, power);
      Ssl().bn_set_word(p.theirs, power);
      EXPECT_EQ(BN_exp(r.ours, a.ours, p.ours, nullptr),
                Ssl().bn_exp(r.theirs, a.theirs, p.theirs, ctx));
      EXPECT_TRUE(Agree(r));
    }
  }
  Ssl().bn_ctx_free(ctx);
}

TEST(BignumTest, Shifts) {
  for (const Operand& operand : Operands()) {
    const Both a = Make(operand);
    for (int n :
         {0, 1, 7, 8, 27, 28, 29, 59, 60, 61, 63, 64, 65, 127, 128, 1000, 4099, 4100, 9000}) {
      SCOPED_TRACE(operand.label + " shifted by " + std::to_string(n));
      Both r;
      EXPECT_EQ(BN_lshift(r.ours, a.ours, n), Ssl().bn_lshift(r.theirs, a.theirs, n));
      EXPECT_TRUE(Agree(r)) << "lshift";
      EXPECT_EQ(BN_rshift(r.ours, a.ours, n), Ssl().bn_rshift(r.theirs, a.theirs, n));
      EXPECT_TRUE(Agree(r)) << "rshift";
      Both in_place(a);
      BN_lshift(in_place.ours, in_place.ours, n);
      Ssl().bn_lshift(in_place.theirs, in_place.theirs, n);
      EXPECT_TRUE(Agree(in_place)) << "lshift in place";
      BN_rshift(in_place.ours, in_place.ours, n + 3);
      Ssl().bn_rshift(in_place.theirs, in_place.theirs, n + 3);
      EXPECT_TRUE(Agree(in_place)) << "rshift in place";
    }
    // A negative count is an error in OpenSSL; the result's value is then unspecified.
    Both r;
    EXPECT_EQ(BN_lshift(r.ours, a.ours, -1), Ssl().bn_lshift(r.theirs, a.theirs, -1));
    EXPECT_EQ(BN_rshift(r.ours, a.ours, -1), Ssl().bn_rshift(r.theirs, a.theirs, -1));
  }
}

TEST(BignumTest, IsBitSet) {
  for (const Operand& operand : Operands()) {
    SCOPED_TRACE(operand.label);
    const Both a = Make(operand);
    for (int n = -2; n < BN_num_bits(a.ours) + 130; ++n) {
      ASSERT_EQ(BN_is_bit_set(a.ours, n), Ssl().bn_is_bit_set(a.theirs, n)) << "bit " << n;
    }
  }
}

TEST(BignumTest, SetNegativeLeavesZeroNonNegative) {
  for (const Operand& operand : Operands()) {
    for (int negative : {1, 0, 1}) {
      SCOPED_TRACE(operand.label + " set_negative " + std::to_string(negative));
      Both a = Make(operand);
      BN_set_negative(a.ours, negative);
      Ssl().bn_set_negative(a.theirs, negative);
      EXPECT_TRUE(Agree(a));
      EXPECT_EQ(OurDecimal(a.ours), TheirDecimal(a.theirs));
    }
  }
}

TEST(BignumTest, CopyAndZero) {
  const std::vector<Operand>& operands = Operands();
  for (size_t i = 0; i < operands.size(); ++i) {
    SCOPED_TRACE(operands[i].label);
    const Both from = Make(operands[i]);
    Both to = Make(operands[operands.size() - 1 - i]);
    EXPECT_EQ(BN_copy(to.ours, from.ours), to.ours);
    Ssl().bn_copy(to.theirs, from.theirs);
    EXPECT_TRUE(Agree(to));
    EXPECT_EQ(BN_copy(to.ours, to.ours), to.ours);  // copy onto itself
    EXPECT_TRUE(Agree(to));
    BN_zero(to.ours);
    Ssl().bn_zero_ex(to.theirs);
    EXPECT_TRUE(Agree(to));
    EXPECT_FALSE(BN_is_negative(to.ours));
  }
}

TEST(BignumTest, ToBytesPadded) {
  for (const Operand& operand : Operands()) {
    const Both a = Make(operand);
    const int bytes = BN_num_bytes(a.ours);
    for (int tolen : {-1, 0, bytes - 1, bytes, bytes + 1, bytes + 9}) {
      SCOPED_TRACE(operand.label + " into " + std::to_string(tolen) + " bytes");
      // Room to spare, pre-filled alike, so bytes written outside tolen would show.
      const size_t room = static_cast<size_t>(bytes) + 16;
      std::vector<unsigned char> ours(room, 0xa5), theirs(room, 0xa5);
      EXPECT_EQ(BN_bn2binpad(a.ours, ours.data(), tolen),
                Ssl().bn_bn2binpad(a.theirs, theirs.data(), tolen));
      EXPECT_EQ(ours, theirs) << "big-endian";
      EXPECT_EQ(BN_bn2lebinpad(a.ours, ours.data(), tolen),
                Ssl().bn_bn2lebinpad(a.theirs, theirs.data(), tolen));
      EXPECT_EQ(ours, theirs) << "little-endian";
    }
  }
}

TEST(BignumTest, DecimalTextOfProducts) {
  // Products reach 8,000 bits, more digits than any operand.
  const std::vector<Operand>& operands = Operands();
  for (size_t i = 0; i < operands.size(); i += 3) {
    const Both a = Make(operands[i]);
    const Both b = Make(operands[operands.size() - 1 - i]);
    Both r;
    BN_mul(r.ours, a.ours, b.ours, nullptr);
    OpensslCtx* ctx = Ssl().bn_ctx_new();
    Ssl().bn_mul(r.theirs, a.theirs, b.theirs, ctx);
    Ssl().bn_ctx_free(ctx);
    EXPECT_EQ(OurDecimal(r.ours), TheirDecimal(r.theirs))
        << operands[i].label << " * " << operands[operands.size() - 1 - i].label;
  }
}

// Long random programs over a few registers: every function, results feeding later operands, and
// registers aliasing each other as they come.
TEST(BignumTest, RandomOperationSequences) {
  std::mt19937_64 random(42);
  constexpr int kRegisters = 4;
  OpensslCtx* ctx = Ssl().bn_ctx_new();
  for (int program = 0; program < 20; ++program) {
    std::vector<Both> registers(kRegisters);
    for (int step = 0; step < 2000; ++step) {
      Both& r = registers[random() % kRegisters];
      const Both& a = registers[random() % kRegisters];
      const Both& b = registers[random() % kRegisters];
      const uint64_t word = random() >> (random() % 64);
      const int shift = static_cast<int>(random() % 150);
      const int op = static_cast<int>(random() % 11);
      int ours = 1, theirs = 1;
      switch (op) {
        case 0:
          ours = BN_add(r.ours, a.ours, b.ours);
          theirs = Ssl().bn_add(r.theirs, a.theirs, b.theirs);
          break;
        case 1:
          ours = BN_sub(r.ours, a.ours, b.ours);
          theirs = Ssl().bn_sub(r.theirs, a.theirs, b.theirs);
          break;
        case 2:
          ours = BN_mul(r.ours, a.ours, b.ours, nullptr);
          theirs = Ssl().bn_mul(r.theirs, a.theirs, b.theirs, ctx);
          break;
        case 3:
          ours = BN_lshift(r.ours, a.ours, shift);
          theirs = Ssl().bn_lshift(r.theirs, a.theirs, shift);
          break;
        case 4:
          ours = BN_rshift(r.ours, a.ours, shift);
          theirs = Ssl().bn_rshift(r.theirs, a.theirs, shift);
          break;
        case 5:
          ours = BN_add_word(r.ours, word);
          theirs = Ssl().bn_add_word(r.theirs, word);
          break;
        case 6:
          ours = BN_set_word(r.ours, word);
          theirs = Ssl().bn_set_word(r.theirs, word);
          break;
        case 7:
          BN_set_negative(r.ours, !BN_is_negative(r.ours));
          Ssl().bn_set_negative(r.theirs, !Ssl().bn_is_negative(r.theirs));
          break;
        case 8:
          BN_copy(r.ours, a.ours);
          Ssl().bn_copy(r.theirs, a.theirs);
          break;
        case 9: {  // a small power, so values stay small
          Both p;
          BN_set_word(p.ours, word % 4);
          Ssl().bn_set_word(p.theirs, word % 4);
          if (BN_num_bits(a.ours) < 600) {
            ours = BN_exp(r.ours, a.ours, p.ours, nullptr);
            theirs = Ssl().bn_exp(r.theirs, a.theirs, p.theirs, ctx);
          }
          break;
        }
        case 10:
          BN_zero(r.ours);
          Ssl().bn_zero_ex(r.theirs);
          break;
      }
      ASSERT_EQ(ours, theirs) << "program " << program << " step " << step << " op " << op;
      ASSERT_TRUE(Agree(r)) << "program " << program << " step " << step << " op " << op;
      // Keep registers below a few thousand bits.
      if (BN_num_bits(r.ours) > 3000) {
        BN_rshift(r.ours, r.ours, 2000);
        Ssl().bn_rshift(r.theirs, r.theirs, 2000);
      }
    }
  }
  Ssl().bn_ctx_free(ctx);
}

}  // namespace
