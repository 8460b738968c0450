/* The subset of OpenSSL's BIGNUM API that S2 Geometry's ExactFloat uses, implemented over libtommath.
 *
 * Why: S2's exact predicates (the fallback for degenerate point-in-polygon and orientation cases) do their
 * arithmetic with ExactFloat, which calls OpenSSL's BN_* functions. Building all of libcrypto for
 * WebAssembly takes about 12 minutes and adds about 1.4 MB to the wasm; this layer maps the ~30 functions
 * ExactFloat needs onto libtommath (Debian source package `libtommath`), a small, well-kept bignum library.
 * It is used only for the WebAssembly build; native builds link Debian's libs2 with the real OpenSSL, and
 * tests/bignum compares the two.
 *
 * Semantics follow OpenSSL 3.0's documentation for each function: a BIGNUM is a sign and a magnitude;
 * functions returning int return 1 on success and 0 on failure (allocation failure only).
 *
 *   BIGNUM* a = BN_new();
 *   BN_set_word(a, 5);
 *   BN_lshift(a, a, 100);      // a = 5 * 2^100
 *   char* s = BN_bn2dec(a);    // "6338253001141147007483516026880"
 *   OPENSSL_free(s);
 *   BN_free(a);
 */
#ifndef BOKJI_BIGNUM_OPENSSL_BN_H_
#define BOKJI_BIGNUM_OPENSSL_BN_H_

#include <stdint.h>

/* ExactFloat picks its code path from these: it takes the OpenSSL >= 1.1 path (heap BIGNUMs, no BN_init). */
#define OPENSSL_VERSION_NUMBER 0x30000000L
#define BN_ULONG uint64_t
#define BN_BITS2 64

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bokji_bignum BIGNUM;
typedef struct bokji_bn_ctx BN_CTX;

BIGNUM* BN_new(void);
void BN_free(BIGNUM* a); /* a may be NULL */
BN_CTX* BN_CTX_new(void);
void BN_CTX_free(BN_CTX* ctx); /* ctx may be NULL */

BIGNUM* BN_copy(BIGNUM* to, const BIGNUM* from); /* returns to, or NULL on failure */
void BN_zero_ex(BIGNUM* a);
#define BN_zero(a) BN_zero_ex(a)
int BN_set_word(BIGNUM* a, BN_ULONG w);  /* a = w (non-negative) */
BN_ULONG BN_get_word(const BIGNUM* a);   /* |a| if it fits in BN_ULONG, else all ones */
int BN_add_word(BIGNUM* a, BN_ULONG w);  /* a += w */

int BN_add(BIGNUM* r, const BIGNUM* a, const BIGNUM* b); /* r = a + b; r may alias a or b */
int BN_sub(BIGNUM* r, const BIGNUM* a, const BIGNUM* b); /* r = a - b */
int BN_mul(BIGNUM* r, const BIGNUM* a, const BIGNUM* b, BN_CTX* ctx); /* r = a * b */
int BN_exp(BIGNUM* r, const BIGNUM* a, const BIGNUM* p, BN_CTX* ctx); /* r = a ^ p, p >= 0 */
int BN_lshift(BIGNUM* r, const BIGNUM* a, int n); /* r = a * 2^n, n >= 0 */
int BN_rshift(BIGNUM* r, const BIGNUM* a, int n); /* r = sign(a) * (|a| / 2^n), n >= 0 */

int BN_num_bits(const BIGNUM* a); /* bits in |a|; 0 for zero */
#define BN_num_bytes(a) ((BN_num_bits(a) + 7) / 8)
int BN_is_zero(const BIGNUM* a);
int BN_is_odd(const BIGNUM* a);
int BN_is_negative(const BIGNUM* a);
void BN_set_negative(BIGNUM* a, int negative); /* no effect on zero */
int BN_is_bit_set(const BIGNUM* a, int n);     /* bit n of |a| */
int BN_ucmp(const BIGNUM* a, const BIGNUM* b); /* compares |a| and |b|: -1, 0 or 1 */

/* |a| as big-endian / little-endian bytes, zero-padded to exactly tolen; returns tolen, or -1 if it does
 * not fit. */
int BN_bn2binpad(const BIGNUM* a, unsigned char* to, int tolen);
int BN_bn2lebinpad(const BIGNUM* a, unsigned char* to, int tolen);
/* Decimal text with a leading '-' when negative; free with OPENSSL_free. NULL on failure. */
char* BN_bn2dec(const BIGNUM* a);

#ifdef __cplusplus
}
#endif

#endif /* BOKJI_BIGNUM_OPENSSL_BN_H_ */
