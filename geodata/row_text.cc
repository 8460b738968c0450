#include "geodata/row_text.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "core/links.h"

namespace bokji::geodata {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsSpace(std::string_view text, size_t at, size_t* width) {
  if (text.compare(at, 3, "\u3000") == 0) {
    *width = 3;
    return true;
  }
  *width = 1;
  return std::isspace(static_cast<unsigned char>(text[at])) != 0;
}

std::string TrimmedCopy(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

// Digits split as a Korean number is usually written, or "" when `digits` is no form we know.
std::string Hyphenate(const std::string& digits) {
  const size_t n = digits.size();
  auto split = [&](size_t first, size_t second) {
    return digits.substr(0, first) + "-" + digits.substr(first, second) + "-" +
           digits.substr(first + second);
  };
  if (n < 8 || n > 12) return "";
  if (digits[0] == '1') {  // 15XX-XXXX … 18XX-XXXX
    if (n == 8 && digits[1] >= '5' && digits[1] <= '8')
      return digits.substr(0, 4) + "-" + digits.substr(4);
    return "";
  }
  if (digits[0] != '0') return "";
  if (digits[1] == '2') {  // Seoul: 02-XXX-XXXX, 02-XXXX-XXXX
    if (n == 9) return split(2, 3);
    if (n == 10) return split(2, 4);
    return "";
  }
  if (digits.compare(0, 3, "050") == 0) {  // 050X personal numbers: 4-digit prefix
    if (n == 11) return split(4, 3);
    if (n == 12) return split(4, 4);
    return "";
  }
  const bool area = digits[1] >= '3' && digits[1] <= '6';
  const bool mobile = digits[1] == '1';
  const bool internet = digits.compare(0, 3, "070") == 0;
  if (!area && !mobile && !internet) return "";
  if (n == 10) return split(3, 3);
  if (n == 11) return split(3, 4);
  return "";
}

// Whether digit groups of `lengths`, as written, split the number only where `formatted` has a
// hyphen (after its first `skip` pieces, an added area code): "063-8594260" fits 063-859-4260,
// while "063-222-3333 (2)" read as 11 digits does not fit 063-2223-3332.
bool GroupsFit(const std::string& formatted, size_t skip, const std::vector<size_t>& lengths) {
  std::vector<size_t> hyphens;  // digit counts before each hyphen, after the skipped pieces
  size_t digits = 0, pieces = 0;
  for (const char c : formatted) {
    if (c != '-') {
      ++digits;
      continue;
    }
    if (++pieces > skip) hyphens.push_back(digits);
  }
  size_t skipped = 0;  // digits in the skipped pieces
  if (skip > 0) {
    size_t seen = 0, at = 0;
    for (; at < formatted.size() && seen < skip; ++at)
      if (formatted[at] == '-') ++seen;
    for (size_t i = 0; i < at; ++i) skipped += formatted[i] != '-';
  }
  size_t written = 0;
  for (size_t g = 0; g + 1 < lengths.size(); ++g) {
    written += lengths[g];
    if (std::find(hyphens.begin(), hyphens.end(), skipped + written) == hyphens.end()) return false;
  }
  return true;
}

// Whether `text` starts with a host name: labels of letters, digits, '-' or non-ASCII bytes,
// separated by dots, at least two labels, ending at the text's end or at '/', '?' or '#'.
bool StartsWithHostName(std::string_view text) {
  size_t labels = 0, label_length = 0, i = 0;
  for (; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '/' || c == '?' || c == '#') break;
    if (c == '.') {
      if (label_length == 0) return false;
      ++labels;
      label_length = 0;
    } else if (std::isalnum(c) || c == '-' || c >= 0x80) {
      ++label_length;
    } else {
      return false;
    }
  }
  if (label_length > 0) ++labels;
  return labels >= 2 && label_length > 0;
}

}  // namespace

