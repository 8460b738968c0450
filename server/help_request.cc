#include "server/help_request.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace bokji::server {
namespace {

using nlohmann::json;

// Decodes one UTF-8 code point at s[i] (already validated by the JSON parser); advances i.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  uint32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

class Checker {
 public:
  std::vector<FieldError> errors;

  void Add(std::string field, std::string code, std::string ko, std::string en) {
    errors.push_back({std::move(field), std::move(code), std::move(ko), std::move(en)});
  }

  // Checks a text value against the shared rules; returns the text with "\r\n" as "\n", or nullopt.
  std::optional<std::string> Text(const std::string& field, const json& value, size_t max_chars,
                                  int max_lines, bool required) {
    if (!value.is_string()) {
      Add(field, "wrong_type", "글자로 적어 주세요.", "must be text (a JSON string).");
      return std::nullopt;
    }
    std::string text;
    const std::string& raw = value.get_ref<const std::string&>();
    text.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      text += raw[i];
    }
    size_t chars = 0;
    int lines = 1;
    bool only_space = true;
    for (size_t i = 0; i < text.size();) {
      size_t at = i;
      uint32_t cp = NextCodePoint(text, i);
      ++chars;
      if (cp == '\n') {
        ++lines;
        if (max_lines <= 1) {
          Add(field, "line_break", "한 줄로 적어 주세요.", "must be a single line.");
          return std::nullopt;
        }
        continue;
      }
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        Add(field, "control_character", "보이지 않는 제어 문자는 쓸 수 없습니다.",
            "must not contain control characters.");
        return std::nullopt;
      }
      if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
          cp == 0x200F || cp == 0xFEFF) {
        Add(field, "bidi_control", "글자 방향을 바꾸는 특수 문자는 쓸 수 없습니다.",
            "must not contain bidirectional-control characters.");
        return std::nullopt;
      }
      if (cp == '<' && i < text.size()) {
        char next = text[i];
        if (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' ||
            next == '?') {
          (void)at;
          Add(field, "markup", "HTML 같은 태그(<...>)는 쓸 수 없습니다.",
              "must not contain markup tags (<...>).");
          return std::nullopt;
        }
      }
      if (cp != ' ' && cp != '\t' && cp != 0x3000) only_space = false;
    }
    if (chars > max_chars) {
      Add(field, "too_long", std::to_string(max_chars) + "자 이내로 적어 주세요.",
          "must be at most " + std::to_string(max_chars) + " characters.");
      return std::nullopt;
    }
    if (lines > max_lines) {
      Add(field, "too_many_lines", std::to_string(max_lines) + "줄 이내로 적어 주세요.",
          "must be at most " + std::to_string(max_lines) + " lines.");
      return std::nullopt;
    }
    if (required && only_space) {
      Add(field, "required", "내용을 적어 주세요.", "is required.");
      return std::nullopt;
    }
    return only_space ? std::string() : text;
  }

  // A Korean phone number: 9 to 11 digits starting with 0 (or +82 then the number without its 0),
  // with optional spaces, hyphens, dots or parentheses. Returns the digits with the leading 0.
  std::optional<std::string> Phone(const std::string& field, const json& value) {
    if (!value.is_string()) {
      Add(field, "wrong_type", "전화번호를 글자로 적어 주세요.", "must be text (a JSON string).");
      return std::nullopt;
    }
    const std::string& raw = value.get_ref<const std::string&>();
    std::string digits;
    std::string_view rest = raw;
    if (rest.substr(0, 3) == "+82") {
      digits = "0";
      rest.remove_prefix(3);
    }
    for (char c : rest) {
      if (c >= '0' && c <= '9') {
        digits += c;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        Add(field, "invalid_phone", "전화번호는 숫자와 '-'만 적어 주세요. (예: 010-1234-5678)",
            "must be a phone number: digits and '-' only (e.g. 010-1234-5678).");
        return std::nullopt;
      }
    }
    if (digits.substr(0, 2) == "00") digits.erase(0, 1);
    if (digits.size() < 9 || digits.size() > 11 || digits[0] != '0') {
      Add(field, "invalid_phone",
          "전화번호 자릿수가 맞지 않습니다. (예: 010-1234-5678, 063-123-4567)",
          "must be a Korean phone number of 9 to 11 digits starting with 0.");
      return std::nullopt;
    }
    return digits;
  }

  // Fields of `object` not in `known` are errors: nothing personal is silently dropped.
  void OnlyKnown(const std::string& prefix, const json& object,
                 std::initializer_list<std::string_view> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      bool found = false;
      for (std::string_view k : known) found = found || it.key() == k;
      if (!found) {
        std::string field = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (field.size() > 80) field = field.substr(0, 80);
        Add(field, "unknown_field", "알 수 없는 항목입니다.", "is not a field of this form.");
      }
    }
  }

  bool Object(const std::string& field, const json& value) {
    if (value.is_object()) return true;
    Add(field, "wrong_type", "항목의 형식이 맞지 않습니다 (객체여야 합니다).",
        "must be a JSON object.");
    return false;
  }

  Contact ContactFields(const std::string& field, const json& value, bool with_time) {
    Contact c;
    if (!Object(field, value)) return c;
    if (with_time) {
      OnlyKnown(field, value, {"name", "phone", "best_time"});
    } else {
      OnlyKnown(field, value, {"name", "phone"});
    }
    if (value.contains("name"))
      c.name = Text(field + ".name", value["name"], 40, 1, false).value_or("");
    if (value.contains("phone")) {
      if (!(value["phone"].is_string() && value["phone"].get_ref<const std::string&>().empty())) {
        c.phone = Phone(field + ".phone", value["phone"]).value_or("");
      }
    }
    if (with_time && value.contains("best_time")) {
      c.best_time = Text(field + ".best_time", value["best_time"], 40, 1, false).value_or("");
    }
    return c;
  }

  void Consent(const json& body, const std::string& version, std::string* out) {
    if (!body.contains("consent")) {
      Add("consent", "required",
          "개인정보 수집·이용에 동의해야 보낼 수 있습니다. 동의하지 않으시면 "
          "129(보건복지상담센터)로 "
          "전화해 주세요.",
          "consent to the collection and use of personal data is required; without it, please call "
          "129.");
      return;
    }
    const json& consent = body["consent"];
    if (!Object("consent", consent)) return;
    OnlyKnown("consent", consent, {"agreed", "version"});
    if (!consent.contains("agreed") || !consent["agreed"].is_boolean() ||
        !consent["agreed"].get<bool>()) {
      Add("consent.agreed", "required",
          "개인정보 수집·이용에 동의해야 보낼 수 있습니다. 동의하지 않으시면 "
          "129(보건복지상담센터)로 "
          "전화해 주세요.",
          "must be true: consent is required; without it, please call 129.");
    }
    if (!consent.contains("version") || !consent["version"].is_string() ||
        consent["version"].get_ref<const std::string&>() != version) {
      Add("consent.version", "stale_consent",
          "동의 문구가 바뀌었습니다. 새 문구를 읽고 다시 동의해 주세요.",
          "must be the version of the consent text the service currently shows (" + version + ").");
      return;
    }
    *out = version;
  }
};

