/* Renames our BN_* layer (deps/bignum) to bokjibn_BN_*, for the differential test only, so that it
 * can never be confused with the real OpenSSL the same test loads. Force-included (-include) into
 * the test's copy of bn_tommath.c and into the test itself; the wasm build and S2 see plain names.
 */
#ifndef BOKJI_TESTS_BIGNUM_BN_PREFIX_H_
#define BOKJI_TESTS_BIGNUM_BN_PREFIX_H_
#define BN_new bokjibn_BN_new
#define BN_free bokjibn_BN_free
#define BN_CTX_new bokjibn_BN_CTX_new
#define BN_CTX_free bokjibn_BN_CTX_free
#define BN_copy bokjibn_BN_copy
#define BN_zero_ex bokjibn_BN_zero_ex
#define BN_set_word bokjibn_BN_set_word
#define BN_get_word bokjibn_BN_get_word
#define BN_add_word bokjibn_BN_add_word
#define BN_add bokjibn_BN_add
#define BN_sub bokjibn_BN_sub
#define BN_mul bokjibn_BN_mul
#define BN_exp bokjibn_BN_exp
#define BN_lshift bokjibn_BN_lshift
#define BN_rshift bokjibn_BN_rshift
#define BN_num_bits bokjibn_BN_num_bits
#define BN_is_zero bokjibn_BN_is_zero
#define BN_is_odd bokjibn_BN_is_odd
#define BN_is_negative bokjibn_BN_is_negative
#define BN_set_negative bokjibn_BN_set_negative
#define BN_is_bit_set bokjibn_BN_is_bit_set
#define BN_ucmp bokjibn_BN_ucmp
#define BN_bn2binpad bokjibn_BN_bn2binpad
#define BN_bn2lebinpad bokjibn_BN_bn2lebinpad
#define BN_bn2dec bokjibn_BN_bn2dec
#endif /* BOKJI_TESTS_BIGNUM_BN_PREFIX_H_ */
