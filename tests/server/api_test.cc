// The HTTP API of bokji-server, in-process on a loopback port (SQLite): the citizen's round trip,
// idempotency, bad input (each a clear 4xx with nothing stored changed), injection strings in every
// text field, the access test over every jurisdiction of the sample data, sessions and CSRF,
// corrections, rate limits, and the static site's headers. People in these requests are invented
// ("(가상)").
#include <set>

#include <nlohmann/json.hpp>

#include "server/help_request.h"
#include "tests/server/server_test_util.h"

namespace bokji::server {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::TestServer;

const std::string kConsentVersion = HelpConsent(90).version;

json NeighbourReport(uint32_t region_code) {
  return json{{"service_code", "crisis_help"},
              {"for_whom", "other"},
              {"situations", {"isolation"}},
              {"description", "(가상 요청) 옆집 어르신이 며칠째 보이지 않습니다."},
              {"region_code", region_code},
              {"consent", {{"agreed", true}, {"version", kConsentVersion}}}};
}

json PointReport(double lat, double lng) {
  json body = NeighbourReport(0);
  body.erase("region_code");
  body["lat"] = lat;
  body["long"] = lng;
  return body;
}

httplib::Result Post(httplib::Client& c, const std::string& path, const std::string& body,
                     httplib::Headers headers = {}, const char* type = "application/json") {
  return c.Post(path.c_str(), headers, body, type);
}

// Everything stored, as text: a bad request must leave this unchanged.
std::string Snapshot(Storage& storage) {
  std::string out;
  EXPECT_TRUE(storage.db()
                  .Read([&](SqlTx& tx) -> Status {
                    for (const char* table : {"help_requests", "request_notes", "staff_accounts",
                                              "staff_sessions", "access_log", "corrections"}) {
                      auto rows = tx.Query(std::string("SELECT * FROM ") + table + " ORDER BY 1");
                      if (!rows.ok()) return rows.status();
                      out += std::string("#") + table + "\n";
                      for (size_t r = 0; r < rows.value().size(); ++r) {
                        for (size_t c = 0; c < rows.value().rows[r].size(); ++c)
                          out += rows.value().Text(r, c) + "|";
                        out += "\n";
                      }
                    }
                    return Status::Ok();
                  })
                  .ok());
  return out;
}

struct Session {
  std::string cookie;  // "bokji_staff=…"
  std::string csrf;
};

Session Login(httplib::Client& c, const std::string& user, const std::string& password) {
  auto res = Post(c, "/staff/api/login", json{{"username", user}, {"password", password}}.dump());
  EXPECT_TRUE(res && res->status == 200) << user << ": " << (res ? res->body : "no answer");
  if (!res || res->status != 200) return {};
  std::string set_cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  return {set_cookie.substr(0, set_cookie.find(';')), json::parse(res->body)["csrf_token"]};
}

httplib::Headers Auth(const Session& s, bool with_csrf = true) {
  httplib::Headers h{{"Cookie", s.cookie}};
  if (with_csrf) h.emplace("X-CSRF-Token", s.csrf);
  return h;
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TestDatabase::Make(testing::Backend::kSqlite);
    server_ = std::make_unique<TestServer>(db_->options());
  }
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ApiTest, ACitizenSendsARequestAndSeesItsStatusOnlyWithTheReceiptCode) {
  auto c = server_->Client();
  auto services = c.Get("/open311/v2/services.json");
  ASSERT_EQ(services->status, 200);
  EXPECT_EQ(json::parse(services->body)[0]["service_code"], "crisis_help");
  auto definition = c.Get("/open311/v2/services/crisis_help.json");
  EXPECT_EQ(json::parse(definition->body)["consent"]["version"], kConsentVersion);

  auto created = Post(c, "/open311/v2/requests.json", PointReport(35.7928, 127.185).dump());
  ASSERT_EQ(created->status, 201) << created->body;
  json answer = json::parse(created->body)[0];
  std::string id = answer["service_request_id"], code = answer["receipt_code"];
  EXPECT_EQ(answer["routed_to"]["emd_code"],
            3501160);  // 전주시완산구 동서학동, by the core's RegionIndex
  EXPECT_EQ(answer["routed_to"]["sigungu_code"], 35011);

  auto no_code = c.Get(("/open311/v2/requests/" + id + ".json").c_str());
  EXPECT_EQ(no_code->status, 401);
  // A code in the URL is never read: the request stays refused.
  auto in_query = c.Get(("/open311/v2/requests/" + id + ".json?receipt_code=" + code).c_str());
  EXPECT_EQ(in_query->status, 401);
  auto wrong = c.Get(("/open311/v2/requests/" + id + ".json").c_str(),
                     {{"X-Receipt-Code", "2222-2222-2222"}});
  EXPECT_EQ(wrong->status, 404);
  auto other_id = c.Get("/open311/v2/requests/999.json", {{"X-Receipt-Code", code}});
  EXPECT_EQ(other_id->status, 404);
  EXPECT_EQ(json::parse(other_id->body)[0]["error"], json::parse(wrong->body)[0]["error"]);
  std::string typed = code;  // as a person types it: lower case, spaces for hyphens
  for (char& ch : typed) ch = ch == '-' ? ' ' : static_cast<char>(std::tolower(ch));
  auto right = c.Get(("/open311/v2/requests/" + id + ".json").c_str(), {{"X-Receipt-Code", typed}});
  ASSERT_EQ(right->status, 200);
  json status = json::parse(right->body)[0];
  EXPECT_EQ(status["status"], "open");
  EXPECT_EQ(status["bokji_status_ko"], "접수");
  EXPECT_EQ(right->get_header_value("Cache-Control"), "no-store");
  // Status only: nothing the citizen wrote comes back.
  EXPECT_EQ(right->body.find("가상 요청"), std::string::npos);
  EXPECT_FALSE(status.contains("description") || status.contains("lat") ||
               status.contains("address"));
}

