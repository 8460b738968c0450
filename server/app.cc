#include "server/app.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <ctime>

#include "server/help_request.h"

namespace bokji::server {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------
constexpr const char* kSessionCookie = "bokji_staff";
constexpr const char* kJson = "application/json; charset=utf-8";

json ErrorJson(int status, const FieldError& e) {
  return json{{"code", status},
              {"field", e.field},
              {"error", e.code},
              {"message_ko", e.message_ko},
              {"message_en", e.message_en},
              {"description",
               (e.field.empty() ? "" : e.field + ": ") + e.message_ko + " / " + e.message_en}};
}

void ReplyErrors(httplib::Response& res, int status, const std::vector<FieldError>& errors) {
  json out = json::array();
  for (const FieldError& e : errors) out.push_back(ErrorJson(status, e));
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(out.dump(), kJson);
}

void ReplyError(httplib::Response& res, int status, std::string field, std::string code,
                std::string ko, std::string en) {
  ReplyErrors(res, status, {{std::move(field), std::move(code), std::move(ko), std::move(en)}});
}

void ReplyServerError(httplib::Response& res, const Status& s) {
  // The reason goes to the operator's log (no personal data is ever in a storage error: values are
  // bound, never part of the statement), the citizen gets a plain apology and 129.
  std::fprintf(stderr, "bokji-server: storage error: %s\n", s.message().c_str());
  ReplyError(
      res, 503, "", "server_error",
      "지금은 처리할 수 없습니다. 잠시 후 다시 보내 주세요. 급하시면 129(보건복지상담센터)로 "
      "전화해 주세요.",
      "the server cannot handle this right now; please retry later, or call 129.");
}

void ReplyJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), kJson);
}

bool RequireJsonBody(const httplib::Request& req, httplib::Response& res) {
  std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) == 0) return true;
  ReplyError(res, 415, "", "unsupported_media_type",
             "내용을 JSON(application/json)으로 보내 주세요.",
             "the body must be sent as application/json.");
  return false;
}

