// Text the app builds from data: dates, distances, lists of labels, and the links a facility card
// offers (phone, Kakao Map, Naver Map). Pure functions; words come from the string table in the
// frame's language.
//
// clang-format off
//   FormatDate(20191231)                       → "2019.12.31"   (0 → the "not stated" text)
//   FormatEventTime(202603051430, 202603051600) → "2026.03.05 (목) 14:30~16:00"
//   FormatDistance(1234)                       → "1.2 km"
//   TargetListText(kTargetElderly | kTargetDisabled) → "노인, 장애인"
//   ProgramPlaceText(program)                  → "시군 · 김제시"
//   TelUrl("063-222-9999 (내선 2)")             → "tel:0632229999"
//   PhoneInText("보건복지상담센터129")            → "129"
//   KakaoDirectionsUrl(facility)               → "https://map.kakao.com/link/to/<name>,35.824200,127.148000"
//   KakaoAddressSearchUrl(facility)            → "https://map.kakao.com/link/search/<address>"
// clang-format on
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace bokji::web {

// "2019.12.31", or the "not stated" text (strings.h) for 0.
std::string FormatDate(Date date);
// "2026.03.05 (목) 14:30~16:00", or "… ~ 2026.03.06 (금) 12:00" across days; the "not stated"
// text without a start.
std::string FormatEventTime(DateTime start, DateTime end);
// "350 m" (to 10 m), "1.2 km" below 10 km, "15 km" beyond.
std::string FormatDistance(double metres);
// A facility's address as people look for it: the road address, else the lot address.
const std::string& AddressOf(const Facility& f);
// The labels of a set's bits, in bit order: "노인, 장애인"; "청년, 중장년".
std::string TargetListText(TargetSet targets);
std::string StageListText(LifeStageSet stages);
// A program's level and area: "시군 · 김제시", or just the level when it names no area.
std::string ProgramPlaceText(const Program& p);
// printf with one or two ints into a std::string (the string table's formats).
std::string Format(const char* format, int a, int b = 0);
// printf with a string, then an int (formats like "%s 주변 시설 %d곳", or "%s" alone).
std::string FormatText(const char* format, const char* text, int number = 0);
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
// For a facility placed by address only (a coordinate would point at its area, not at it): Kakao
// Map's documented /link/search/ and Naver Map's search page, for its address (AddressOf; its name
// when the source gives no address).
std::string KakaoAddressSearchUrl(const Facility& f);
std::string NaverAddressSearchUrl(const Facility& f);

}  // namespace bokji::web
