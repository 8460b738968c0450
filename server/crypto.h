// Crypto for the server, all libsodium: argon2id password hashes, secretbox sealing of personal
// fields, keyed hashes of secrets we must recognise but never store (session tokens, receipt codes,
// client addresses), random tokens and receipt codes.
//
//   // clang-format off
//   bokji::Result<bokji::server::Keys> keys = bokji::server::LoadKeyFile("/etc/bokji/data.key");
//   std::string sealed = bokji::server::Seal(keys.value(), "{\"phone\":\"010-0000-0000\"}");
//   std::optional<std::string> plain = bokji::server::Open(keys.value(), sealed);
//   std::string stored = bokji::server::HashSecret(keys.value(), receipt_code);  // what the
//   database keeps
//   // clang-format on
//
// The key file holds 32 random bytes as 64 hex digits (`bokji-server make-key FILE` writes one).
// Two subkeys are derived from it (crypto_kdf): one for secretbox, one for the keyed BLAKE2b
// hashes. Losing the file makes every sealed field unreadable: operators back it up apart from the
// database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace bokji::server {

// Must run once before anything else here (calls sodium_init). Returns false if libsodium cannot
// start.
bool InitCrypto();

struct Keys {
  uint8_t seal[32];  // secretbox key
  uint8_t hash[32];  // keyed BLAKE2b key
};

// Reads a key file (64 hex digits, surrounding whitespace ignored).
Result<Keys> LoadKeyFile(const std::string& path);
// Writes a new random key file with mode 0600. Refuses to overwrite an existing file.
Status WriteNewKeyFile(const std::string& path);

// nonce ‖ secretbox(plaintext), base64 (URL-safe, no padding).
std::string Seal(const Keys& keys, std::string_view plaintext);
// The plaintext, or nullopt when `sealed` is not a box made with these keys (tampered, other key).
std::optional<std::string> Open(const Keys& keys, std::string_view sealed);

// Keyed BLAKE2b-256 of `secret`, hex. Equal secrets give equal hashes; without the key file the
// hash tells nothing about the secret.
std::string HashSecret(const Keys& keys, std::string_view secret);
// Unkeyed BLAKE2b-256, hex (idempotency: the body a key was first used with).
std::string HashBytes(std::string_view bytes);

// `bytes` random bytes as URL-safe base64 without padding.
std::string RandomToken(size_t bytes);
// A receipt code: 12 characters from 32 that cannot be confused (no 0/O, 1/I), as XXXX-XXXX-XXXX
// (60 bits).
std::string NewReceiptCode();
// Upper case without spaces or hyphens ("abcd-efgh jkmn" → "ABCDEFGHJKMN"); "" if what remains is
// not 12 characters of the code alphabet.
std::string NormalizeReceiptCode(std::string_view code);

struct PasswordLimits {
  // DEFAULT: libsodium's INTERACTIVE limits (2 passes, 64 MiB). Tests use the minimum.
  unsigned long long opslimit = 2;
  size_t memlimit = 64ull << 20;
};
// argon2id (crypto_pwhash_str_alg); the string holds its own parameters and salt.
Result<std::string> HashPassword(std::string_view password, const PasswordLimits& limits);
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// Constant-time equality of two strings of equal length (false if the lengths differ).
bool SecretEquals(std::string_view a, std::string_view b);

}  // namespace bokji::server