// ISO 8601 in Korea Standard Time ("2026-11-24T09:30:00+09:00"), as Open311 dates are written.
std::string IsoTime(int64_t t) {
  if (t == 0) return "";
  time_t kst = static_cast<time_t>(t + 9 * 3600);
  std::tm tm{};
  gmtime_r(&kst, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+09:00", &tm);
  return text;
}

std::optional<int64_t> PathId(const httplib::Request& req) {
  if (req.matches.size() < 2) return std::nullopt;
  const std::string text = req.matches[1];
  if (text.empty() || text.size() > 15) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoll(text);
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t at = 0;
  while (at < header.size()) {
    size_t end = header.find(';', at);
    std::string item = header.substr(at, end == std::string::npos ? std::string::npos : end - at);
    item.erase(0, item.find_first_not_of(' '));
    if (item.rfind(name + "=", 0) == 0) return item.substr(name.size() + 1);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "";
}

json JurisdictionJson(const Jurisdiction& j, const Directory& dir) {
  return json{{"level", LevelCode(j.level)}, {"code", j.code}, {"name", dir.RegionName(j.code)}};
}

json AccountJson(const Account& a, const Directory& dir) {
  return json{{"username", a.username},
              {"display_name", a.display_name},
              {"role", a.role},
              {"jurisdiction", JurisdictionJson(a.jurisdiction, dir)}};
}

json ContactJson(const Contact& c) {
  return json{{"name", c.name}, {"phone", c.phone}, {"best_time", c.best_time}};
}

std::string SituationNames(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) {
    for (const SituationInfo& s : Situations()) {
      if (s.code == code) out += (out.empty() ? "" : ", ") + std::string(s.name_ko);
    }
  }
  return out;
}

std::string StatusNotice(RequestStatus s) {
  switch (s) {
    case RequestStatus::kReceived:
      return "접수되었습니다. 담당 공무원이 14일 이내에 연락드립니다.";
    case RequestStatus::kAssigned:
      return "담당 공무원이 정해졌습니다. 곧 연락드립니다.";
    case RequestStatus::kCounselled:
      return "상담을 마쳤습니다.";
    case RequestStatus::kLinked:
      return "필요한 복지서비스로 연계했습니다.";
    case RequestStatus::kClosed:
      return "처리가 끝났습니다.";
  }
  return "";
}

// Checks one free-text field of a staff body (notes): the same rules as the citizen's text.
std::optional<std::string> StaffText(const json& body, const char* key, bool required,
                                     std::vector<FieldError>* errors) {
  if (!body.contains(key)) {
    if (required) {
      errors->push_back({key, "required", "내용을 적어 주세요.", "is required."});
      return std::nullopt;
    }
    return std::string();
  }
  // Reuse the citizen parser's text rules through a correction body: what_is_wrong has the same
  // limits.
  json probe{{"target", {{"kind", "facility"}, {"key", "x"}}}, {"what_is_wrong", body[key]}};
  if (!required && body[key].is_string() && body[key].get<std::string>().empty())
    return std::string();
  Parsed<CorrectionInput> parsed = ParseCorrection(probe.dump(), "");
  if (!parsed.errors.empty()) {
    for (FieldError e : parsed.errors) {
      e.field = key;
      errors->push_back(e);
    }
    return std::nullopt;
  }
  return parsed.value->what_is_wrong;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// App
// ---------------------------------------------------------------------------------------------------------
App::App(Config config, std::unique_ptr<Storage> storage, Directory directory, Keys keys,
         std::unique_ptr<StaticSite> site)
    : config_(std::move(config)),
      storage_(std::move(storage)),
      directory_(std::move(directory)),
      keys_(keys),
      site_(std::move(site)) {
  clock = [] { return static_cast<int64_t>(time(nullptr)); };
  dummy_password_hash_ =
      HashPassword(RandomToken(16), {static_cast<unsigned long long>(config_.password_opslimit),
                                     static_cast<size_t>(config_.password_memlimit)})
          .value();
  app_csp_ = "frame-ancestors 'self'";
  for (const std::string& origin : config_.frame_ancestors) app_csp_ += " " + origin;
  site_config_json_ = nlohmann::json{{"version", 1},
                                     {"embed_origins", config_.frame_ancestors},
                                     {"kiosk",
                                      {{"idle_seconds", config_.kiosk_idle_seconds},
                                       {"warning_seconds", config_.kiosk_warning_seconds}}}}
                          .dump();
  staff_csp_ =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
}

App::~App() = default;

std::string App::ClientAddress(const httplib::Request& req) const {
  std::string address = req.remote_addr;
  auto trusted = [&](const std::string& a) {
    return std::find(config_.trusted_proxies.begin(), config_.trusted_proxies.end(), a) !=
           config_.trusted_proxies.end();
  };
  if (!trusted(address)) return address;
  // The right-most address a trusted proxy did not add is the client's.
  std::string chain = req.get_header_value("X-Forwarded-For");
  while (!chain.empty()) {
    size_t comma = chain.rfind(',');
    std::string last = chain.substr(comma == std::string::npos ? 0 : comma + 1);
    last.erase(0, last.find_first_not_of(' '));
    last.erase(last.find_last_not_of(' ') + 1);
    if (!last.empty() && !trusted(last)) return last;
    if (comma == std::string::npos) break;
    chain.resize(comma);
  }
  return address;
}

std::string App::CsrfFor(const std::string& session_token) const {
  return HashSecret(keys_, "csrf:" + session_token).substr(0, 43);
}

std::optional<Account> App::RequireStaff(const httplib::Request& req, httplib::Response& res,
                                         bool needs_csrf) {
  std::string token = CookieValue(req, kSessionCookie);
  if (token.empty() || token.size() > 100) {
    ReplyError(res, 401, "", "not_signed_in", "로그인이 필요합니다.", "sign in first.");
    return std::nullopt;
  }
  auto found = storage_->FindSession(HashSecret(keys_, token), clock());
  if (!found.ok()) {
    ReplyServerError(res, found.status());
    return std::nullopt;
  }
  if (!found.value()) {
    ReplyError(res, 401, "", "session_expired", "로그인이 끝났습니다. 다시 로그인해 주세요.",
               "the session has ended; sign in again.");
    return std::nullopt;
  }
  if (needs_csrf && !SecretEquals(req.get_header_value("X-CSRF-Token"), CsrfFor(token))) {
    ReplyError(res, 403, "X-CSRF-Token", "csrf",
               "보안 토큰이 맞지 않습니다. 화면을 새로 고쳐 주세요.",
               "the CSRF token does not match this session; reload the page.");
    return std::nullopt;
  }
  return found.value();
}

// ---- public: services ----
void App::Services(const httplib::Request&, httplib::Response& res) {
  json out = json::array();
  out.push_back(
      {{"service_code", kHelpServiceCode},
       {"service_name", "위기가구 도움 요청"},
       {"description",
        "나 또는 이웃이 어려움에 처했을 때 관할 읍면동 행정복지센터(맞춤형복지팀)에 알립니다. "
        "담당 공무원이 14일 이내에 연락드립니다. 지금 위험하면 112·119, 24시간 상담은 129."},
       {"metadata", true},
       {"type", "realtime"},
       {"keywords", "위기가구,복지위기,도움,이웃"},
       {"group", "복지"}});
  out.push_back({{"service_code", kCorrectionServiceCode},
                 {"service_name", "정보가 틀렸어요"},
                 {"description",
                  "시설·복지서비스 정보가 틀렸을 때 알려 주세요. POST /api/v1/corrections.json"},
                 {"metadata", true},
                 {"type", "batch"},
                 {"keywords", "정보 수정,오류 신고"},
                 {"group", "자료"}});
  ReplyJson(res, 200, out);
}

void App::ServiceDefinition(const httplib::Request& req, httplib::Response& res) {
  std::string code = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  json attributes = json::array();
  ConsentText consent;
  if (code == kHelpServiceCode) {
    consent = HelpConsent(config_.retention_days);
    json values = json::array();
    for (const SituationInfo& s : Situations()) {
      values.push_back({{"key", s.code}, {"name", s.name_ko}, {"name_en", s.name_en}});
    }
    attributes.push_back({{"variable", true},
                          {"code", "situations"},
                          {"datatype", "multivaluelist"},
                          {"required", true},
                          {"order", 1},
                          {"description", "어떤 어려움인가요?"},
                          {"values", values}});
    attributes.push_back(
        {{"variable", true},
         {"code", "for_whom"},
         {"datatype", "singlevaluelist"},
         {"required", true},
         {"order", 2},
         {"description", "누구를 위한 요청인가요?"},
         {"values", json::array({{{"key", "self"}, {"name", "나"}},
                                 {{"key", "other"}, {"name", "다른 사람(이웃)"}}})}});
  } else if (code == kCorrectionServiceCode) {
    consent = CorrectionConsent(config_.retention_days);
  } else {
    ReplyError(res, 404, "service_code", "unknown_service", "알 수 없는 요청 종류입니다.",
               "no such service.");
    return;
  }
  ReplyJson(
      res, 200,
      {{"service_code", code},
       {"attributes", attributes},
       {"consent",
        {{"version", consent.version}, {"text_ko", consent.text_ko}, {"text_en", consent.text_en}}},
       {"retention_days", config_.retention_days},
       {"emergency_numbers",
        json::array({{{"number", "112"}, {"name", "경찰 (지금 위험할 때)"}},
                     {{"number", "119"}, {"name", "소방·구급"}},
                     {{"number", "129"}, {"name", "보건복지상담센터 (24시간)"}},
                     {{"number", "109"}, {"name", "자살예방상담"}}})},
       {"limits",
        {{"description_chars", 1000},
         {"description_lines", 20},
         {"address_string_chars", 200},
         {"name_chars", 40},
         {"best_time_chars", 40},
         {"max_body_bytes", config_.max_body_bytes}}}});
}

// ---- public: create a help request ----
void App::CreateRequest(const httplib::Request& req, httplib::Response& res) {
  if (!RequireJsonBody(req, res)) return;
  std::string key = req.get_header_value("Idempotency-Key");
  if (req.has_header("Idempotency-Key") && !IsValidIdempotencyKey(key)) {
    ReplyError(res, 400, "Idempotency-Key", "invalid_key",
               "Idempotency-Key는 8~100자의 영문·숫자·'-'·'_'·'.'·':'여야 합니다.",
               "must be 8 to 100 characters of A-Z a-z 0-9 - _ . :");
    return;
  }
  std::string consent_version = HelpConsent(config_.retention_days).version;
  Parsed<HelpRequestInput> parsed = ParseHelpRequest(req.body, consent_version);
  if (!parsed.errors.empty()) {
    ReplyErrors(res, 400, parsed.errors);
    return;
  }
  const HelpRequestInput& in = *parsed.value;
  std::optional<Place> place =
      in.has_point ? directory_.RoutePoint(in.lat, in.lng) : directory_.RouteRegion(in.region_code);
  if (!place) {
    ReplyError(
        res, 422, in.has_point ? "lat" : "region_code", "outside_province",
        "전북특별자치도 밖이거나 알 수 없는 위치입니다. 이 서비스는 전북특별자치도 안의 "
        "요청만 받습니다. 다른 지역은 129(보건복지상담센터, 24시간)로 전화해 주세요.",
        "this place is outside 전북특별자치도 (Jeonbuk) or unknown; this service only takes "
        "requests inside the province. Elsewhere, call 129 (Health and Welfare Call Centre, 24 "
        "hours).");
    return;
  }
  std::string receipt = NewReceiptCode();
  NewRequest row;
  row.service_code = std::string(kHelpServiceCode);
  row.emd_code = place->emd_code;
  row.sigungu_code = place->sigungu_code;
  row.sealed_personal = Seal(keys_, PersonalJson(in));
  row.receipt_hash = HashSecret(keys_, NormalizeReceiptCode(receipt));
  row.sealed_receipt = Seal(keys_, receipt);
  row.idempotency_key = key;
  row.body_hash = HashBytes(req.body);
  RateLimit limit{"submit:" + HashSecret(keys_, ClientAddress(req)), config_.rate_window_seconds,
                  config_.submissions_per_window};
  auto created = storage_->CreateRequest(row, limit, clock());
  if (!created.ok()) {
    ReplyServerError(res, created.status());
    return;
  }
  const CreateOutcome& outcome = created.value();
  if (outcome.kind == CreateKind::kRateLimited) {
    res.set_header("Retry-After", std::to_string(config_.rate_window_seconds));
    ReplyError(
        res, 429, "", "rate_limited",
        "짧은 시간에 너무 많이 보냈습니다. 잠시 후 다시 보내 주세요. 급하시면 129로 전화해 주세요.",
        "too many requests from this address; please wait, or call 129.");
    return;
  }
  if (outcome.kind == CreateKind::kKeyReused) {
    ReplyError(res, 422, "Idempotency-Key", "key_reused",
               "같은 Idempotency-Key로 다른 내용을 보냈습니다. 새 요청에는 새 키를 쓰세요.",
               "this key was used with a different body; use a new key for a new request.");
    return;
  }
  std::optional<std::string> code = Open(keys_, outcome.sealed_receipt);
  if (!code) {
    ReplyServerError(res, Status::Error("a stored receipt does not open with this key file"));
    return;
  }
  if (outcome.kind == CreateKind::kReplayed) res.set_header("Idempotent-Replayed", "true");
  std::string routed_name =
      directory_.RegionName(place->emd_code ? place->emd_code : place->sigungu_code);
  ReplyJson(res, 201,
            json::array({{{"service_request_id", std::to_string(outcome.id)},
                          {"receipt_code", *code},
                          {"service_notice", StatusNotice(RequestStatus::kReceived)},
                          {"routed_to",
                           {{"emd_code", place->emd_code},
                            {"sigungu_code", place->sigungu_code},
                            {"name", routed_name}}},
                          {"account_id", nullptr}}}));
}

// ---- public: a request's status by receipt code ----
void App::LookUpStatus(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Vary", "X-Receipt-Code");
  std::optional<int64_t> id = PathId(req);
  std::string code = NormalizeReceiptCode(req.get_header_value("X-Receipt-Code"));
  if (!req.has_header("X-Receipt-Code")) {
    ReplyError(res, 401, "X-Receipt-Code", "required",
               "접수번호가 필요합니다 (X-Receipt-Code 머리글로 보냅니다).",
               "the receipt code is required, in the X-Receipt-Code header (never in the URL).");
    return;
  }
  RateLimit limit{"lookup:" + HashSecret(keys_, ClientAddress(req)), config_.rate_window_seconds,
                  config_.lookups_per_window};
  auto allowed = storage_->Hit(limit, clock());
  if (!allowed.ok()) {
    ReplyServerError(res, allowed.status());
    return;
  }
  if (!allowed.value()) {
    res.set_header("Retry-After", std::to_string(config_.rate_window_seconds));
    ReplyError(res, 429, "", "rate_limited", "조회가 너무 많습니다. 잠시 후 다시 해 주세요.",
               "too many look-ups from this address; please wait.");
    return;
  }
  std::optional<RequestStatusView> view;
  if (id && !code.empty()) {
    auto found = storage_->GetRequestStatus(*id);
    if (!found.ok()) {
      ReplyServerError(res, found.status());
      return;
    }
    view = found.value();
  }
  // An unknown id and a wrong code get the same answer: the API never says which requests exist.
  if (!view || !SecretEquals(view->receipt_hash, HashSecret(keys_, code))) {
    ReplyError(res, 404, "X-Receipt-Code", "not_found",
               "접수번호와 요청 번호가 맞지 않거나, 처리가 끝나 기록이 삭제되었습니다.",
               "no request with this id and receipt code (or it was deleted after closing).");
    return;
  }
  ReplyJson(res, 200,
            json::array({{{"service_request_id", std::to_string(view->id)},
                          {"status", view->status == RequestStatus::kClosed ? "closed" : "open"},
                          {"bokji_status", StatusCode(view->status)},
                          {"bokji_status_ko", StatusNameKo(view->status)},
                          {"status_notes", StatusNotice(view->status)},
                          {"service_code", kHelpServiceCode},
                          {"service_name", "위기가구 도움 요청"},
                          {"requested_datetime", IsoTime(view->created_at)},
                          {"updated_datetime", IsoTime(view->updated_at)}}}));
}

// ---- public: correction reports ----
void App::CreateCorrection(const httplib::Request& req, httplib::Response& res) {
  if (!RequireJsonBody(req, res)) return;
  std::string key = req.get_header_value("Idempotency-Key");
  if (req.has_header("Idempotency-Key") && !IsValidIdempotencyKey(key)) {
    ReplyError(res, 400, "Idempotency-Key", "invalid_key",
               "Idempotency-Key는 8~100자의 영문·숫자·'-'·'_'·'.'·':'여야 합니다.",
               "must be 8 to 100 characters of A-Z a-z 0-9 - _ . :");
    return;
  }
  Parsed<CorrectionInput> parsed =
      ParseCorrection(req.body, CorrectionConsent(config_.retention_days).version);
  if (!parsed.errors.empty()) {
    ReplyErrors(res, 400, parsed.errors);
    return;
  }
  const CorrectionInput& in = *parsed.value;
  std::optional<CorrectionTarget> target =
      in.is_program ? directory_.Program(in.target_key) : directory_.Facility(in.target_key);
  if (!target) {
    ReplyError(
        res, 422, "target.key", "unknown_target",
        in.is_program ? "그런 복지서비스가 자료에 없습니다." : "그런 시설이 자료에 없습니다.",
        in.is_program ? "no program with this service_id in the data."
                      : "no facility with this source_key in the data.");
    return;
  }
  NewCorrection row;
  row.target_kind = in.is_program ? "program" : "facility";
  row.target_key = in.target_key;
  row.target_name = target->name;
  row.sigungu_code = target->sigungu_code;
  row.sealed_personal = Seal(keys_, CorrectionPersonalJson(in));
  row.idempotency_key = key;
  row.body_hash = HashBytes(req.body);
  RateLimit limit{"submit:" + HashSecret(keys_, ClientAddress(req)), config_.rate_window_seconds,
                  config_.submissions_per_window};
  auto created = storage_->CreateCorrection(row, limit, clock());
  if (!created.ok()) {
    ReplyServerError(res, created.status());
    return;
  }
  if (created.value().kind == CreateKind::kRateLimited) {
    res.set_header("Retry-After", std::to_string(config_.rate_window_seconds));
    ReplyError(res, 429, "", "rate_limited",
               "짧은 시간에 너무 많이 보냈습니다. 잠시 후 다시 보내 주세요.",
               "too many reports from this address; please wait.");
    return;
  }
  if (created.value().kind == CreateKind::kKeyReused) {
    ReplyError(res, 422, "Idempotency-Key", "key_reused",
               "같은 Idempotency-Key로 다른 내용을 보냈습니다.",
               "this key was used with a different body.");
    return;
  }
  if (created.value().kind == CreateKind::kReplayed) res.set_header("Idempotent-Replayed", "true");
  std::string routed =
      target->sigungu_code ? directory_.RegionName(target->sigungu_code) : "전북특별자치도";
  ReplyJson(res, 201,
            {{"id", std::to_string(created.value().id)},
             {"status", "received"},
             {"routed_to", {{"sigungu_code", target->sigungu_code}, {"name", routed}}},
             {"notice", "알려 주셔서 고맙습니다. 담당 부서가 확인합니다."}});
}

// ---- staff: sign in and out ----
void App::Login(const httplib::Request& req, httplib::Response& res) {
  if (!RequireJsonBody(req, res)) return;
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("username") || !body["username"].is_string() ||
      !body.contains("password") || !body["password"].is_string()) {
    ReplyError(res, 400, body.is_object() && body.contains("username") ? "password" : "username",
               "required", "아이디와 비밀번호를 적어 주세요.",
               "username and password are required.");
    return;
  }
  std::string username = body["username"], password = body["password"];
  int64_t now = clock();
  RateLimit by_address{"login:" + HashSecret(keys_, ClientAddress(req)),
                       config_.rate_window_seconds, config_.logins_per_window};
  RateLimit by_user{"login-user:" + HashSecret(keys_, username), config_.rate_window_seconds,
                    config_.logins_per_window * 2};
  for (const RateLimit* limit : {&by_address, &by_user}) {
    auto allowed = storage_->Hit(*limit, now);
    if (!allowed.ok()) {
      ReplyServerError(res, allowed.status());
      return;
    }
    if (!allowed.value()) {
      res.set_header("Retry-After", std::to_string(config_.rate_window_seconds));
      ReplyError(res, 429, "", "rate_limited",
                 "로그인 시도가 너무 많습니다. 잠시 후 다시 해 주세요.",
                 "too many sign-in attempts; please wait.");
      return;
    }
  }
  auto found = storage_->FindAccount(username.size() <= 100 ? username : "");
  if (!found.ok()) {
    ReplyServerError(res, found.status());
    return;
  }
  bool ok = found.value() ? VerifyPassword(found.value()->password_hash, password)
                          : (VerifyPassword(dummy_password_hash_, password), false);
  if (!ok || !found.value()->active) {
    ReplyError(res, 401, "password", "bad_credentials", "아이디 또는 비밀번호가 맞지 않습니다.",
               "wrong username or password.");
    return;
  }
  const Account& account = *found.value();
  std::string token = RandomToken(32);
  Status made = storage_->CreateSession(HashSecret(keys_, token), account.id, now,
                                        now + config_.session_hours * 3600);
  if (!made.ok()) {
    ReplyServerError(res, made);
    return;
  }
  std::string cookie = std::string(kSessionCookie) + "=" + token + "; Path=/staff; HttpOnly; " +
                       "SameSite=Strict; Max-Age=" + std::to_string(config_.session_hours * 3600) +
                       (config_.cookie_secure ? "; Secure" : "");
  res.set_header("Set-Cookie", cookie);
  ReplyJson(res, 200,
            {{"account", AccountJson(account, directory_)}, {"csrf_token", CsrfFor(token)}});
}

void App::Logout(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, true);
  if (!staff) return;
  Status s = storage_->DeleteSession(HashSecret(keys_, CookieValue(req, kSessionCookie)));
  if (!s.ok()) {
    ReplyServerError(res, s);
    return;
  }
  res.set_header("Set-Cookie", std::string(kSessionCookie) +
                                   "=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0" +
                                   (config_.cookie_secure ? "; Secure" : ""));
  ReplyJson(res, 200, {{"signed_out", true}});
}