TEST_F(ApiTest, ARetryWithTheSameKeyAnswersTheFirstRequest) {
  auto c = server_->Client();
  std::string body = PointReport(35.7928, 127.185).dump();
  auto first = Post(c, "/open311/v2/requests.json", body, {{"Idempotency-Key", "retry-test-0001"}});
  auto again = Post(c, "/open311/v2/requests.json", body, {{"Idempotency-Key", "retry-test-0001"}});
  ASSERT_EQ(first->status, 201);
  ASSERT_EQ(again->status, 201);
  EXPECT_EQ(first->body, again->body);
  EXPECT_EQ(again->get_header_value("Idempotent-Replayed"), "true");
  std::string before = Snapshot(server_->storage());
  auto changed = Post(c, "/open311/v2/requests.json", PointReport(35.7956, 127.151).dump(),
                      {{"Idempotency-Key", "retry-test-0001"}});
  EXPECT_EQ(changed->status, 422);
  EXPECT_EQ(json::parse(changed->body)[0]["field"], "Idempotency-Key");
  EXPECT_EQ(Snapshot(server_->storage()), before);
}

TEST_F(ApiTest, BadInputGetsAClearClientErrorAndChangesNothing) {
  auto c = server_->Client();
  ASSERT_EQ(Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump())->status, 201);
  std::string before = Snapshot(server_->storage());
  auto with = [](std::function<void(json&)> change) {
    json body = NeighbourReport(3501160);
    change(body);
    return body.dump();
  };
  struct Case {
    std::string name, body;
    int status;
    std::string field;
    httplib::Headers headers = {};
    const char* type = "application/json";
  } cases[] = {
      {"malformed JSON", "{\"service_code\": \"crisis_help\",", 400, ""},
      {"not an object", "[1,2,3]", 400, ""},
      {"invalid UTF-8", "{\"description\":\"\xff\xfe\"}", 400, ""},
      {"missing consent", with([](json& b) { b.erase("consent"); }), 400, "consent"},
      {"consent refused", with([](json& b) { b["consent"]["agreed"] = false; }), 400,
       "consent.agreed"},
      {"point in Seoul", PointReport(37.5665, 126.978).dump(), 422, "lat"},
      {"point in the sea", PointReport(35.9, 125.9).dump(), 422, "lat"},
      {"unknown region", with([](json& b) { b["region_code"] = 1111051; }), 422, "region_code"},
      {"the whole 도", with([](json& b) { b["region_code"] = 35; }), 400, "region_code"},
      {"wrong type: lat", with([](json& b) {
         b.erase("region_code");
         b["lat"] = "35.8";
         b["long"] = 127.1;
       }),
       400, "lat"},
      {"wrong type: situations", with([](json& b) { b["situations"] = "isolation"; }), 400,
       "situations"},
      {"wrong type: contact", with([](json& b) { b["contact"] = 10; }), 400, "contact"},
      {"wrong type: description", with([](json& b) { b["description"] = json::array(); }), 400,
       "description"},
      {"unknown field", with([](json& b) { b["resident_number"] = "900101-1234567"; }), 400,
       "resident_number"},
      {"form encoding",
       "service_code=crisis_help",
       415,
       "",
       {},
       "application/x-www-form-urlencoded"},
      {"bad key",
       NeighbourReport(3501160).dump(),
       400,
       "Idempotency-Key",
       {{"Idempotency-Key", "a b"}}},
  };
  for (const Case& k : cases) {
    auto res = Post(c, "/open311/v2/requests.json", k.body, k.headers, k.type);
    ASSERT_TRUE(res) << k.name;
    EXPECT_EQ(res->status, k.status) << k.name << ": " << res->body;
    json errors = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(errors.is_array() && !errors.empty()) << k.name;
    EXPECT_EQ(errors[0]["field"], k.field) << k.name;
    EXPECT_FALSE(errors[0]["message_ko"].get<std::string>().empty()) << k.name;
    EXPECT_FALSE(errors[0]["message_en"].get<std::string>().empty()) << k.name;
    if (k.field == "lat" && k.status == 422) {
      EXPECT_NE(errors[0]["message_ko"].get<std::string>().find("129"), std::string::npos);
      EXPECT_NE(errors[0]["message_en"].get<std::string>().find("129"), std::string::npos);
    }
  }
  // Oversized: over max_body_bytes (16 KiB by default).
  auto big = Post(c, "/open311/v2/requests.json",
                  with([](json& b) { b["description"] = std::string(20000, 'a'); }));
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(json::parse(big->body)[0]["error"], "too_large");
  EXPECT_EQ(Snapshot(server_->storage()), before);
}

