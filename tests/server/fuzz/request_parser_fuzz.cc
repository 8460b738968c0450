// libFuzzer target: the help-request and correction parsers (server/help_request.h) on any bytes.
// Checks, beyond "no crash, no sanitizer report": a parse either fails with at least one error
// naming a reason in both languages, or succeeds with a value whose sealed form (PersonalJson)
// reads back the same.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/help_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bokji::server;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  const std::string version = HelpConsent(90).version;
  Parsed<HelpRequestInput> help = ParseHelpRequest(body, version);
  if (help.errors.empty() != help.value.has_value()) std::abort();
  for (const FieldError& e : help.errors) {
    if (e.code.empty() || e.message_ko.empty() || e.message_en.empty()) std::abort();
  }
  if (help.value) {
    std::optional<HelpRequestInput> back = FromPersonalJson(PersonalJson(*help.value));
    if (!back || PersonalJson(*back) != PersonalJson(*help.value)) std::abort();
  }
  Parsed<CorrectionInput> correction = ParseCorrection(body, CorrectionConsent(90).version);
  if (correction.errors.empty() != correction.value.has_value()) std::abort();
  if (correction.value) {
    std::optional<CorrectionInput> back =
        CorrectionFromPersonalJson(CorrectionPersonalJson(*correction.value));
    if (!back || back->what_is_wrong != correction.value->what_is_wrong) std::abort();
  }
  return 0;
}