void App::Me(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, false);
  if (!staff) return;
  ReplyJson(res, 200,
            {{"account", AccountJson(*staff, directory_)},
             {"csrf_token", CsrfFor(CookieValue(req, kSessionCookie))}});
}

// ---- staff: requests ----
void App::ListRequests(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, false);
  if (!staff) return;
  auto rows = storage_->ListRequests(*staff, clock());
  if (!rows.ok()) {
    ReplyServerError(res, rows.status());
    return;
  }
  json list = json::array();
  for (const RequestRow& r : rows.value()) {
    std::optional<std::string> plain = Open(keys_, r.sealed_personal);
    std::optional<HelpRequestInput> in = plain ? FromPersonalJson(*plain) : std::nullopt;
    json item{{"id", std::to_string(r.id)},
              {"status", StatusCode(r.status)},
              {"status_ko", StatusNameKo(r.status)},
              {"overdue", r.overdue},
              {"created_at", IsoTime(r.created_at)},
              {"updated_at", IsoTime(r.updated_at)},
              {"emd_code", r.emd_code},
              {"sigungu_code", r.sigungu_code},
              {"place_name", directory_.RegionName(r.emd_code ? r.emd_code : r.sigungu_code)},
              {"assigned_name", r.assigned_name}};
    if (in) {
      item["for_whom"] = in->for_self ? "self" : "other";
      item["situations"] = in->situations;
      item["situations_ko"] = SituationNames(in->situations);
      if (in->has_point) {
        item["lat"] = in->lat;
        item["long"] = in->lng;
      }
    } else {
      item["unreadable"] = true;  // sealed with another key: the operator must restore the key file
    }
    list.push_back(std::move(item));
  }
  ReplyJson(
      res, 200,
      {{"requests", list}, {"jurisdiction", JurisdictionJson(staff->jurisdiction, directory_)}});
}