TEST_F(ApiTest, InjectionStringsInEveryTextFieldAreRefusedOrStoredAsPlainText) {
  auto c = server_->Client();
  int64_t worker =
      server_->AddAccount("inject-worker", "password-0001", RegionLevel::kEmd, 3501160);
  (void)worker;
  Session s = Login(c, "inject-worker", "password-0001");
  // Fields and how to put a value there; single-line fields also refuse line breaks.
  struct Field {
    std::string name;
    bool multi_line;
    std::function<void(json&, const std::string&)> set;
  } fields[] = {
      {"description", true, [](json& b, const std::string& v) { b["description"] = v; }},
      {"address_string", true, [](json& b, const std::string& v) { b["address_string"] = v; }},
      {"contact.name", false, [](json& b, const std::string& v) { b["contact"]["name"] = v; }},
      {"contact.best_time", false,
       [](json& b, const std::string& v) { b["contact"]["best_time"] = v; }},
      {"reporter.name", false, [](json& b, const std::string& v) { b["reporter"]["name"] = v; }},
  };
  const std::vector<std::string> refused = {
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
      std::string("nul\0byte", 8), "\x1b]0;title\x07",
      "left\u202Eright",           "a\r\nSet-Cookie: stolen=1\r\n"};
  const std::vector<std::string> plain = {"'); DROP TABLE help_requests; --",
                                          "' OR '1'='1",
                                          "{{7*7}} ${7*7}",
                                          "../../../etc/passwd",
                                          "%00%0d%0a",
                                          "\"; rm -rf / #"};
  for (const Field& f : fields) {
    for (const std::string& value : refused) {
      if (f.multi_line && value.find("\r\n") != std::string::npos)
        continue;  // line breaks are allowed there
      std::string before = Snapshot(server_->storage());
      json body = NeighbourReport(3501160);
      f.set(body, value);
      auto res = Post(c, "/open311/v2/requests.json", body.dump());
      ASSERT_EQ(res->status, 400) << f.name << " ← " << json(value).dump();
      EXPECT_EQ(json::parse(res->body)[0]["field"], f.name);
      EXPECT_EQ(Snapshot(server_->storage()), before);
    }
    for (const std::string& value : plain) {
      json body = NeighbourReport(3501160);
      f.set(body, value);
      auto res = Post(c, "/open311/v2/requests.json", body.dump());
      ASSERT_EQ(res->status, 201) << f.name << " ← " << value << ": " << res->body;
      std::string id = json::parse(res->body)[0]["service_request_id"];
      auto detail = c.Get(("/staff/api/requests/" + id).c_str(), Auth(s, false));
      ASSERT_EQ(detail->status, 200);
      json d = json::parse(detail->body);
      std::string stored = f.name == "description"         ? d["description"]
                           : f.name == "address_string"    ? d["address_string"]
                           : f.name == "contact.name"      ? d["contact"]["name"]
                           : f.name == "contact.best_time" ? d["contact"]["best_time"]
                                                           : d["reporter"]["name"];
      EXPECT_EQ(stored, value) << f.name;  // byte for byte: text, never code
    }
  }
  // Fields with a fixed form refuse them all.
  for (const std::string& value : plain) {
    for (auto set : std::vector<std::function<void(json&)>>{
             [&](json& b) { b["contact"]["phone"] = value; },
             [&](json& b) { b["service_code"] = value; }, [&](json& b) { b["for_whom"] = value; },
             [&](json& b) { b["situations"] = {value}; },
             [&](json& b) { b["consent"]["version"] = value; },
             [&](json& b) { b["region_code"] = value; }}) {
      std::string before = Snapshot(server_->storage());
      json body = NeighbourReport(3501160);
      set(body);
      auto res = Post(c, "/open311/v2/requests.json", body.dump());
      EXPECT_EQ(res->status, 400) << body.dump();
      EXPECT_EQ(Snapshot(server_->storage()), before);
    }
  }
  // The tables are all still there.
  EXPECT_GT(Snapshot(server_->storage()).size(), 0u);
  EXPECT_EQ(server_->storage().SchemaVersion().value(), Storage::kLatestSchema);
}

