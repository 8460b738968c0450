#include "web/model/format.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "web/model/strings.h"

namespace bokji::web {

// "2019.12.31", "2025.03" or "2022" as precise as the date is (model.h), or the "not stated" text
// for 0.
std::string FormatDate(Date date) {
  if (date == 0) return Text(StringId::kNotStated);
  char buffer[16];
  if (date % 10000 == 0) {
    std::snprintf(buffer, sizeof(buffer), "%04u", date / 10000);
  } else if (date % 100 == 0) {
    std::snprintf(buffer, sizeof(buffer), "%04u.%02u", date / 10000, (date / 100) % 100);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%04u.%02u.%02u", date / 10000, (date / 100) % 100,
                  date % 100);
  }
  return buffer;
}

std::string FormatEventTime(DateTime start, DateTime end) {
  auto day = [](DateTime t) {
    std::tm parts{};
    parts.tm_year = static_cast<int>(t / 100000000) - 1900;
    parts.tm_mon = static_cast<int>(t / 1000000 % 100) - 1;
    parts.tm_mday = static_cast<int>(t / 10000 % 100);
    parts.tm_hour = 12;
    timegm(&parts);  // fills in the weekday
    char text[48];
    std::snprintf(text, sizeof(text), "%04d.%02d.%02d (%s)", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, WeekdayLabel(parts.tm_wday));
    return std::string(text);
  };
  auto clock = [](DateTime t) {
    char text[8];
    std::snprintf(text, sizeof(text), "%02d:%02d", static_cast<int>(t / 100 % 100),
                  static_cast<int>(t % 100));
    return std::string(text);
  };
  if (start == 0) return Text(StringId::kNotStated);
  std::string text = day(start) + " " + clock(start);
  if (end == 0 || end == start) return text;
  if (end / 10000 == start / 10000) return text + "~" + clock(end);
  return text + " ~ " + day(end) + " " + clock(end);
}

const std::string& AddressOf(const Facility& f) {
  return f.road_address.empty() ? f.lot_address : f.road_address;
}

// The labels of the bits set in `bits`, in bit order, joined by ", ".
template <typename Label>
std::string JoinBitLabels(uint32_t bits, int count, Label label) {
  std::string list;
  for (int bit = 0; bit < count; ++bit) {
    if ((bits & (1u << bit)) == 0) continue;
    if (!list.empty()) list += ", ";
    list += label(1u << bit);
  }
  return list;
}

std::string TargetListText(TargetSet targets) {
  return JoinBitLabels(targets, kTargetGroupCount, TargetLabel);
}

std::string StageListText(LifeStageSet stages) {
  return JoinBitLabels(stages, kLifeStageCount, StageLabel);
}

std::string ProgramPlaceText(const Program& p) {
  std::string text = ProgramLevelLabel(p.level);
  if (!p.region_name.empty()) text += " · " + p.region_name;
  return text;
}

std::string Format(const char* format, int a, int b) {
  char buffer[256];
  std::snprintf(buffer, sizeof(buffer), format, a, b);
  return buffer;
}

std::string FormatText(const char* format, const char* text, int number) {
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer), format, text, number);
  return buffer;
}

// Percent-encodes everything but unreserved characters (RFC 3986), UTF-8 bytes included.
std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseQueryString(const std::string& query) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  auto decode = [&](const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '+') {
        out += ' ';
      } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
                 hex(text[i + 2]) >= 0) {
        out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  };
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string part = query.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    const size_t equals = part.find('=');
    if (equals == std::string::npos)
      pairs.emplace_back(decode(part), "");
    else
      pairs.emplace_back(decode(part.substr(0, equals)), decode(part.substr(equals + 1)));
  }
  return pairs;
}

// "tel:0632229999" from "063-222-9999"; empty when the text holds no digits.
std::string TelUrl(const std::string& phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
    if (c == '+' && digits.empty()) digits += c;
    // "063-222-9999 (내선 2)" or "063-222-9999, 9998": the first number only.
    if ((c == ',' || c == '(' || c == '/' || c == '~') && digits.size() >= 7) break;
  }
  return digits.size() >= 3 ? "tel:" + digits : "";
}

// A run of digits and hyphens is a phone number when it looks like one: 9 to 11 digits from a
// leading 0, 8 digits as 1xxx-xxxx, or 3 to 4 digits from a 1 with nothing but a separator after.
std::string PhoneInText(const std::string& text) {
  auto is_part = [](char c) { return (c >= '0' && c <= '9') || c == '-'; };
  size_t i = 0;
  while (i < text.size()) {
    if (!is_part(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_part(text[end])) ++end;
    size_t begin = i;
    while (begin < end && text[begin] == '-') ++begin;
    size_t last = end;
    while (last > begin && text[last - 1] == '-') --last;
    const std::string run = text.substr(begin, last - begin);
    int digits = 0;
    for (char c : run) digits += c != '-';
    const bool hyphenated = run.find('-') != std::string::npos;
    const char after = end < text.size() ? text[end] : ' ';
    const bool stands_alone =
        after == ' ' || after == ',' || after == ')' || after == '(' || after == '/';
    if (!run.empty() &&
        ((run[0] == '0' && digits >= 9 && digits <= 11) ||
         (run[0] == '1' && digits == 8 && hyphenated) ||
         (run[0] == '1' && digits >= 3 && digits <= 4 && !hyphenated && stands_alone)))
      return run;
    i = end;
  }
  return "";
}

// Distances as people read them: "350 m", "1.2 km", "15 km".
std::string FormatDistance(double metres) {
  char buffer[32];
  const int to_ten_metres = static_cast<int>(std::round(metres / 10) * 10);
  if (to_ten_metres < 1000)
    std::snprintf(buffer, sizeof(buffer), "%d m", to_ten_metres);
  else if (metres < 10000)
    std::snprintf(buffer, sizeof(buffer), "%.1f km", metres / 1000);
  else
    std::snprintf(buffer, sizeof(buffer), "%d km", static_cast<int>(std::round(metres / 1000)));
  return buffer;
}

// Kakao Map's documented link "to" a named point: /link/to/{name},{lat},{lng}.
std::string KakaoDirectionsUrl(const Facility& f) {
  char coordinates[64];
  std::snprintf(coordinates, sizeof(coordinates), ",%.6f,%.6f", f.position.lat, f.position.lng);
  return "https://map.kakao.com/link/to/" + UrlEncode(f.name) + coordinates;
}

namespace {
const std::string& SearchTextOf(const Facility& f) {
  return AddressOf(f).empty() ? f.name : AddressOf(f);
}
}  // namespace

std::string KakaoAddressSearchUrl(const Facility& f) {
  return "https://map.kakao.com/link/search/" + UrlEncode(SearchTextOf(f));
}

std::string NaverAddressSearchUrl(const Facility& f) {
  return "https://map.naver.com/p/search/" + UrlEncode(SearchTextOf(f));
}

// Naver Map's web directions with the destination set (elng, elat, etext).
std::string NaverDirectionsUrl(const Facility& f) {
  char coordinates[80];
  std::snprintf(coordinates, sizeof(coordinates),
                "?menu=route&elng=%.6f&elat=%.6f&etext=", f.position.lng, f.position.lat);
  return std::string("https://map.naver.com/index.nhn") + coordinates + UrlEncode(f.name);
}

}  // namespace bokji::web