void App::GetRequest(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, false);
  if (!staff) return;
  std::optional<int64_t> id = PathId(req);
  auto found = id ? storage_->GetRequest(*staff, *id, clock())
                  : Result<std::optional<RequestDetail>>(std::optional<RequestDetail>());
  if (!found.ok()) {
    ReplyServerError(res, found.status());
    return;
  }
  if (!found.value()) {
    ReplyError(res, 404, "id", "not_found", "담당 지역에 그런 요청이 없습니다.",
               "no such request in your jurisdiction.");
    return;
  }
  const RequestDetail& d = *found.value();
  std::optional<std::string> plain = Open(keys_, d.request.sealed_personal);
  std::optional<HelpRequestInput> in = plain ? FromPersonalJson(*plain) : std::nullopt;
  json notes = json::array();
  for (const NoteRow& n : d.notes) {
    std::optional<std::string> text =
        n.sealed_text.empty() ? std::string() : Open(keys_, n.sealed_text);
    json note{{"at", IsoTime(n.created_at)}, {"author", n.author}, {"text", text.value_or("")}};
    if (!n.status_to.empty()) {
      note["status_from"] = n.status_from;
      note["status_to"] = n.status_to;
      note["status_to_ko"] =
          StatusNameKo(StatusFromCode(n.status_to).value_or(RequestStatus::kReceived));
    }
    notes.push_back(std::move(note));
  }
  json next = json::array();
  for (RequestStatus s : {RequestStatus::kAssigned, RequestStatus::kCounselled,
                          RequestStatus::kLinked, RequestStatus::kClosed}) {
    if (IsAllowedTransition(d.request.status, s)) {
      next.push_back({{"status", StatusCode(s)}, {"status_ko", StatusNameKo(s)}});
    }
  }
  const RequestRow& r = d.request;
  json out{{"id", std::to_string(r.id)},
           {"status", StatusCode(r.status)},
           {"status_ko", StatusNameKo(r.status)},
           {"overdue", r.overdue},
           {"created_at", IsoTime(r.created_at)},
           {"updated_at", IsoTime(r.updated_at)},
           {"closed_at", IsoTime(r.closed_at)},
           {"emd_code", r.emd_code},
           {"sigungu_code", r.sigungu_code},
           {"place_name", directory_.RegionName(r.emd_code ? r.emd_code : r.sigungu_code)},
           {"assigned_name", r.assigned_name},
           {"notes", notes},
           {"next_statuses", next}};
  if (in) {
    out["for_whom"] = in->for_self ? "self" : "other";
    out["situations"] = in->situations;
    out["situations_ko"] = SituationNames(in->situations);
    out["description"] = in->description;
    out["address_string"] = in->address_string;
    out["contact"] = ContactJson(in->contact);
    out["reporter"] = ContactJson(in->reporter);
    out["anonymous"] = !in->for_self && in->reporter.empty();
    if (in->has_point) {
      out["lat"] = in->lat;
      out["long"] = in->lng;
    } else {
      out["region_code"] = in->region_code;
    }
  } else {
    out["unreadable"] = true;
  }
  ReplyJson(res, 200, out);
}

