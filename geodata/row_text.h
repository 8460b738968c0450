// The importer's per-cell text rules that are not coordinates (geodata/coordinates.h has those):
// phone numbers, links, names and address tokens. Pure functions of their input, so the fuzz
// targets (tests/fuzz/) and the tests call them directly.
//
//   NormalisedPhone phone = NormalisePhone("243-2724", "063");   // {"063-243-2724",
//   kAreaCodeAdded} NormalisedLink link = NormaliseLink("www.x.kr");              //
//   {"http://www.x.kr", kSchemeAdded} NormalisedLink bad = NormaliseLink("javascript:alert(1)"); //
//   {"", kDropped} std::string name = ApplyNameReplacements("부영@경로당", {{"@", "아파트"}});  //
//   "부영아파트경로당" std::vector<std::string> words = AddressTokens("군산시 옥도면 선유남길 1
//   (선유도리)");
//   // {"군산시", "옥도면", "선유남길", "1", "선유도리"}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bokji::geodata {

// ---------------------------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------------------------

struct NormalisedPhone {
  enum Outcome {
    kEmpty,          // the cell was empty
    kRecognised,     // a Korean number, written 0XX-XXX(X)-XXXX / 02-… / 1XXX-XXXX
    kAreaCodeAdded,  // a 7–8 digit local number, given `area_code`
    kUnrecognised,   // not a number form we know: `phone` is the cell as written (trimmed)
  };
  std::string phone;
  Outcome outcome = kEmpty;
};

// The number at the start of `text`, hyphenated the usual way, with whatever followed it kept as
// written ("063-222-3333 (내선 2)" stays, "063)222 3333~4" → "063-222-3333~4"). Recognised forms:
// 02 + 7–8 digits; 0[3-6]X or 070 + 7–8 digits; 01X + 7–8 digits; 050X + 7–8 digits; 15XX–18XX +
// 4 digits. A number of 7–8 digits not starting with 0 or 1 gets `area_code` when one is given
// ("243-2724" → "063-243-2724"); with an empty area code it is kUnrecognised.
NormalisedPhone NormalisePhone(std::string_view text, std::string_view area_code);

// ---------------------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------------------

struct NormalisedLink {
  enum Outcome {
    kEmpty,        // no link
    kWebLink,      // an http or https link, kept as written (trimmed)
    kSchemeAdded,  // a bare host name ("www.x.kr/a") given "http://"
    kDropped,      // any other text ("javascript:…", "data:…", "http//x"): `link` is empty
  };
  std::string link;
  Outcome outcome = kEmpty;
};

// Only http and https links pass (core/links.h IsWebLink). Text without a scheme whose first part
// is a host name (letters, digits, '-' and non-ASCII labels joined by dots, at least one dot) gets
// "http://"; everything else is dropped.
NormalisedLink NormaliseLink(std::string_view text);

// ---------------------------------------------------------------------------------------------------------
// Names and addresses
// ---------------------------------------------------------------------------------------------------------

// `name` with each (from, to) replacement applied in order, then trimmed, with every run of spaces
// (ASCII whitespace, U+3000) made one space.
std::string ApplyNameReplacements(
    std::string_view name, const std::vector<std::pair<std::string, std::string>>& replacements);

// The words of an address: split at spaces, commas and parentheses, empty words dropped.
std::vector<std::string> AddressTokens(std::string_view address);

// `text` without spaces (ASCII whitespace and U+3000): "전주종합 사회복지관" →
// "전주종합사회복지관". How names are compared (regions, provinces, geocoded addresses, aliases).
std::string WithoutSpaces(std::string_view text);

}  // namespace bokji::geodata