json ParseObject(std::string_view body, Checker& check) {
  json parsed = json::parse(body.begin(), body.end(), nullptr, false);
  if (parsed.is_discarded()) {
    check.Add("", "malformed_json", "보낸 내용을 읽을 수 없습니다 (JSON 형식 오류).",
              "the body is not valid JSON (or not valid UTF-8).");
    return json();
  }
  if (!parsed.is_object()) {
    check.Add("", "wrong_type", "보낸 내용의 형식이 맞지 않습니다 (JSON 객체여야 합니다).",
              "the body must be a JSON object.");
    return json();
  }
  return parsed;
}

json ContactJson(const Contact& c) {
  return json{{"name", c.name}, {"phone", c.phone}, {"best_time", c.best_time}};
}
Contact ContactFromJson(const json& j) {
  Contact c;
  c.name = j.value("name", "");
  c.phone = j.value("phone", "");
  c.best_time = j.value("best_time", "");
  return c;
}

}  // namespace

const std::vector<SituationInfo>& Situations() {
  static const std::vector<SituationInfo> kSituations = {
      {"livelihood", "생계 곤란·실직·폐업", "Hardship, job loss or business closure"},
      {"health", "질병·장애", "Illness or disability"},
      {"isolation", "고립·고독", "Isolation or loneliness"},
      {"housing", "주거 위기", "Housing crisis"},
      {"arrears", "공과금·체납", "Unpaid bills or arrears"},
      {"care", "돌봄 공백", "No one to provide care"},
      {"other", "기타", "Other"},
  };
  return kSituations;
}