void App::ChangeStatus(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, true);
  if (!staff || !RequireJsonBody(req, res)) return;
  json body = json::parse(req.body, nullptr, false);
  std::vector<FieldError> errors;
  std::optional<RequestStatus> to;
  if (!body.is_object()) {
    errors.push_back(
        {"", "malformed_json", "보낸 내용을 읽을 수 없습니다.", "the body is not a JSON object."});
  } else {
    if (body.contains("status") && body["status"].is_string())
      to = StatusFromCode(body["status"].get<std::string>());
    if (!to || *to == RequestStatus::kReceived) {
      errors.push_back({"status", "invalid_choice", "바꿀 상태를 골라 주세요.",
                        "must be assigned, counselled, linked or closed."});
    }
  }
  std::optional<std::string> note =
      errors.empty() ? StaffText(body, "note", false, &errors) : std::nullopt;
  std::optional<int64_t> id = PathId(req);
  if (!errors.empty() || !id) {
    if (!id) errors.push_back({"id", "invalid", "요청 번호가 맞지 않습니다.", "not a request id."});
    ReplyErrors(res, 400, errors);
    return;
  }
  auto changed =
      storage_->ChangeStatus(*staff, *id, *to, note->empty() ? "" : Seal(keys_, *note), clock());
  if (!changed.ok()) {
    ReplyServerError(res, changed.status());
    return;
  }
  if (changed.value() == UpdateKind::kNotFound) {
    ReplyError(res, 404, "id", "not_found", "담당 지역에 그런 요청이 없습니다.",
               "no such request in your jurisdiction.");
    return;
  }
  if (changed.value() == UpdateKind::kBadTransition) {
    ReplyError(
        res, 409, "status", "bad_transition",
        "지금 상태에서는 그 상태로 바꿀 수 없습니다 (접수 → 담당자 배정 → 상담 완료 → 서비스 연계 "
        "/ 종결).",
        "this status cannot follow the current one (received → assigned → counselled → linked / "
        "closed).");
    return;
  }
  ReplyJson(
      res, 200,
      {{"id", std::to_string(*id)}, {"status", StatusCode(*to)}, {"status_ko", StatusNameKo(*to)}});
}