// Workers of every jurisdiction of the sample data (241 읍면동, 15 시군구, 전주시, the 도) each
// read exactly the requests of their area: 0 of another's.
TEST_F(ApiTest, EveryJurisdictionReadsOnlyItsOwnRequests) {
  auto c = server_->Client();
  const Dataset& data = testing::SampleDirectory().data();
  std::map<std::string, std::pair<uint32_t, uint32_t>>
      where;  // request id → (emd, sigungu) we sent
  std::vector<const Region*> emds, sigungus;
  for (const Region& r : data.regions) {
    if (r.level == RegionLevel::kEmd) emds.push_back(&r);
    if (r.level == RegionLevel::kSigungu) sigungus.push_back(&r);
  }
  ASSERT_EQ(emds.size(), 241u);
  ASSERT_EQ(sigungus.size(), 15u);
  for (const Region* r : emds) {
    auto res = Post(c, "/open311/v2/requests.json", NeighbourReport(r->code).dump());
    ASSERT_EQ(res->status, 201) << r->full_name;
    where[json::parse(res->body)[0]["service_request_id"]] = {r->code, r->parent_code};
  }
  for (const Region* r : sigungus) {  // a 시군구 chosen without a 읍면동
    auto res = Post(c, "/open311/v2/requests.json", NeighbourReport(r->code).dump());
    ASSERT_EQ(res->status, 201) << r->full_name;
    where[json::parse(res->body)[0]["service_request_id"]] = {0, r->code};
  }
  struct Worker {
    std::string name;
    RegionLevel level;
    uint32_t code;
  };
  std::vector<Worker> workers;
  for (const Region* r : emds)
    workers.push_back({"emd-" + std::to_string(r->code), RegionLevel::kEmd, r->code});
  for (const Region* r : sigungus)
    workers.push_back({"sgg-" + std::to_string(r->code), RegionLevel::kSigungu, r->code});
  workers.push_back({"jeonju", RegionLevel::kSigungu, 35010});
  workers.push_back({"province", RegionLevel::kProvince, 35});
  for (const Worker& w : workers)
    server_->AddAccount(w.name, "password-" + w.name, w.level, w.code);

  std::string probe_id = where.begin()->first;  // one request to try reading from outside
  for (const Worker& w : workers) {
    Session s = Login(c, w.name, "password-" + w.name);
    auto res = c.Get("/staff/api/requests", Auth(s, false));
    ASSERT_EQ(res->status, 200) << w.name;
    std::set<std::string> seen, expected;
    json listed = json::parse(res->body);
    for (const json& r : listed["requests"]) seen.insert(r["id"].get<std::string>());
    for (const auto& [id, place] : where) {
      auto [emd, sigungu] = place;
      bool mine = w.level == RegionLevel::kProvince ||
                  (w.level == RegionLevel::kEmd && emd == w.code) ||
                  (w.level == RegionLevel::kSigungu &&
                   (sigungu == w.code || (w.code == 35010 && sigungu / 10 == 3501)));
      if (mine) expected.insert(id);
    }
    ASSERT_EQ(seen, expected) << w.name << " " << res->body.substr(0, 300);
    if (w.level == RegionLevel::kEmd) {
      ASSERT_EQ(seen.size(), 1u) << w.name;
    }
    if (!expected.count(probe_id)) {
      EXPECT_EQ(c.Get(("/staff/api/requests/" + probe_id).c_str(), Auth(s, false))->status, 404)
          << w.name;
      auto change = Post(c, "/staff/api/requests/" + probe_id + "/status",
                         json{{"status", "assigned"}}.dump(), Auth(s));
      EXPECT_EQ(change->status, 404) << w.name;
    }
  }
  // Nobody outside changed the probe request.
  std::string code_less_status;
  Session province = Login(c, "province", "password-province");
  auto probe = c.Get(("/staff/api/requests/" + probe_id).c_str(), Auth(province, false));
  EXPECT_EQ(json::parse(probe->body)["status"], "received");
}

