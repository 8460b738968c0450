// Text the app builds from data: dates, distances, and the links a facility card offers (phone,
// Kakao Map, Naver Map). Pure functions.
//
//   FormatDate(20191231)           → "2019.12.31"   (20250300 → "2025.03", 20220000 → "2022";
//                                                    0 → the "not stated" text)
//   FormatDistance(1234)           → "1.2 km"
//   TelUrl("063-222-9999 (내선 2)") → "tel:0632229999"
//   PhoneInText("보건복지상담센터129") → "129"
//   KakaoDirectionsUrl(facility)   → "https://map.kakao.com/link/to/<name>,35.824200,127.148000"
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace bokji::web {

// "2019.12.31", or "2025.03" / "2022" for a date known to the month / year, or the "not stated"
// text (strings.h) for 0.
std::string FormatDate(Date date);
// "350 m" (to 10 m), "1.2 km" below 10 km, "15 km" beyond.
std::string FormatDistance(double metres);
// Percent-encodes everything but RFC 3986's unreserved characters, UTF-8 bytes included.
std::string UrlEncode(const std::string& text);
// Splits "a=1&b=%ED%95%9C+x" into its decoded pairs ({"a","1"}, {"b","한 x"}), in order; '+' is a
// space, a malformed %-escape is kept as typed.
std::vector<std::pair<std::string, std::string>> ParseQueryString(const std::string& query);
// "tel:" and the digits of the first number in `phone` (a leading + kept); empty when there are
// fewer than 3.
std::string TelUrl(const std::string& phone);
// The first phone number written in free text (a program's 문의처), as written: an area or mobile
// number ("063-540-3000", "0262623125"), a 1xxx-xxxx number ("1577-0606") or a short public line
// ("129", "1388") standing alone or after a name. Empty when there is none.
std::string PhoneInText(const std::string& text);
// Directions to the facility: Kakao Map's documented /link/to/ link, and Naver Map's web route
// page.
std::string KakaoDirectionsUrl(const Facility& f);
std::string NaverDirectionsUrl(const Facility& f);

}  // namespace bokji::web
