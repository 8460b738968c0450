/* The OpenSSL BN_* subset declared in <openssl/bn.h> (see there for why), over libtommath.
 *
 * A BIGNUM wraps one mp_int. Both libraries store a sign and a magnitude, and libtommath keeps zero
 * non-negative (mp_clamp), so most functions map one to one. Where OpenSSL's documented behaviour
 * differs from libtommath's, the function says how it is bridged:
 *   - shifts by a negative count fail (OpenSSL: BN_R_INVALID_SHIFT) instead of shifting by 0;
 *   - BN_rshift shifts the magnitude and keeps the sign, as OpenSSL does (and mp_div_2d);
 *   - BN_exp uses |p|, as OpenSSL's square-and-multiply over the bits of p does;
 *   - BN_get_word returns all ones when |a| does not fit;
 *   - BN_bn2binpad returns -1 when tolen is too small;
 *   - BN_set_negative leaves zero non-negative.
 * The BN_CTX is accepted and ignored (libtommath allocates its own temporaries); NULL works too.
 *
 * Sections: allocation; setting and reading words; arithmetic; queries; bytes and text.
 */
#include <openssl/bn.h>

#include <stdlib.h>
#include <string.h>
#include <tommath.h>

struct bokji_bignum {
  mp_int value;
};

struct bokji_bn_ctx {
  char unused; /* nothing to keep: C needs a member */
};

/* ---- allocation ------------------------------------------------------------------------------ */

BIGNUM* BN_new(void) {
  BIGNUM* a = malloc(sizeof(BIGNUM));
  if (a == NULL) return NULL;
  if (mp_init(&a->value) != MP_OKAY) {
    free(a);
    return NULL;
  }
  return a;
}

void BN_free(BIGNUM* a) {
  if (a == NULL) return;
  mp_clear(&a->value);
  free(a);
}

BN_CTX* BN_CTX_new(void) {
  return malloc(sizeof(BN_CTX));
}

void BN_CTX_free(BN_CTX* ctx) {
  free(ctx);
}

BIGNUM* BN_copy(BIGNUM* to, const BIGNUM* from) {
  if (to == from) return to;
  return mp_copy(&from->value, &to->value) == MP_OKAY ? to : NULL;
}

/* ---- setting and reading words --------------------------------------------------------------- */

void BN_zero_ex(BIGNUM* a) {
  mp_zero(&a->value);
}

int BN_set_word(BIGNUM* a, BN_ULONG w) {
  /* mp_init gives every mp_int room for at least MP_PREC digits, more than 64 bits in any digit
   * size, so mp_set_u64 cannot fail. */
  mp_set_u64(&a->value, w);
  return 1;
}

BN_ULONG BN_get_word(const BIGNUM* a) {
  if (mp_count_bits(&a->value) > 64) return ~(BN_ULONG)0;
  return mp_get_mag_u64(&a->value);
}

int BN_add_word(BIGNUM* a, BN_ULONG w) {
  mp_int addend;
  if (mp_init_u64(&addend, w) != MP_OKAY) return 0;
  mp_err err = mp_add(&a->value, &addend, &a->value);
  mp_clear(&addend);
  return err == MP_OKAY;
}

/* ---- arithmetic (libtommath allows the result to alias either operand) ----------------------- */

int BN_add(BIGNUM* r, const BIGNUM* a, const BIGNUM* b) {
  return mp_add(&a->value, &b->value, &r->value) == MP_OKAY;
}

int BN_sub(BIGNUM* r, const BIGNUM* a, const BIGNUM* b) {
  return mp_sub(&a->value, &b->value, &r->value) == MP_OKAY;
}

int BN_mul(BIGNUM* r, const BIGNUM* a, const BIGNUM* b, BN_CTX* ctx) {
  (void)ctx;
  return mp_mul(&a->value, &b->value, &r->value) == MP_OKAY;
}