TEST_F(ApiTest, WithoutASessionOrWithAStaleOrForeignCsrfTokenNothingChanges) {
  auto c = server_->Client();
  server_->AddAccount("worker-a", "password-aaaa", RegionLevel::kEmd, 3501160);
  server_->AddAccount("worker-b", "password-bbbb", RegionLevel::kEmd, 3501160);
  auto created = Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump());
  std::string id = json::parse(created->body)[0]["service_request_id"];
  std::string path = "/staff/api/requests/" + id + "/status";
  std::string body = json{{"status", "assigned"}, {"note", "(가상) 메모"}}.dump();
  Session a = Login(c, "worker-a", "password-aaaa");
  Session b = Login(c, "worker-b", "password-bbbb");
  EXPECT_EQ(
      Post(c, "/staff/api/login", json{{"username", "worker-a"}, {"password", "wrong"}}.dump())
          ->status,
      401);
  EXPECT_EQ(Post(c, "/staff/api/login", json{{"username", "nobody"}, {"password", "wrong"}}.dump())
                ->status,
            401);
  std::string before = Snapshot(server_->storage());

  EXPECT_EQ(c.Get("/staff/api/requests")->status, 401);
  EXPECT_EQ(c.Get(("/staff/api/requests/" + id).c_str())->status, 401);
  EXPECT_EQ(Post(c, path, body)->status, 401);
  EXPECT_EQ(
      Post(c, path, body, {{"Cookie", "bokji_staff=forged-token-value"}, {"X-CSRF-Token", a.csrf}})
          ->status,
      401);
  EXPECT_EQ(Post(c, path, body, Auth(a, false))->status, 403);  // no CSRF token
  EXPECT_EQ(Post(c, path, body, {{"Cookie", a.cookie}, {"X-CSRF-Token", b.csrf}})->status,
            403);  // another's
  EXPECT_EQ(Post(c, path, body, {{"Cookie", b.cookie}, {"X-CSRF-Token", a.csrf}})->status, 403);
  // Signing out ends the session; signing in again makes a new token and the old one is stale.
  ASSERT_EQ(Post(c, "/staff/api/logout", "{}", Auth(a))->status, 200);
  EXPECT_EQ(Post(c, path, body, Auth(a))->status, 401);
  Session a2 = Login(c, "worker-a", "password-aaaa");
  EXPECT_NE(a2.csrf, a.csrf);
  EXPECT_EQ(Post(c, path, body, {{"Cookie", a2.cookie}, {"X-CSRF-Token", a.csrf}})->status, 403);
  // Only the logins and logout changed anything: sessions. Requests, notes and the log are as
  // before.
  std::string after = Snapshot(server_->storage());
  auto part = [](const std::string& s, const std::string& table) {
    size_t from = s.find("#" + table), to = s.find('#', from + 1);
    return s.substr(from, to - from);
  };
  for (const char* table : {"help_requests", "request_notes", "access_log"})
    EXPECT_EQ(part(after, table), part(before, table));

  // With the right token it works, and the citizen's code shows the new status.
  ASSERT_EQ(Post(c, path, body, Auth(a2))->status, 200);
  auto status =
      c.Get(("/open311/v2/requests/" + id + ".json").c_str(),
            {{"X-Receipt-Code", json::parse(created->body)[0]["receipt_code"].get<std::string>()}});
  EXPECT_EQ(json::parse(status->body)[0]["bokji_status_ko"], "담당자 배정");
  auto log = server_->storage().ReadAccessLog(0, 100).value();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().username, "worker-a");
  EXPECT_EQ(log.back().action, "update_status");
  EXPECT_EQ(std::to_string(log.back().record_id), id);
}

