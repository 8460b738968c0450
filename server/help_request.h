// What a citizen sends: the help-request form (위기가구 도움 요청) and the "정보가 틀렸어요"
// correction report, parsed from JSON and checked field by field. Pure functions over bytes: no
// storage, no network (so the fuzz target in tests/server/fuzz runs them alone).
//
//   // clang-format off
//   bokji::server::Parsed<bokji::server::HelpRequestInput> parsed =
//   bokji::server::ParseHelpRequest(body); if (!parsed.errors.empty()) return
//   Reply400(parsed.errors);  // each names the field and why, ko + en const
//   bokji::server::HelpRequestInput& request = *parsed.value;
//   // clang-format on
//
// The JSON fields, their limits and the reasons for each are in docs/help-requests.md. Rules that
// hold for every text field: valid UTF-8 (the JSON parser checks it); no control characters except
// line breaks where lines are allowed ("\r\n" is kept as "\n"); no bidirectional-override
// characters; no markup (a '<' followed by a letter, '/', '!' or '?'); at most a stated number of
// characters (code points) and lines. Text is stored exactly as sent otherwise (apostrophes, quotes
// and SQL-looking text are ordinary text: storage binds parameters and the staff page sets
// textContent).
//
// Index
//   - FieldError, Parsed<T>               what a check returns
//   - Situation codes, consent text       the vocabularies the form uses
//   - HelpRequestInput, ParseHelpRequest  the help request
//   - CorrectionInput, ParseCorrection    the correction report
//   - IsValidIdempotencyKey
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bokji::server {

// One problem with one field. `field` is a JSON path ("contact.phone", "situations[2]"), "" for the
// body as a whole; `code` a stable machine word ("required", "too_long").
struct FieldError {
  std::string field;
  std::string code;
  std::string message_ko;
  std::string message_en;
};

template <typename T>
struct Parsed {
  std::optional<T> value;  // set only when errors is empty
  std::vector<FieldError> errors;
};

// ---------------------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------------------
inline constexpr std::string_view kHelpServiceCode = "crisis_help";
inline constexpr std::string_view kCorrectionServiceCode = "info_correction";

struct SituationInfo {
  std::string_view code;
  std::string_view name_ko;
  std::string_view name_en;
};
// The situations in the order the form shows them: livelihood, health, isolation, housing, arrears,
// care, other.
const std::vector<SituationInfo>& Situations();

// The consent the form shows (개인정보 보호법 제15조: items, purpose, retention, the right to
// refuse and what refusing means). `retention_days` is the configured deletion delay after 종결.
struct ConsentText {
  std::string version;  // what a request must echo in consent.version
  std::string text_ko;
  std::string text_en;
};
ConsentText HelpConsent(int retention_days);
ConsentText CorrectionConsent(int retention_days);

// ---------------------------------------------------------------------------------------------------------
// The help request
// ---------------------------------------------------------------------------------------------------------
struct Contact {
  std::string name;       // may be empty
  std::string phone;      // digits only ("01012345678"); may be empty
  std::string best_time;  // "평일 오후" as written; may be empty
  bool empty() const { return name.empty() && phone.empty() && best_time.empty(); }
};

struct HelpRequestInput {
  bool for_self = true;                 // false: a neighbour's report about someone else
  std::vector<std::string> situations;  // codes from Situations(), unique, in the table's order
  std::string description;              // free text, may be empty
  bool has_point = false;
  double lat = 0, lng = 0;   // when has_point
  uint32_t region_code = 0;  // a chosen 시군구 (5 digits) or 읍면동 (7 digits) when !has_point
  std::string address_string;  // where, in words ("○○아파트 앞"); may be empty
  Contact contact;             // the person in need; phone required when for_self
  Contact reporter;  // the neighbour who reports; empty = anonymous; always empty if for_self
  std::string consent_version;
};

Parsed<HelpRequestInput> ParseHelpRequest(std::string_view body,
                                          const std::string& consent_version);

// The personal part of a request as JSON (everything above except the consent version), sealed at
// rest.
std::string PersonalJson(const HelpRequestInput& input);
// The inverse; nullopt if the JSON is not one PersonalJson wrote.
std::optional<HelpRequestInput> FromPersonalJson(std::string_view json);

// ---------------------------------------------------------------------------------------------------------
// The correction report ("정보가 틀렸어요")
// ---------------------------------------------------------------------------------------------------------
struct CorrectionInput {
  bool is_program = false;  // false: a facility (by source_key); true: a program (by service_id)
  std::string target_key;
  std::string what_is_wrong;  // required free text
  Contact contact;            // optional; when given, consent must be agreed
  std::string consent_version;
};

Parsed<CorrectionInput> ParseCorrection(std::string_view body, const std::string& consent_version);
std::string CorrectionPersonalJson(const CorrectionInput& input);
std::optional<CorrectionInput> CorrectionFromPersonalJson(std::string_view json);

// 8 to 100 characters of A–Z a–z 0–9 - _ . : (a UUID fits).
bool IsValidIdempotencyKey(std::string_view key);

}  // namespace bokji::server
