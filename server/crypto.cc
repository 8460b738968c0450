#include "server/crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

namespace bokji::server {
namespace {

constexpr char kCodeAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32 characters
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'b', 'o', 'k', 'j', 'i', 's', 'r', 'v'};

std::string ToBase64(const uint8_t* data, size_t size) {
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string ToHex(const uint8_t* data, size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

bool InitCrypto() {
  return sodium_init() >= 0;
}

Result<Keys> LoadKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error("cannot read the key file " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  while (!text.empty() && isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  while (!text.empty() && isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  uint8_t master[crypto_kdf_KEYBYTES];
  size_t length = 0;
  if (text.size() != 64 ||
      sodium_hex2bin(master, sizeof master, text.data(), text.size(), nullptr, &length, nullptr) !=
          0 ||
      length != sizeof master) {
    return Status::Error("the key file " + path + " must hold exactly 64 hex digits (32 bytes)");
  }
  Keys keys;
  crypto_kdf_derive_from_key(keys.seal, sizeof keys.seal, 1, kKdfContext, master);
  crypto_kdf_derive_from_key(keys.hash, sizeof keys.hash, 2, kKdfContext, master);
  sodium_memzero(master, sizeof master);
  return keys;
}

Status WriteNewKeyFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return Status::Error("cannot create the key file " + path + ": " + std::strerror(errno));
  uint8_t master[crypto_kdf_KEYBYTES];
  crypto_kdf_keygen(master);
  std::string text = ToHex(master, sizeof master) + "\n";
  sodium_memzero(master, sizeof master);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::fsync(fd) == 0 && ok;
  ::close(fd);
  return ok ? Status::Ok() : Status::Error("cannot write the key file " + path);
}

std::string Seal(const Keys& keys, std::string_view plaintext) {
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* out = reinterpret_cast<uint8_t*>(box.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const uint8_t*>(plaintext.data()), plaintext.size(), out,
                        keys.seal);
  return ToBase64(out, box.size());
}

std::optional<std::string> Open(const Keys& keys, std::string_view sealed) {
  std::string bytes(sealed.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<uint8_t*>(bytes.data()), bytes.size(), sealed.data(),
                        sealed.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* in = reinterpret_cast<const uint8_t*>(bytes.data());
  std::string plain(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<uint8_t*>(plain.data()),
                                 in + crypto_secretbox_NONCEBYTES,
                                 length - crypto_secretbox_NONCEBYTES, in, keys.seal) != 0) {
    return std::nullopt;
  }
  return plain;
}

std::string HashSecret(const Keys& keys, std::string_view secret) {
  uint8_t out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const uint8_t*>(secret.data()),
                     secret.size(), keys.hash, sizeof keys.hash);
  return ToHex(out, sizeof out);
}

std::string HashBytes(std::string_view bytes) {
  uint8_t out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                     nullptr, 0);
  return ToHex(out, sizeof out);
}

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return ToBase64(reinterpret_cast<const uint8_t*>(raw.data()), raw.size());
}

std::string NewReceiptCode() {
  std::string code;
  for (int i = 0; i < 12; ++i) {
    if (i > 0 && i % 4 == 0) code += '-';
    code += kCodeAlphabet[randombytes_uniform(32)];
  }
  return code;
}

std::string NormalizeReceiptCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!std::strchr(kCodeAlphabet, c) || c == '\0') return "";
    out += c;
    if (out.size() > 12) return "";
  }
  return out.size() == 12 ? out : "";
}

Result<std::string> HashPassword(std::string_view password, const PasswordLimits& limits) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits.opslimit, limits.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Error("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  std::string hash(stored_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool SecretEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace bokji::server