ConsentText HelpConsent(int retention_days) {
  std::string days = std::to_string(retention_days);
  ConsentText c;
  c.version = "help-2026-11-r" + days;
  c.text_ko =
      "[개인정보 수집·이용 동의] (개인정보 보호법 제15조)\n"
      "1. 수집 항목: 도움이 필요한 분의 상황(생계·질병·장애·고립·주거·체납·돌봄 등), 적어 주신 "
      "내용, 위치"
      "(지도에서 고른 곳 또는 시군구·읍면동), 이름·전화번호·연락 가능 시간(적은 경우), 알리는 분의 "
      "이름·전화번호(적은 경우).\n"
      "2. 수집·이용 목적: 관할 읍면동 행정복지센터(맞춤형복지팀)가 위기가구를 확인하고 상담하며 "
      "복지서비스를 연계하기 위함.\n"
      "3. 보유·이용 기간: 처리가 종결된 날부터 " +
      days +
      "일 뒤에 파기합니다. 누가 언제 열람했는지의 기록(개인정보 없음)은 2년 이상 보관합니다.\n"
      "4. 동의를 거부할 권리: 동의하지 않으실 수 있습니다. 동의하지 않으면 온라인으로 접수할 수 "
      "없으며, 129(보건복지상담센터, 24시간) 또는 가까운 행정복지센터로 전화해 도움을 요청하실 수 "
      "있습니다.\n"
      "건강 상태(질병·장애)에 관한 정보는 위 목적에만 쓰입니다.";
  c.text_en =
      "[Consent to the collection and use of personal data] (Personal Information Protection Act, "
      "Article 15)\n"
      "1. Items: the situation of the person in need (livelihood, illness, disability, isolation, "
      "housing, arrears, care), what you write, the place (a point on the map or a district), "
      "name, "
      "phone and best time to call (if given), and the reporter's name and phone (if given).\n"
      "2. Purpose: so that the community centre of that district (its welfare team) can check on "
      "the "
      "household, counsel it and connect it with welfare services.\n"
      "3. Retention: deleted " +
      days +
      " days after the case is closed. The record of who read it and when (no personal data) is "
      "kept "
      "for at least 2 years.\n"
      "4. Your right to refuse: you may refuse. Without consent the request cannot be sent online; "
      "call 129 (Health and Welfare Call Centre, 24 hours) or your community centre instead.\n"
      "Information about health (illness, disability) is used for this purpose only.";
  return c;
}

ConsentText CorrectionConsent(int retention_days) {
  std::string days = std::to_string(retention_days);
  ConsentText c;
  c.version = "correction-2026-11-r" + days;
  c.text_ko =
      "[개인정보 수집·이용 동의] (연락처를 적은 경우에만, 개인정보 보호법 제15조)\n"
      "1. 수집 항목: 이름, 전화번호.\n"
      "2. 목적: 알려 주신 정보를 확인하며 궁금한 점을 여쭙기 위함.\n"
      "3. 보유 기간: 처리가 끝난 날부터 " +
      days +
      "일 뒤 파기.\n"
      "4. 거부할 권리: 동의하지 않으셔도 됩니다. 이때는 연락처 없이 보내 주세요.";
  c.text_en =
      "[Consent] (only if you give a contact; Personal Information Protection Act, Article 15)\n"
      "1. Items: name, phone. 2. Purpose: to ask you about the correction. 3. Retention: deleted " +
      days +
      " days after it is handled. 4. You may refuse: then send the report without a contact.";
  return c;
}

