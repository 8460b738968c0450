/* OPENSSL_free for the BN_* subset in <openssl/bn.h> (see there for why this exists). */
#ifndef BOKJI_BIGNUM_OPENSSL_CRYPTO_H_
#define BOKJI_BIGNUM_OPENSSL_CRYPTO_H_

#include <stdlib.h>

#define OPENSSL_free(addr) free(addr)

#endif /* BOKJI_BIGNUM_OPENSSL_CRYPTO_H_ */