int BN_exp(BIGNUM* r, const BIGNUM* a, const BIGNUM* p, BN_CTX* ctx) {
  (void)ctx;
  if (mp_count_bits(&p->value) > 32) {
    /* Only 0, 1 and -1 have powers this large that fit in memory; OpenSSL fails on the others too
     * (BN_R_BIGNUM_TOO_LONG). */
    if (mp_count_bits(&a->value) > 1) return 0;
    int negative = mp_isneg(&a->value) && mp_isodd(&p->value);
    if (mp_copy(&a->value, &r->value) != MP_OKAY) return 0;
    BN_set_negative(r, negative);
    return 1;
  }
  /* |p| is read before r is written, so r may alias a or p. */
  return mp_expt_u32(&a->value, (uint32_t)mp_get_mag_u64(&p->value), &r->value) == MP_OKAY;
}

int BN_lshift(BIGNUM* r, const BIGNUM* a, int n) {
  if (n < 0) return 0;
  return mp_mul_2d(&a->value, n, &r->value) == MP_OKAY;
}

int BN_rshift(BIGNUM* r, const BIGNUM* a, int n) {
  if (n < 0) return 0;
  return mp_div_2d(&a->value, n, &r->value, NULL) == MP_OKAY;
}

/* ---- queries --------------------------------------------------------------------------------- */

int BN_num_bits(const BIGNUM* a) {
  return mp_count_bits(&a->value);
}

int BN_is_zero(const BIGNUM* a) {
  return mp_iszero(&a->value);
}

int BN_is_odd(const BIGNUM* a) {
  return mp_isodd(&a->value);
}

int BN_is_negative(const BIGNUM* a) {
  return mp_isneg(&a->value);
}

void BN_set_negative(BIGNUM* a, int negative) {
  a->value.sign = (negative && !mp_iszero(&a->value)) ? MP_NEG : MP_ZPOS;
}

int BN_is_bit_set(const BIGNUM* a, int n) {
  if (n < 0) return 0;
  int digit = n / MP_DIGIT_BIT;
  if (digit >= a->value.used) return 0;
  return (int)((a->value.dp[digit] >> (n % MP_DIGIT_BIT)) & 1u);
}

int BN_ucmp(const BIGNUM* a, const BIGNUM* b) {
  return mp_cmp_mag(&a->value, &b->value);
}

/* ---- bytes and text -------------------------------------------------------------------------- */

/* Byte `index` of |a| counting from the least significant byte; 0 beyond the top. The digits hold
 * MP_DIGIT_BIT bits each (28 in wasm32, 60 on 64-bit hosts), so a byte may straddle two digits. */
static unsigned char magnitude_byte(const mp_int* a, int index) {
  long bit = 8L * index;
  long digit = bit / MP_DIGIT_BIT;
  int offset = (int)(bit % MP_DIGIT_BIT);
  if (digit >= a->used) return 0;
  mp_digit bits = a->dp[digit] >> offset;
  if (offset + 8 > MP_DIGIT_BIT && digit + 1 < a->used) {
    bits |= a->dp[digit + 1] << (MP_DIGIT_BIT - offset);
  }
  return (unsigned char)(bits & 0xffu);
}

/* Shared by both byte orders: -1 unless |a| fits in tolen bytes. */
static int fits_in_bytes(const BIGNUM* a, int tolen) {
  return tolen >= 0 && BN_num_bytes(a) <= tolen;
}

int BN_bn2binpad(const BIGNUM* a, unsigned char* to, int tolen) {
  if (!fits_in_bytes(a, tolen)) return -1;
  for (int i = 0; i < tolen; ++i) to[tolen - 1 - i] = magnitude_byte(&a->value, i);
  return tolen;
}

int BN_bn2lebinpad(const BIGNUM* a, unsigned char* to, int tolen) {
  if (!fits_in_bytes(a, tolen)) return -1;
  for (int i = 0; i < tolen; ++i) to[i] = magnitude_byte(&a->value, i);
  return tolen;
}

char* BN_bn2dec(const BIGNUM* a) {
  /* A b-bit magnitude has at most floor(b * log10(2)) + 1 <= b / 3 + 1 decimal digits; add the sign
   * and the terminating NUL. */
  size_t size = (size_t)mp_count_bits(&a->value) / 3 + 3;
  char* text = malloc(size);
  if (text == NULL) return NULL;
  if (mp_to_radix(&a->value, text, size, NULL, 10) != MP_OKAY) {
    free(text);
    return NULL;
  }
  return text;
}