TEST_F(ApiTest, StaffSeeOverdueRequestsFirstAndNotesStaySealed) {
  auto c = server_->Client();
  server_->AddAccount("overdue", "password-over", RegionLevel::kEmd, 3501160);
  server_->now = 1790000000 - 15 * 86400;
  std::string old_id =
      json::parse(Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump())
                      ->body)[0]["service_request_id"];
  server_->now = 1790000000;
  Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump());
  Session s = Login(c, "overdue", "password-over");
  json list = json::parse(c.Get("/staff/api/requests", Auth(s, false))->body)["requests"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], old_id);
  EXPECT_TRUE(list[0]["overdue"].get<bool>());
  EXPECT_FALSE(list[1]["overdue"].get<bool>());
  ASSERT_EQ(Post(c, "/staff/api/requests/" + old_id + "/notes",
                 json{{"text", "(가상) 전화 두 번 안 받음"}}.dump(), Auth(s))
                ->status,
            201);
  // The note is sealed at rest: its words are nowhere in the database.
  EXPECT_EQ(Snapshot(server_->storage()).find("전화 두 번"), std::string::npos);
  EXPECT_EQ(Snapshot(server_->storage()).find("며칠째"), std::string::npos);
  json detail = json::parse(c.Get(("/staff/api/requests/" + old_id).c_str(), Auth(s, false))->body);
  EXPECT_EQ(detail["notes"][0]["text"], "(가상) 전화 두 번 안 받음");
  EXPECT_FALSE(detail["overdue"].get<bool>());  // touched now
  json map = json::parse(c.Get("/staff/api/map", Auth(s, false))->body);
  ASSERT_EQ(map["regions"].size(), 1u);
  EXPECT_EQ(map["regions"][0]["code"], 3501160);
}

