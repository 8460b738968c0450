// The help-request and correction parsers (server/help_request.h): what they accept, what they
// refuse and why, and a deterministic random mutation run (the fuzz target's property, without
// clang).
#include <random>

#include <nlohmann/json.hpp>

#include "server/help_request.h"
#include "tests/server/server_test_util.h"

namespace bokji::server {
namespace {

using nlohmann::json;

const std::string kVersion = HelpConsent(90).version;

json ValidOther() {
  return json{{"service_code", "crisis_help"},
              {"for_whom", "other"},
              {"situations", {"isolation", "health"}},
              {"description", "(가상) 옆집 어르신이\r\n며칠째 안 보여요"},
              {"lat", 35.7928},
              {"long", 127.185},
              {"consent", {{"agreed", true}, {"version", kVersion}}}};
}

std::vector<std::string> Fields(const Parsed<HelpRequestInput>& p) {
  std::vector<std::string> out;
  for (const FieldError& e : p.errors) out.push_back(e.field + ":" + e.code);
  return out;
}

TEST(RequestParser, AcceptsAnAnonymousNeighbourReport) {
  auto p = ParseHelpRequest(ValidOther().dump(), kVersion);
  ASSERT_TRUE(p.errors.empty()) << ::testing::PrintToString(Fields(p));
  EXPECT_FALSE(p.value->for_self);
  // Situations come back in the form's order, whatever order they were sent in.
  EXPECT_EQ(p.value->situations, (std::vector<std::string>{"health", "isolation"}));
  EXPECT_EQ(p.value->description, "(가상) 옆집 어르신이\n며칠째 안 보여요");
  EXPECT_TRUE(p.value->has_point);
  EXPECT_TRUE(p.value->reporter.empty());
}

TEST(RequestParser, AskingForYourselfNeedsAPhoneAndNormalisesIt) {
  json body = ValidOther();
  body["for_whom"] = "self";
  EXPECT_EQ(Fields(ParseHelpRequest(body.dump(), kVersion)),
            std::vector<std::string>{"contact.phone:required"});
  body["contact"] = {{"phone", "+82 10-1234-5678"}, {"best_time", "평일 오후"}};
  auto p = ParseHelpRequest(body.dump(), kVersion);
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.value->contact.phone, "01012345678");
  body["reporter"] = {{"name", "가상"}};
  EXPECT_EQ(Fields(ParseHelpRequest(body.dump(), kVersion)),
            std::vector<std::string>{"reporter:not_allowed"});
}

TEST(RequestParser, EachBadFieldIsNamedWithAReasonInBothLanguages) {
  struct Case {
    std::function<void(json&)> change;
    std::string expected;  // field:code
  } cases[] = {
      {[](json& b) { b.erase("consent"); }, "consent:required"},
      {[](json& b) { b["consent"]["agreed"] = false; }, "consent.agreed:required"},
      {[](json& b) { b["consent"]["version"] = "old"; }, "consent.version:stale_consent"},
      {[](json& b) { b["service_code"] = "pothole"; }, "service_code:unknown_service"},
      {[](json& b) { b["for_whom"] = 1; }, "for_whom:invalid_choice"},
      {[](json& b) { b["situations"] = json::array(); }, "situations:required"},
      {[](json& b) { b["situations"] = "health"; }, "situations:wrong_type"},
      {[](json& b) {
         b["situations"] = {"health", "health"};
       },
       "situations[1]:duplicate"},
      {[](json& b) { b["situations"] = {"bored"}; }, "situations[0]:invalid_choice"},
      {[](json& b) { b["lat"] = "35.8"; }, "lat:wrong_type"},
      {[](json& b) { b.erase("long"); }, "long:required"},
      {[](json& b) { b["lat"] = 95; }, "lat:out_of_range"},
      {[](json& b) { b["region_code"] = 3501160; }, "region_code:conflict"},
      {[](json& b) {
         b.erase("lat");
         b.erase("long");
       },
       "lat:required"},
      {[](json& b) {
         b.erase("lat");
         b.erase("long");
         b["region_code"] = "3501160";
       },
       "region_code:wrong_type"},
      {[](json& b) { b["description"] = std::string(1001, 'a'); }, "description:too_long"},
      {[](json& b) { b["description"] = std::string(25, '\n'); }, "description:too_many_lines"},
      {[](json& b) { b["description"] = 5; }, "description:wrong_type"},
      {[](json& b) { b["contact"] = "010"; }, "contact:wrong_type"},
      {[](json& b) {
         b["contact"] = {{"phone", "call me"}};
       },
       "contact.phone:invalid_phone"},
      {[](json& b) {
         b["contact"] = {{"phone", "010-12"}};
       },
       "contact.phone:invalid_phone"},
      {[](json& b) {
         b["contact"] = {{"name", "a\nb"}};
       },
       "contact.name:line_break"},
      {[](json& b) { b["nickname"] = "x"; }, "nickname:unknown_field"},
      {[](json& b) {
         b["contact"] = {{"email", "x@example.org"}};
       },
       "contact.email:unknown_field"},
  };
  for (const Case& c : cases) {
    json body = ValidOther();
    c.change(body);
    auto p = ParseHelpRequest(body.dump(), kVersion);
    ASSERT_FALSE(p.value) << c.expected;
    EXPECT_EQ(Fields(p), std::vector<std::string>{c.expected}) << body.dump();
    for (const FieldError& e : p.errors) {
      EXPECT_FALSE(e.message_ko.empty());
      EXPECT_FALSE(e.message_en.empty());
    }
  }
}

TEST(RequestParser, RefusesBodiesThatAreNotOneJsonObject) {
  for (const std::string body : {"", "{", "[]", "null", "\"text\"", "{\"a\":1}}", "\xff\xfe{}",
                                 "{\"description\":\"\xc3\x28\"}"}) {
    auto p = ParseHelpRequest(body, kVersion);
    ASSERT_EQ(p.errors.size(), 1u) << body;
    EXPECT_EQ(p.errors[0].field, "");
  }
}

TEST(RequestParser, TextWithMarkupControlOrDirectionCharactersIsRefused) {
  for (const std::string& text : std::vector<std::string>{
           "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a<!--b-->",
           std::string("a\0b", 3), "\x1b[31mred", "abc\u202Eevil", "\u2066x\u2069"}) {
    json body = ValidOther();
    body["description"] = text;
    auto p = ParseHelpRequest(body.dump(), kVersion);
    ASSERT_EQ(p.errors.size(), 1u) << text;
    EXPECT_EQ(p.errors[0].field, "description");
  }
  // Ordinary text with quotes, comparisons and SQL-looking words is text.
  for (const std::string text : {"'); DROP TABLE help_requests; --", "1 < 2 그리고 3 > 2",
                                 "{{7*7}}", "../../etc/passwd", "O'Brien \"가상\""}) {
    json body = ValidOther();
    body["description"] = text;
    auto p = ParseHelpRequest(body.dump(), kVersion);
    ASSERT_TRUE(p.errors.empty()) << text;
    EXPECT_EQ(p.value->description, text);
  }
}

TEST(RequestParser, PersonalJsonRoundTrips) {
  json body = ValidOther();
  body["reporter"] = {{"name", "가상 이웃"}, {"phone", "063-123-4567"}};
  body["address_string"] = "가상아파트 101동 앞";
  auto p = ParseHelpRequest(body.dump(), kVersion);
  ASSERT_TRUE(p.value);
  auto back = FromPersonalJson(PersonalJson(*p.value));
  ASSERT_TRUE(back);
  EXPECT_EQ(PersonalJson(*back), PersonalJson(*p.value));
  EXPECT_EQ(back->reporter.phone, "0631234567");
  EXPECT_FALSE(FromPersonalJson("{\"for_whom\":1}"));
}

TEST(RequestParser, CorrectionsNeedATargetAndTextAndConsentOnlyWithAContact) {
  json body{{"target", {{"kind", "program"}, {"key", "WLF00004475"}}},
            {"what_is_wrong", "전화번호가 바뀌었어요"}};
  std::string version = CorrectionConsent(90).version;
  auto ok = ParseCorrection(body.dump(), version);
  ASSERT_TRUE(ok.value);
  EXPECT_TRUE(ok.value->is_program);
  body["contact"] = {{"phone", "010-0000-0000"}};
  auto no_consent = ParseCorrection(body.dump(), version);
  ASSERT_EQ(no_consent.errors.size(), 1u);
  EXPECT_EQ(no_consent.errors[0].field, "consent");
  body["consent"] = {{"agreed", true}, {"version", version}};
  EXPECT_TRUE(ParseCorrection(body.dump(), version).value);
  body["what_is_wrong"] = "   ";
  EXPECT_EQ(ParseCorrection(body.dump(), version).errors.at(0).field, "what_is_wrong");
  body["target"] = {{"kind", "place"}};
  EXPECT_GE(ParseCorrection(body.dump(), version).errors.size(), 2u);
}

TEST(RequestParser, IdempotencyKeysAreShortPlainTokens) {
  EXPECT_TRUE(IsValidIdempotencyKey("6f1c2a9e-8f4b-4f6e-9a51-0f0c2d1e3b4a"));
  EXPECT_FALSE(IsValidIdempotencyKey("short"));
  EXPECT_FALSE(IsValidIdempotencyKey(std::string(101, 'a')));
  EXPECT_FALSE(IsValidIdempotencyKey("key with spaces"));
  EXPECT_FALSE(IsValidIdempotencyKey("key\r\nSet-Cookie:x"));
}

// Without clang's libFuzzer (tests/server/fuzz), the same property over a seeded random mutation of
// valid and invalid bodies: every parse either fails with reasons or round-trips.
TEST(RequestParser, RandomMutationsNeverCrashAndAlwaysExplainARefusal) {
  std::mt19937 random(20261124);
  std::vector<std::string> seeds = {
      ValidOther().dump(),
      json{{"target", {{"kind", "facility"}, {"key", "k"}}}, {"what_is_wrong", "가상"}}.dump()};
  const char* tokens[] = {"{",
                          "}",
                          "[",
                          "]",
                          "\"",
                          ",",
                          ":",
                          "null",
                          "true",
                          "1e309",
                          "-0",
                          "\\u0000",
                          "\\ud800",
                          "\xed\xa0\x80",
                          "\xff",
                          "<a",
                          "\u202e",
                          "\n",
                          "99999999999999999999"};
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string body = seeds[random() % seeds.size()];
    int edits = 1 + random() % 4;
    for (int e = 0; e < edits && !body.empty(); ++e) {
      size_t at = random() % body.size();
      switch (random() % 3) {
        case 0:
          body.erase(at, 1 + random() % 8);
          break;
        case 1:
          body.insert(at, tokens[random() % std::size(tokens)]);
          break;
        default:
          body[at] = static_cast<char>(random() % 256);
      }
    }
    auto p = ParseHelpRequest(body, kVersion);
    ASSERT_EQ(p.errors.empty(), p.value.has_value());
    for (const FieldError& e : p.errors)
      ASSERT_FALSE(e.code.empty() || e.message_ko.empty() || e.message_en.empty());
    if (p.value) {
      ++accepted;
      ASSERT_EQ(PersonalJson(*FromPersonalJson(PersonalJson(*p.value))), PersonalJson(*p.value));
    }
    auto c = ParseCorrection(body, CorrectionConsent(90).version);
    ASSERT_EQ(c.errors.empty(), c.value.has_value());
  }
  EXPECT_GT(accepted, 0);  // the mutations leave some bodies valid: both paths ran
}

}  // namespace
}  // namespace bokji::server