NormalisedPhone NormalisePhone(std::string_view text, std::string_view area_code) {
  const std::string trimmed = TrimmedCopy(text);
  if (trimmed.empty()) return {"", NormalisedPhone::kEmpty};
  // Groups of digits at the start, separated by '-', ' ', '.', '(' or ')'. Try the longest run of
  // whole groups first, so "063-222-3333-4" reads as 063-222-3333 followed by "-4".
  std::vector<std::pair<size_t, size_t>> groups;  // [begin, end) of each group of digits
  size_t i = 0;
  while (i < trimmed.size()) {
    if (IsDigit(trimmed[i])) {
      const size_t begin = i;
      while (i < trimmed.size() && IsDigit(trimmed[i])) ++i;
      groups.emplace_back(begin, i);
      continue;
    }
    const char c = trimmed[i];
    if (c != '-' && c != ' ' && c != '.' && c != '(' && c != ')') break;
    if (groups.empty() && c != '(') break;  // a number starts with a digit or "("
    ++i;
  }
  for (size_t used = groups.size(); used > 0; --used) {
    std::string digits;
    std::vector<size_t> lengths;
    for (size_t g = 0; g < used; ++g) {
      digits += trimmed.substr(groups[g].first, groups[g].second - groups[g].first);
      lengths.push_back(groups[g].second - groups[g].first);
    }
    const std::string rest = trimmed.substr(groups[used - 1].second);
    // Written in groups, the groups must split it where the usual form does ("063-222-3333 (2)" is
    // not 063-2223-3332); written as one run of digits, any recognised split goes.
    if (std::string formatted = Hyphenate(digits);
        !formatted.empty() && GroupsFit(formatted, 0, lengths)) {
      return {formatted + rest, NormalisedPhone::kRecognised};
    }
    const bool local = (digits.size() == 7 || digits.size() == 8) && digits[0] >= '2';
    if (local && !area_code.empty()) {
      std::string formatted = Hyphenate(std::string(area_code) + digits);
      if (!formatted.empty() && GroupsFit(formatted, 1, lengths))
        return {formatted + rest, NormalisedPhone::kAreaCodeAdded};
    }
  }
  return {trimmed, NormalisedPhone::kUnrecognised};
}

NormalisedLink NormaliseLink(std::string_view text) {
  const std::string trimmed = TrimmedCopy(text);
  if (trimmed.empty()) return {"", NormalisedLink::kEmpty};
  if (IsWebLink(trimmed)) return {trimmed, NormalisedLink::kWebLink};
  if (trimmed.find(':') == std::string::npos || trimmed.find(':') > trimmed.find('/')) {
    if (StartsWithHostName(trimmed)) {
      std::string with_scheme = "http://" + trimmed;
      if (IsWebLink(with_scheme)) return {with_scheme, NormalisedLink::kSchemeAdded};
    }
  }
  return {"", NormalisedLink::kDropped};
}

std::string ApplyNameReplacements(
    std::string_view name, const std::vector<std::pair<std::string, std::string>>& replacements) {
  std::string text(name);
  for (const auto& [from, to] : replacements) {
    if (from.empty()) continue;  // the config parser refuses these; never loop forever on one
    std::string replaced;
    size_t at = 0;
    for (size_t found = text.find(from); found != std::string::npos; found = text.find(from, at)) {
      replaced.append(text, at, found - at);
      replaced += to;
      at = found + from.size();
    }
    replaced.append(text, at, std::string::npos);
    text = std::move(replaced);
  }
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t width = 1;
    if (IsSpace(text, i, &width)) {
      pending_space = !out.empty();
      i += width;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

std::vector<std::string> AddressTokens(std::string_view address) {
  std::vector<std::string> tokens;
  std::string current;
  for (size_t i = 0; i < address.size();) {
    size_t width = 1;
    const char c = address[i];
    if (IsSpace(address, i, &width) || c == ',' || c == '(' || c == ')') {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
      i += width;
      continue;
    }
    current += c;
    ++i;
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

std::string WithoutSpaces(std::string_view text) {
  static const std::string_view kIdeographicSpace = "\u3000";
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, kIdeographicSpace.size(), kIdeographicSpace) == 0) {
      i += kIdeographicSpace.size() - 1;
    } else if (!std::isspace(static_cast<unsigned char>(text[i]))) {
      out += text[i];
    }
  }
  return out;
}

}  // namespace bokji::geodata