TEST_F(ApiTest, CorrectionsAreRoutedToTheFacilitysSigungu) {
  auto c = server_->Client();
  const Dataset& data = testing::SampleDirectory().data();
  const Facility& facility = data.facilities.front();
  const Program* city_program = nullptr;
  for (const Program& p : data.programs) {
    if (p.level == ProgramLevel::kCity && p.sigungu_code == 35020) city_program = &p;
  }
  ASSERT_NE(city_program, nullptr);
  json report{{"target", {{"kind", "facility"}, {"key", facility.source_key}}},
              {"what_is_wrong", "(가상) 전화번호가 바뀌었어요"}};
  auto res = Post(c, "/api/v1/corrections.json", report.dump());
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(json::parse(res->body)["routed_to"]["sigungu_code"], facility.sigungu_code);
  json program_report{{"target", {{"kind", "program"}, {"key", city_program->service_id}}},
                      {"what_is_wrong", "(가상) 신청 기간이 끝났어요"},
                      {"contact", {{"phone", "010-0000-0000"}}},
                      {"consent", {{"agreed", true}, {"version", CorrectionConsent(90).version}}}};
  ASSERT_EQ(Post(c, "/api/v1/corrections.json", program_report.dump())->status, 201);
  json unknown{{"target", {{"kind", "facility"}, {"key", "no-such-facility"}}},
               {"what_is_wrong", "x"}};
  auto missing = Post(c, "/api/v1/corrections.json", unknown.dump());
  EXPECT_EQ(missing->status, 422);
  EXPECT_EQ(json::parse(missing->body)[0]["field"], "target.key");

  server_->AddAccount("facility-sgg", "password-sgg1", RegionLevel::kSigungu,
                      facility.sigungu_code);
  server_->AddAccount("gunsan", "password-gunsan", RegionLevel::kSigungu, 35020);
  Session f = Login(c, "facility-sgg", "password-sgg1");
  Session g = Login(c, "gunsan", "password-gunsan");
  json fs = json::parse(c.Get("/staff/api/corrections", Auth(f, false))->body)["corrections"];
  json gs = json::parse(c.Get("/staff/api/corrections", Auth(g, false))->body)["corrections"];
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0]["target_name"], facility.name);
  ASSERT_EQ(gs.size(), 1u);
  EXPECT_EQ(gs[0]["contact"]["phone"], "01000000000");
  std::string gid = gs[0]["id"];
  EXPECT_EQ(Post(c, "/staff/api/corrections/" + gid + "/status", json{{"status", "fixed"}}.dump(),
                 Auth(f))
                ->status,
            404);
  EXPECT_EQ(Post(c, "/staff/api/corrections/" + gid + "/status",
                 json{{"status", "fixed"}, {"note", "반영"}}.dump(), Auth(g))
                ->status,
            200);
  EXPECT_EQ(
      json::parse(
          c.Get("/staff/api/corrections", Auth(g, false))->body)["corrections"][0]["status_ko"],
      "반영함");
}

TEST(ApiLimits, AnAddressOverItsLimitGets429AndNothingIsStored) {
  auto db = testing::TestDatabase::Make(testing::Backend::kSqlite);
  Config config = testing::TestConfig();
  config.submissions_per_window = 2;
  TestServer server(db->options(), config);
  auto c = server.Client();
  EXPECT_EQ(Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump())->status, 201);
  EXPECT_EQ(Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump())->status, 201);
  auto third = Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump());
  EXPECT_EQ(third->status, 429);
  EXPECT_FALSE(third->get_header_value("Retry-After").empty());
  server.now += config.rate_window_seconds;
  EXPECT_EQ(Post(c, "/open311/v2/requests.json", NeighbourReport(3501160).dump())->status, 201);
}