Parsed<HelpRequestInput> ParseHelpRequest(std::string_view body,
                                          const std::string& consent_version) {
  Checker check;
  Parsed<HelpRequestInput> out;
  json j = ParseObject(body, check);
  if (!check.errors.empty()) {
    out.errors = std::move(check.errors);
    return out;
  }
  HelpRequestInput in;
  bool for_whom_known = false;
  check.OnlyKnown("", j,
                  {"service_code", "for_whom", "situations", "description", "lat", "long",
                   "region_code", "address_string", "contact", "reporter", "consent"});
  // service_code
  if (!j.contains("service_code")) {
    check.Add("service_code", "required", "요청 종류(service_code)가 없습니다.", "is required.");
  } else if (!j["service_code"].is_string() ||
             j["service_code"].get<std::string>() != kHelpServiceCode) {
    check.Add("service_code", "unknown_service", "알 수 없는 요청 종류입니다.",
              "must be \"crisis_help\".");
  }
  // for_whom
  if (!j.contains("for_whom")) {
    check.Add("for_whom", "required", "본인인지, 다른 사람을 알리는지 골라 주세요.",
              "is required: \"self\" or \"other\".");
  } else if (j["for_whom"] == "self" || j["for_whom"] == "other") {
    in.for_self = j["for_whom"] == "self";
    for_whom_known = true;
  } else {
    check.Add("for_whom", "invalid_choice", "'self'(본인) 또는 'other'(다른 사람)여야 합니다.",
              "must be \"self\" or \"other\".");
  }
  // situations
  if (!j.contains("situations") || (j["situations"].is_array() && j["situations"].empty())) {
    check.Add("situations", "required", "어떤 어려움인지 한 가지 이상 골라 주세요.",
              "choose at least one situation.");
  } else if (!j["situations"].is_array()) {
    check.Add("situations", "wrong_type", "상황은 목록으로 보내야 합니다.",
              "must be a JSON array.");
  } else {
    const json& list = j["situations"];
    std::vector<bool> chosen(Situations().size(), false);
    for (size_t i = 0; i < list.size() && i < 20; ++i) {
      std::string field = "situations[" + std::to_string(i) + "]";
      bool found = false;
      for (size_t k = 0; k < Situations().size(); ++k) {
        if (list[i].is_string() && list[i].get_ref<const std::string&>() == Situations()[k].code) {
          found = true;
          if (chosen[k]) {
            check.Add(field, "duplicate", "같은 상황을 두 번 골랐습니다.", "is chosen twice.");
          }
          chosen[k] = true;
        }
      }
      if (!found) {
        check.Add(field, "invalid_choice", "알 수 없는 상황입니다.",
                  "must be one of livelihood, health, isolation, housing, arrears, care, other.");
      }
    }
    if (list.size() > Situations().size()) {
      check.Add("situations", "too_many", "상황이 너무 많습니다.", "has too many entries.");
    }
    for (size_t k = 0; k < chosen.size(); ++k) {
      if (chosen[k]) in.situations.emplace_back(Situations()[k].code);
    }
  }
  if (j.contains("description")) {
    in.description = check.Text("description", j["description"], 1000, 20, false).value_or("");
  }
  // where
  bool has_lat = j.contains("lat"), has_long = j.contains("long"),
       has_region = j.contains("region_code");
  if (has_lat || has_long) {
    if (!has_lat || !has_long) {
      check.Add(has_lat ? "long" : "lat", "required", "위도와 경도를 함께 보내야 합니다.",
                "lat and long go together.");
    } else if (!j["lat"].is_number() || !j["long"].is_number()) {
      check.Add(!j["lat"].is_number() ? "lat" : "long", "wrong_type", "좌표는 숫자여야 합니다.",
                "must be a number (WGS84 degrees).");
    } else {
      double lat = j["lat"].get<double>(), lng = j["long"].get<double>();
      if (!std::isfinite(lat) || lat < -90 || lat > 90) {
        check.Add("lat", "out_of_range", "위도가 범위를 벗어났습니다.",
                  "must be between -90 and 90.");
      } else if (!std::isfinite(lng) || lng < -180 || lng > 180) {
        check.Add("long", "out_of_range", "경도가 범위를 벗어났습니다.",
                  "must be between -180 and 180.");
      } else {
        in.has_point = true;
        in.lat = lat;
        in.lng = lng;
      }
    }
    if (has_region) {
      check.Add("region_code", "conflict", "위치는 지도 위 지점이나 지역 중 하나만 보내 주세요.",
                "send either lat/long or region_code, not both.");
    }
  } else if (has_region) {
    const json& r = j["region_code"];
    if (!r.is_number_integer() && !r.is_number_unsigned()) {
      check.Add("region_code", "wrong_type", "지역 코드는 정수여야 합니다.", "must be an integer.");
    } else if (r.get<int64_t>() < 10000 || r.get<int64_t>() > 9999999) {
      check.Add("region_code", "out_of_range", "시군구(5자리) 또는 읍면동(7자리) 코드가 아닙니다.",
                "must be a 5-digit 시군구 or 7-digit 읍면동 code.");
    } else {
      in.region_code = static_cast<uint32_t>(r.get<int64_t>());
    }
  } else {
    check.Add("lat", "required",
              "어디인지 알려 주세요: 지도에서 고르거나 시군구·읍면동을 골라 주세요.",
              "the place is required: lat/long, or region_code.");
  }
  if (j.contains("address_string")) {
    in.address_string =
        check.Text("address_string", j["address_string"], 200, 2, false).value_or("");
  }
  if (j.contains("contact")) in.contact = check.ContactFields("contact", j["contact"], true);
  if (j.contains("reporter")) {
    if (for_whom_known && in.for_self) {
      check.Add("reporter", "not_allowed", "본인 요청에는 알리는 사람 정보를 적지 않습니다.",
                "is only for reports about someone else (for_whom \"other\").");
    } else {
      in.reporter = check.ContactFields("reporter", j["reporter"], false);
    }
  }
  if (for_whom_known && in.for_self && in.contact.phone.empty()) {
    bool phone_error = false;
    for (const FieldError& e : check.errors)
      phone_error = phone_error || e.field == "contact.phone";
    if (!phone_error) {
      check.Add("contact.phone", "required", "담당 공무원이 연락드릴 전화번호를 적어 주세요.",
                "a phone number is required when asking for yourself.");
    }
  }
  check.Consent(j, consent_version, &in.consent_version);
  out.errors = std::move(check.errors);
  if (out.errors.empty()) out.value = std::move(in);
  return out;
}