void App::AddNote(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, true);
  if (!staff || !RequireJsonBody(req, res)) return;
  json body = json::parse(req.body, nullptr, false);
  std::vector<FieldError> errors;
  std::optional<std::string> note;
  if (!body.is_object()) {
    errors.push_back(
        {"", "malformed_json", "보낸 내용을 읽을 수 없습니다.", "the body is not a JSON object."});
  } else {
    note = StaffText(body, "text", true, &errors);
  }
  std::optional<int64_t> id = PathId(req);
  if (!errors.empty() || !id) {
    if (!id) errors.push_back({"id", "invalid", "요청 번호가 맞지 않습니다.", "not a request id."});
    ReplyErrors(res, 400, errors);
    return;
  }
  auto added = storage_->AddNote(*staff, *id, Seal(keys_, *note), clock());
  if (!added.ok()) {
    ReplyServerError(res, added.status());
    return;
  }
  if (added.value() == UpdateKind::kNotFound) {
    ReplyError(res, 404, "id", "not_found", "담당 지역에 그런 요청이 없습니다.",
               "no such request in your jurisdiction.");
    return;
  }
  ReplyJson(res, 201, {{"id", std::to_string(*id)}, {"noted", true}});
}

// ---- staff: corrections ----
void App::ListCorrections(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, false);
  if (!staff) return;
  auto rows = storage_->ListCorrections(*staff, clock());
  if (!rows.ok()) {
    ReplyServerError(res, rows.status());
    return;
  }
  json list = json::array();
  for (const CorrectionRow& c : rows.value()) {
    std::optional<std::string> plain = Open(keys_, c.sealed_personal);
    std::optional<CorrectionInput> in = plain ? CorrectionFromPersonalJson(*plain) : std::nullopt;
    std::optional<std::string> note =
        c.sealed_staff_note.empty() ? std::string() : Open(keys_, c.sealed_staff_note);
    list.push_back({{"id", std::to_string(c.id)},
                    {"target_kind", c.target_kind},
                    {"target_key", c.target_key},
                    {"target_name", c.target_name},
                    {"sigungu_code", c.sigungu_code},
                    {"sigungu_name",
                     c.sigungu_code ? directory_.RegionName(c.sigungu_code) : "전북특별자치도"},
                    {"status", CorrectionStatusCode(c.status)},
                    {"status_ko", CorrectionStatusNameKo(c.status)},
                    {"created_at", IsoTime(c.created_at)},
                    {"updated_at", IsoTime(c.updated_at)},
                    {"what_is_wrong", in ? in->what_is_wrong : ""},
                    {"contact", in ? ContactJson(in->contact) : json()},
                    {"staff_note", note.value_or("")}});
  }
  ReplyJson(res, 200, {{"corrections", list}});
}