TEST(ApiStatic, PrecompressedVariantsHashedNamesAndFrameAncestors) {
  TempDir site;
  std::filesystem::create_directories(site.Path("staff"));
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(site.Path(name)) << text;
  };
  write("index.html", "<!doctype html>identity");
  write("bokjimap.0123456789ab.js", "identity-js");
  write("bokjimap.0123456789ab.js.gz", "gzip-js");
  write("bokjimap.0123456789ab.js.br", "brotli-js");
  write("staff/index.html", "staff page");
  auto db = testing::TestDatabase::Make(testing::Backend::kSqlite);
  Config config = testing::TestConfig();
  config.frame_ancestors = {"https://www.jeonju.go.kr", "https://www.jeonbuk.go.kr"};
  TestServer server(db->options(), config, site.path());
  auto c = server.Client();
  c.set_decompress(false);
  struct Case {
    std::string accept, body, encoding;
  } cases[] = {{"gzip, deflate, br", "brotli-js", "br"},
               {"gzip", "gzip-js", "gzip"},
               {"br;q=0, gzip;q=0.5", "gzip-js", "gzip"},
               {"identity", "identity-js", ""},
               {"", "identity-js", ""}};
  for (const Case& k : cases) {
    auto res = c.Get("/bokjimap.0123456789ab.js", {{"Accept-Encoding", k.accept}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(res->body, k.body) << k.accept;
    EXPECT_EQ(res->get_header_value("Content-Encoding"), k.encoding) << k.accept;
    EXPECT_EQ(res->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(res->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  }
  auto index = c.Get("/");
  EXPECT_EQ(index->body, "<!doctype html>identity");
  EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(index->get_header_value("Content-Security-Policy"),
            "frame-ancestors 'self' https://www.jeonju.go.kr https://www.jeonbuk.go.kr");
  auto again = c.Get("/", {{"If-None-Match", index->get_header_value("ETag")}});
  EXPECT_EQ(again->status, 304);
  auto staff = c.Get("/staff");
  EXPECT_EQ(staff->body, "staff page");
  EXPECT_NE(staff->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(c.Get("/../etc/passwd")->status, 404);
  EXPECT_EQ(c.Get("/no-such-file.js")->status, 404);
}

// The page's settings from the configuration, and the kiosks' start addresses (issue 10).
TEST(ApiStatic, SiteConfigAndKioskAddresses) {
  auto db = testing::TestDatabase::Make(testing::Backend::kSqlite);
  Config config = testing::TestConfig();
  config.frame_ancestors = {"https://www.jeonju.go.kr"};
  config.kiosk_paths = {"/kiosk", "/lobby/seosin-dong"};
  config.kiosk_idle_seconds = 90;
  config.kiosk_warning_seconds = 20;
  TestServer server(db->options(), config);
  auto c = server.Client();

  auto site = c.Get("/site-config.json");
  ASSERT_EQ(site->status, 200);
  EXPECT_EQ(site->get_header_value("Cache-Control"), "no-cache");
  json body = json::parse(site->body);
  EXPECT_EQ(body["version"], 1);
  EXPECT_EQ(body["embed_origins"], json::array({"https://www.jeonju.go.kr"}));
  EXPECT_EQ(body["kiosk"]["idle_seconds"], 90);
  EXPECT_EQ(body["kiosk"]["warning_seconds"], 20);

  for (const char* path : {"/kiosk", "/kiosk/", "/lobby/seosin-dong"}) {
    auto res = c.Get(path);
    EXPECT_EQ(res->status, 302) << path;
    EXPECT_EQ(res->get_header_value("Location"), "/?mode=kiosk&idle=90&idle_warning=20") << path;
  }
  EXPECT_EQ(c.Get("/kiosk2")->status, 404);  // only the configured paths
  EXPECT_EQ(c.Get("/lobby")->status, 404);
}

}  // namespace
}  // namespace bokji::server