std::string PersonalJson(const HelpRequestInput& in) {
  json j{{"for_whom", in.for_self ? "self" : "other"},
         {"situations", in.situations},
         {"description", in.description},
         {"address_string", in.address_string},
         {"contact", ContactJson(in.contact)},
         {"reporter", ContactJson(in.reporter)}};
  if (in.has_point) {
    j["lat"] = in.lat;
    j["long"] = in.lng;
  } else {
    j["region_code"] = in.region_code;
  }
  return j.dump();
}

std::optional<HelpRequestInput> FromPersonalJson(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    HelpRequestInput in;
    in.for_self = j.at("for_whom") == "self";
    in.situations = j.at("situations").get<std::vector<std::string>>();
    in.description = j.at("description").get<std::string>();
    in.address_string = j.at("address_string").get<std::string>();
    in.contact = ContactFromJson(j.at("contact"));
    in.reporter = ContactFromJson(j.at("reporter"));
    if (j.contains("lat")) {
      in.has_point = true;
      in.lat = j["lat"].get<double>();
      in.lng = j["long"].get<double>();
    } else {
      in.region_code = j.at("region_code").get<uint32_t>();
    }
    return in;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

Parsed<CorrectionInput> ParseCorrection(std::string_view body, const std::string& consent_version) {
  Checker check;
  Parsed<CorrectionInput> out;
  json j = ParseObject(body, check);
  if (!check.errors.empty()) {
    out.errors = std::move(check.errors);
    return out;
  }
  CorrectionInput in;
  check.OnlyKnown("", j, {"target", "what_is_wrong", "contact", "consent"});
  if (!j.contains("target")) {
    check.Add("target", "required", "어느 시설이나 서비스에 대한 것인지 빠졌습니다.",
              "is required.");
  } else if (check.Object("target", j["target"])) {
    const json& t = j["target"];
    check.OnlyKnown("target", t, {"kind", "key"});
    if (t.contains("kind") && (t["kind"] == "facility" || t["kind"] == "program")) {
      in.is_program = t["kind"] == "program";
    } else {
      check.Add("target.kind", "invalid_choice",
                "'facility'(시설) 또는 'program'(복지서비스)여야 합니다.",
                "must be \"facility\" or \"program\".");
    }
    if (!t.contains("key")) {
      check.Add("target.key", "required", "시설·서비스 번호가 빠졌습니다.", "is required.");
    } else {
      in.target_key = check.Text("target.key", t["key"], 100, 1, true).value_or("");
    }
  }
  if (!j.contains("what_is_wrong")) {
    check.Add("what_is_wrong", "required", "무엇이 틀렸는지 적어 주세요.", "is required.");
  } else {
    in.what_is_wrong = check.Text("what_is_wrong", j["what_is_wrong"], 1000, 20, true).value_or("");
  }
  if (j.contains("contact")) in.contact = check.ContactFields("contact", j["contact"], false);
  if (!in.contact.empty() || j.contains("consent")) {
    check.Consent(j, consent_version, &in.consent_version);
  }
  out.errors = std::move(check.errors);
  if (out.errors.empty()) out.value = std::move(in);
  return out;
}

std::string CorrectionPersonalJson(const CorrectionInput& in) {
  return json{{"what_is_wrong", in.what_is_wrong}, {"contact", ContactJson(in.contact)}}.dump();
}

std::optional<CorrectionInput> CorrectionFromPersonalJson(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    CorrectionInput in;
    in.what_is_wrong = j.at("what_is_wrong").get<std::string>();
    in.contact = ContactFromJson(j.at("contact"));
    return in;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

bool IsValidIdempotencyKey(std::string_view key) {
  if (key.size() < 8 || key.size() > 100) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

}  // namespace bokji::server