void App::ChangeCorrection(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, true);
  if (!staff || !RequireJsonBody(req, res)) return;
  json body = json::parse(req.body, nullptr, false);
  std::vector<FieldError> errors;
  std::optional<CorrectionStatus> to;
  if (!body.is_object()) {
    errors.push_back(
        {"", "malformed_json", "보낸 내용을 읽을 수 없습니다.", "the body is not a JSON object."});
  } else if (body.contains("status") && body["status"].is_string()) {
    to = CorrectionStatusFromCode(body["status"].get<std::string>());
  }
  if (errors.empty() && !to) {
    errors.push_back({"status", "invalid_choice", "바꿀 상태를 골라 주세요.",
                      "must be received, checking, fixed or rejected."});
  }
  std::optional<std::string> note =
      errors.empty() ? StaffText(body, "note", false, &errors) : std::nullopt;
  std::optional<int64_t> id = PathId(req);
  if (!errors.empty() || !id) {
    if (!id) errors.push_back({"id", "invalid", "번호가 맞지 않습니다.", "not a correction id."});
    ReplyErrors(res, 400, errors);
    return;
  }
  auto changed = storage_->ChangeCorrectionStatus(*staff, *id, *to,
                                                  note->empty() ? "" : Seal(keys_, *note), clock());
  if (!changed.ok()) {
    ReplyServerError(res, changed.status());
    return;
  }
  if (changed.value() == UpdateKind::kNotFound) {
    ReplyError(res, 404, "id", "not_found", "담당 지역에 그런 신고가 없습니다.",
               "no such correction report in your jurisdiction.");
    return;
  }
  ReplyJson(res, 200, {{"id", std::to_string(*id)}, {"status", CorrectionStatusCode(*to)}});
}

