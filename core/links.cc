#include "core/links.h"

namespace bokji {
namespace {

// `text` starts with `prefix`, ASCII letters compared without case.
bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool IsWebLink(std::string_view url) {
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    // Control characters and spaces could hide a scheme from one parser and not another; a
    // backslash is read as '/' by browsers ("https:\\evil").
    if (byte <= 0x20 || byte == 0x7F || c == '\\') return false;
  }
  size_t rest = 0;
  if (StartsWithNoCase(url, "https://")) {
    rest = 8;
  } else if (StartsWithNoCase(url, "http://")) {
    rest = 7;
  } else {
    return false;
  }
  return url.size() > rest && url[rest] != '/';
}

}  // namespace bokji