void App::Map(const httplib::Request& req, httplib::Response& res) {
  std::optional<Account> staff = RequireStaff(req, res, false);
  if (!staff) return;
  res.status = 200;
  res.set_header("Cache-Control", "private, max-age=3600");
  // Plain "application/json" (JSON is UTF-8 by definition): cpp-httplib compresses that type for
  // clients that accept it (326 KB for the whole 도). The other API answers keep the charset and
  // stay uncompressed: they mix secrets (CSRF token) with text citizens wrote, the combination
  // compression must not see.
  res.set_content(directory_.MapJson(staff->jurisdiction), "application/json");
}

// ---------------------------------------------------------------------------------------------------------
// Install
// ---------------------------------------------------------------------------------------------------------
void App::Install(httplib::Server& http) {
  using Handler = void (App::*)(const httplib::Request&, httplib::Response&);
  auto bind = [this](Handler h) {
    return [this, h](const httplib::Request& req, httplib::Response& res) { (this->*h)(req, res); };
  };
  http.set_payload_max_length(static_cast<size_t>(config_.max_body_bytes));
  http.Get("/open311/v2/services.json", bind(&App::Services));
  http.Get(R"(/open311/v2/services/([a-z_]+)\.json)", bind(&App::ServiceDefinition));
  http.Post("/open311/v2/requests.json", bind(&App::CreateRequest));
  http.Get(R"(/open311/v2/requests/([^/]+)\.json)", bind(&App::LookUpStatus));
  http.Post("/api/v1/corrections.json", bind(&App::CreateCorrection));
  http.Post("/staff/api/login", bind(&App::Login));
  http.Post("/staff/api/logout", bind(&App::Logout));
  http.Get("/staff/api/me", bind(&App::Me));
  http.Get("/staff/api/requests", bind(&App::ListRequests));
  http.Get(R"(/staff/api/requests/([^/]+))", bind(&App::GetRequest));
  http.Post(R"(/staff/api/requests/([^/]+)/status)", bind(&App::ChangeStatus));
  http.Post(R"(/staff/api/requests/([^/]+)/notes)", bind(&App::AddNote));
  http.Get("/staff/api/corrections", bind(&App::ListCorrections));
  http.Post(R"(/staff/api/corrections/([^/]+)/status)", bind(&App::ChangeCorrection));
  http.Get("/staff/api/map", bind(&App::Map));
  // The page's settings from this server's configuration (the embed's accepted origins, the kiosk's
  // times), and the kiosks' start addresses. web/embed.js reads the first; docs/deploy.md has both.
  http.Get("/site-config.json", [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
    res.set_content(site_config_json_, "application/json; charset=utf-8");
  });
  for (const std::string& path : config_.kiosk_paths) {
    // Config checked the path: letters, digits, '/', '-', '_' only, so it is a literal pattern.
    http.Get(path + "/?", [this](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/?mode=kiosk&idle=" + std::to_string(config_.kiosk_idle_seconds) +
                       "&idle_warning=" + std::to_string(config_.kiosk_warning_seconds));
      res.set_header("Cache-Control", "no-cache");
    });
  }
  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (!site_ || !site_->Serve(req, res)) {
      res.status = 404;
      res.set_content("Not found / 찾을 수 없습니다\n", "text/plain; charset=utf-8");
    }
  });
  http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    bool staff = req.path.rfind("/staff", 0) == 0;
    res.set_header("Content-Security-Policy", staff ? staff_csp_ : app_csp_);
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) {
      ReplyError(res, 413, "", "too_large", "보낸 내용이 너무 큽니다.",
                 "the body is larger than this server accepts.");
    } else if (res.status == 404) {
      ReplyError(res, 404, "", "not_found", "찾을 수 없습니다.", "not found.");
    } else if (res.status == 405) {
      ReplyError(res, 405, "", "method_not_allowed", "이 주소에서는 그 방법을 쓸 수 없습니다.",
                 "method not allowed here.");
    } else if (res.status >= 400 && res.status < 500) {
      ReplyError(res, res.status, "", "bad_request", "요청을 읽을 수 없습니다.", "bad request.");
    }
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        ReplyError(res, 500, "", "internal", "서버 오류입니다. 급하시면 129로 전화해 주세요.",
                   "internal error; if urgent, call 129.");
      });
}

}  // namespace bokji::server
