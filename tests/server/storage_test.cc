// Storage, the same suite on SQLite and on PostgreSQL (a throwaway cluster; see
// server_test_util.h): migrations, idempotent creation, rate limits, jurisdictions, the status
// flow, overdue, the access log, sessions, corrections, retention, and concurrent writers.
#include <set>

#include "tests/server/server_test_util.h"

namespace bokji::server {
namespace {

using testing::Backend;

constexpr int64_t kNow = 1790000000;
constexpr int64_t kDay = 86400;

class StorageTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::unique_ptr<Storage> OpenMigrated(const testing::TestDatabase& db) {
    auto storage = Storage::Open(db.options());
    EXPECT_TRUE(storage.ok()) << storage.status().message();
    Status migrated = storage.value()->Migrate();
    EXPECT_TRUE(migrated.ok()) << migrated.message();
    return std::move(storage).value();
  }

  static NewRequest Request(uint32_t emd, uint32_t sigungu, const std::string& key = "",
                            const std::string& body = "body") {
    NewRequest r;
    r.service_code = "crisis_help";
    r.emd_code = emd;
    r.sigungu_code = sigungu;
    r.sealed_personal = "sealed:" + body;
    r.receipt_hash = "hash-of-" + body;
    r.sealed_receipt = "receipt-of-" + body;
    r.idempotency_key = key;
    r.body_hash = HashBytes(body);
    return r;
  }

  static Account Staff(Storage& storage, const std::string& name, RegionLevel level,
                       uint32_t code) {
    Account a;
    a.username = name;
    a.display_name = name + " (가상)";
    a.role = "worker";
    a.jurisdiction = {level, code};
    a.password_hash = "not-a-real-hash";
    a.id = storage.CreateAccount(a, kNow).value();
    return a;
  }

  static int64_t Count(Storage& storage, const std::string& table) {
    int64_t n = -1;
    EXPECT_TRUE(storage.db()
                    .Read([&](SqlTx& tx) -> Status {
                      auto rows = tx.Query("SELECT COUNT(*) FROM " + table);
                      if (!rows.ok()) return rows.status();
                      n = rows.value().Int(0, 0);
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }

  const RateLimit kGenerous{"test", 600, 1000000};
};

TEST_P(StorageTest, MigratesAnEmptyDatabaseToTheLatestVersionOnceOnly) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = Storage::Open(db->options()).value();
  ASSERT_TRUE(storage->Migrate().ok());
  EXPECT_EQ(storage->SchemaVersion().value(), Storage::kLatestSchema);
  ASSERT_TRUE(storage->Migrate().ok());  // a second start changes nothing
  EXPECT_EQ(Count(*storage, "schema_migrations"), Storage::kLatestSchema);
  std::vector<std::string> columns = storage->SchemaColumns().value();
  for (const char* expected :
       {"help_requests.personal", "access_log.action", "corrections.target_key",
        "staff_sessions.token_hash", "rate_limits.hits"}) {
    EXPECT_NE(std::find(columns.begin(), columns.end(), expected), columns.end()) << expected;
  }
}

TEST_P(StorageTest, UpgradingFromVersionOneKeepsTheDataAndMatchesAFreshSchema) {
  BOKJI_DATABASE_OR_SKIP(old_db, GetParam());
  auto old_storage = Storage::Open(old_db->options()).value();
  ASSERT_TRUE(old_storage->Migrate(1).ok());
  EXPECT_EQ(old_storage->SchemaVersion().value(), 1);
  Account worker = Staff(*old_storage, "upgrade-worker", RegionLevel::kEmd, 3501160);
  auto created =
      old_storage->CreateRequest(Request(3501160, 35011, "upgrade-key-1"), kGenerous, kNow);
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(old_storage->Migrate().ok());
  EXPECT_EQ(old_storage->SchemaVersion().value(), Storage::kLatestSchema);
  auto listed = old_storage->ListRequests(worker, kNow).value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, created.value().id);
  EXPECT_EQ(listed[0].sealed_personal, "sealed:body");
  // Version 2's table works on the upgraded database.
  NewCorrection c{"facility", "장애인복지관:179", "가상 시설", 35011, "sealed", "", HashBytes("c")};
  EXPECT_EQ(old_storage->CreateCorrection(c, kGenerous, kNow).value().kind, CreateKind::kCreated);

  BOKJI_DATABASE_OR_SKIP(fresh_db, GetParam());
  auto fresh = Storage::Open(fresh_db->options()).value();
  ASSERT_TRUE(fresh->Migrate().ok());
  EXPECT_EQ(old_storage->SchemaColumns().value(), fresh->SchemaColumns().value());
}

TEST_P(StorageTest, AnIdempotencyKeyAnswersTheFirstRequestAndNeverMakesASecond) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  auto first =
      storage->CreateRequest(Request(3501160, 35011, "key-aaaaaaaa", "one"), kGenerous, kNow);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first.value().kind, CreateKind::kCreated);
  auto again =
      storage->CreateRequest(Request(3501160, 35011, "key-aaaaaaaa", "one"), kGenerous, kNow + 5);
  EXPECT_EQ(again.value().kind, CreateKind::kReplayed);
  EXPECT_EQ(again.value().id, first.value().id);
  EXPECT_EQ(again.value().sealed_receipt, "receipt-of-one");
  auto other_body =
      storage->CreateRequest(Request(3501160, 35011, "key-aaaaaaaa", "two"), kGenerous, kNow);
  EXPECT_EQ(other_body.value().kind, CreateKind::kKeyReused);
  auto without_key = storage->CreateRequest(Request(3501160, 35011, "", "one"), kGenerous, kNow);
  auto without_key_again =
      storage->CreateRequest(Request(3501160, 35011, "", "one"), kGenerous, kNow);
  EXPECT_NE(without_key.value().id, without_key_again.value().id);
  EXPECT_EQ(Count(*storage, "help_requests"), 3);
}

TEST_P(StorageTest, TheRateLimitRefusesPastItsCountAndStoresNothing) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  RateLimit limit{"submit:test-address", 600, 3};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(storage->CreateRequest(Request(3501160, 35011), limit, kNow).value().kind,
              CreateKind::kCreated);
  }
  EXPECT_EQ(storage->CreateRequest(Request(3501160, 35011), limit, kNow).value().kind,
            CreateKind::kRateLimited);
  EXPECT_EQ(Count(*storage, "help_requests"), 3);
  // The next window starts afresh; another address has its own count.
  EXPECT_EQ(storage->CreateRequest(Request(3501160, 35011), limit, kNow + 600).value().kind,
            CreateKind::kCreated);
  RateLimit other{"submit:other-address", 600, 3};
  EXPECT_TRUE(storage->Hit(other, kNow).value());
}

TEST_P(StorageTest, EachJurisdictionSeesOnlyItsRequests) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  // Two 읍면동 of 완산구 (35011), one of 덕진구 (35012), one of 군산시 (35020), and one request
  // where only 완산구 was chosen (emd_code 0).
  struct Place {
    uint32_t emd, sigungu;
  } places[] = {{3501160, 35011}, {3501161, 35011}, {3501251, 35012}, {3502011, 35020}, {0, 35011}};
  std::vector<int64_t> ids;
  for (const Place& p : places)
    ids.push_back(storage->CreateRequest(Request(p.emd, p.sigungu), kGenerous, kNow).value().id);
  auto ids_seen_by = [&](const Account& a) {
    std::set<int64_t> seen;
    auto listed = storage->ListRequests(a, kNow).value();
    for (const RequestRow& r : listed) seen.insert(r.id);
    return seen;
  };
  Account emd = Staff(*storage, "emd", RegionLevel::kEmd, 3501160);
  Account wansan = Staff(*storage, "wansan", RegionLevel::kSigungu, 35011);
  Account jeonju = Staff(*storage, "jeonju", RegionLevel::kSigungu, 35010);
  Account gunsan = Staff(*storage, "gunsan", RegionLevel::kSigungu, 35020);
  Account province = Staff(*storage, "do", RegionLevel::kProvince, 35);
  EXPECT_EQ(ids_seen_by(emd), (std::set<int64_t>{ids[0]}));
  EXPECT_EQ(ids_seen_by(wansan), (std::set<int64_t>{ids[0], ids[1], ids[4]}));
  EXPECT_EQ(ids_seen_by(jeonju), (std::set<int64_t>{ids[0], ids[1], ids[2], ids[4]}));
  EXPECT_EQ(ids_seen_by(gunsan), (std::set<int64_t>{ids[3]}));
  EXPECT_EQ(ids_seen_by(province).size(), 5u);
  EXPECT_TRUE(storage->GetRequest(emd, ids[0], kNow).value().has_value());
  EXPECT_FALSE(storage->GetRequest(emd, ids[1], kNow).value().has_value());
  EXPECT_FALSE(storage->GetRequest(gunsan, ids[0], kNow).value().has_value());
  EXPECT_EQ(storage->ChangeStatus(gunsan, ids[0], RequestStatus::kAssigned, "", kNow).value(),
            UpdateKind::kNotFound);
  EXPECT_EQ(storage->AddNote(emd, ids[1], "n", kNow).value(), UpdateKind::kNotFound);
}

TEST_P(StorageTest, StatusFollowsTheFlowAndRecordsWhoDidWhat) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  Account worker = Staff(*storage, "flow-worker", RegionLevel::kEmd, 3501160);
  int64_t id = storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow).value().id;
  EXPECT_EQ(storage->ChangeStatus(worker, id, RequestStatus::kCounselled, "", kNow).value(),
            UpdateKind::kBadTransition);  // 상담 완료 needs 담당자 배정 first
  EXPECT_EQ(
      storage->ChangeStatus(worker, id, RequestStatus::kAssigned, "note-1", kNow + 10).value(),
      UpdateKind::kDone);
  EXPECT_EQ(storage->ChangeStatus(worker, id, RequestStatus::kCounselled, "", kNow + 20).value(),
            UpdateKind::kDone);
  EXPECT_EQ(storage->ChangeStatus(worker, id, RequestStatus::kLinked, "", kNow + 30).value(),
            UpdateKind::kDone);
  EXPECT_EQ(storage->AddNote(worker, id, "note-2", kNow + 35).value(), UpdateKind::kDone);
  EXPECT_EQ(storage->ChangeStatus(worker, id, RequestStatus::kClosed, "", kNow + 40).value(),
            UpdateKind::kDone);
  EXPECT_EQ(storage->ChangeStatus(worker, id, RequestStatus::kAssigned, "", kNow + 50).value(),
            UpdateKind::kBadTransition);  // nothing follows 종결
  auto detail = storage->GetRequest(worker, id, kNow + 60).value();
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->request.status, RequestStatus::kClosed);
  EXPECT_EQ(detail->request.closed_at, kNow + 40);
  EXPECT_EQ(detail->request.assigned_to, worker.id);
  EXPECT_EQ(detail->request.assigned_name, "flow-worker (가상)");
  ASSERT_EQ(detail->notes.size(), 5u);
  EXPECT_EQ(detail->notes[0].status_from, "received");
  EXPECT_EQ(detail->notes[0].status_to, "assigned");
  EXPECT_EQ(detail->notes[0].sealed_text, "note-1");
  EXPECT_EQ(detail->notes[3].status_to, "");
  EXPECT_EQ(detail->notes[3].sealed_text, "note-2");
  EXPECT_EQ(detail->notes[4].status_to, "closed");
  // 종결 is reachable from any open status (a duplicate, a household that cannot be reached).
  int64_t other = storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow).value().id;
  EXPECT_EQ(storage->ChangeStatus(worker, other, RequestStatus::kClosed, "", kNow).value(),
            UpdateKind::kDone);
}

TEST_P(StorageTest, ARequestUntouchedFourteenDaysIsOverdueAndListedFirst) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  Account worker = Staff(*storage, "overdue-worker", RegionLevel::kEmd, 3501160);
  int64_t old_id =
      storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow - 15 * kDay).value().id;
  int64_t touched =
      storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow - 20 * kDay).value().id;
  int64_t recent =
      storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow - 13 * kDay).value().id;
  ASSERT_EQ(storage->AddNote(worker, touched, "called (가상)", kNow - 19 * kDay).value(),
            UpdateKind::kDone);
  auto rows = storage->ListRequests(worker, kNow).value();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].id, old_id);
  EXPECT_TRUE(rows[0].overdue);
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_FALSE(rows[i].overdue) << rows[i].id;
    EXPECT_TRUE(rows[i].id == touched || rows[i].id == recent);
  }
}

TEST_P(StorageTest, EveryReadOfPersonalDataIsInTheAccessLog) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  Account worker = Staff(*storage, "log-worker", RegionLevel::kEmd, 3501160);
  int64_t a = storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow).value().id;
  int64_t b = storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow).value().id;
  ASSERT_EQ(storage->ReadAccessLog(0, 100).value().size(), 0u);  // citizens' writes are not reads
  storage->ListRequests(worker, kNow + 1).value();
  storage->GetRequest(worker, a, kNow + 2).value();
  storage->ChangeStatus(worker, b, RequestStatus::kAssigned, "", kNow + 3).value();
  storage->AddNote(worker, b, "x", kNow + 4).value();
  storage->GetRequest(worker, 999999, kNow + 5).value();  // nothing read, nothing logged
  auto log = storage->ReadAccessLog(0, 100).value();
  std::multiset<std::string> entries;
  for (const AccessLogRow& r : log) {
    EXPECT_EQ(r.username, "log-worker");
    EXPECT_EQ(r.record_kind, "request");
    entries.insert(std::to_string(r.record_id) + ":" + r.action + "@" +
                   std::to_string(r.at - kNow));
  }
  std::multiset<std::string> expected = {
      std::to_string(a) + ":list@1", std::to_string(b) + ":list@1", std::to_string(a) + ":view@2",
      std::to_string(b) + ":update_status@3", std::to_string(b) + ":add_note@4"};
  EXPECT_EQ(entries, expected);
}

TEST_P(StorageTest, SessionsEndWhenTheyExpireAreDeletedOrThePasswordChanges) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  Account worker = Staff(*storage, "session-worker", RegionLevel::kEmd, 3501160);
  ASSERT_TRUE(storage->CreateSession("token-hash-1", worker.id, kNow, kNow + 3600).ok());
  ASSERT_TRUE(storage->CreateSession("token-hash-2", worker.id, kNow, kNow + 3600).ok());
  auto found = storage->FindSession("token-hash-1", kNow + 10).value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->username, "session-worker");
  EXPECT_EQ(found->jurisdiction.code, 3501160u);
  EXPECT_FALSE(storage->FindSession("token-hash-1", kNow + 3600).value());  // expired
  EXPECT_FALSE(storage->FindSession("no-such-token", kNow).value());
  ASSERT_TRUE(storage->DeleteSession("token-hash-1").ok());
  EXPECT_FALSE(storage->FindSession("token-hash-1", kNow + 10).value());
  ASSERT_TRUE(storage->SetPassword("session-worker", "new-hash").ok());
  EXPECT_FALSE(storage->FindSession("token-hash-2", kNow + 10).value());
  EXPECT_EQ(storage->FindAccount("session-worker").value()->password_hash, "new-hash");
  EXPECT_FALSE(storage->CreateAccount(worker, kNow).ok());  // the username is taken
}

TEST_P(StorageTest, CorrectionsGoToTheStaffWhoKeepTheData) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  auto add = [&](const char* kind, const char* key, uint32_t sigungu) {
    NewCorrection c{kind, key,           std::string("가상 대상 ") + key, sigungu, "sealed",
                    "",   HashBytes(key)};
    return storage->CreateCorrection(c, kGenerous, kNow).value().id;
  };
  int64_t wansan_facility = add("facility", "f-wansan", 35011);
  int64_t jeonju_program = add("program", "p-jeonju", 35010);
  int64_t gunsan_program = add("program", "p-gunsan", 35020);
  int64_t central_program = add("program", "p-central", 0);
  auto seen = [&](const Account& a) {
    std::set<int64_t> ids;
    auto listed = storage->ListCorrections(a, kNow).value();
    for (const CorrectionRow& c : listed) ids.insert(c.id);
    return ids;
  };
  EXPECT_EQ(seen(Staff(*storage, "c-emd", RegionLevel::kEmd, 3501160)), std::set<int64_t>{});
  EXPECT_EQ(seen(Staff(*storage, "c-wansan", RegionLevel::kSigungu, 35011)),
            (std::set<int64_t>{wansan_facility, jeonju_program}));
  EXPECT_EQ(seen(Staff(*storage, "c-gunsan", RegionLevel::kSigungu, 35020)),
            std::set<int64_t>{gunsan_program});
  Account province = Staff(*storage, "c-do", RegionLevel::kProvince, 35);
  EXPECT_EQ(seen(province),
            (std::set<int64_t>{wansan_facility, jeonju_program, gunsan_program, central_program}));
  Account gunsan = *storage->FindAccount("c-gunsan").value();
  auto probe =
      storage->ChangeCorrectionStatus(gunsan, wansan_facility, CorrectionStatus::kFixed, "", kNow);
  ASSERT_TRUE(probe.ok()) << probe.status().message();
  EXPECT_EQ(
      storage->ChangeCorrectionStatus(gunsan, wansan_facility, CorrectionStatus::kFixed, "", kNow)
          .value(),
      UpdateKind::kNotFound);
  EXPECT_EQ(storage
                ->ChangeCorrectionStatus(province, central_program, CorrectionStatus::kFixed,
                                         "done", kNow)
                .value(),
            UpdateKind::kDone);
  auto listed = storage->ListCorrections(province, kNow).value();
  for (const CorrectionRow& c : listed) {
    EXPECT_EQ(c.status,
              c.id == central_program ? CorrectionStatus::kFixed : CorrectionStatus::kReceived);
    if (c.id == central_program) {
      EXPECT_EQ(c.sealed_staff_note, "done");
    }
  }
}

TEST_P(StorageTest, PurgeDeletesClosedRequestsAfterTheRetentionAndKeepsTheAccessLogTwoYears) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  Account worker = Staff(*storage, "purge-worker", RegionLevel::kEmd, 3501160);
  int64_t long_closed =
      storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow - 200 * kDay).value().id;
  int64_t just_closed =
      storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow - 200 * kDay).value().id;
  int64_t open =
      storage->CreateRequest(Request(3501160, 35011), kGenerous, kNow - 400 * kDay).value().id;
  storage->ChangeStatus(worker, long_closed, RequestStatus::kClosed, "note", kNow - 91 * kDay)
      .value();
  storage->ChangeStatus(worker, just_closed, RequestStatus::kClosed, "note", kNow - 89 * kDay)
      .value();
  storage->ListRequests(worker, kNow - 731 * kDay).value();  // three access-log rows, 731 days old
  storage->ListRequests(worker, kNow - 729 * kDay).value();  // three more, 729 days old
  auto purged = storage->Purge(kNow, 90, 730).value();
  EXPECT_EQ(purged.requests, 1);
  EXPECT_EQ(purged.access_log, 3);
  std::set<int64_t> left;
  auto listed = storage->ListRequests(worker, kNow).value();
  for (const RequestRow& r : listed) left.insert(r.id);
  EXPECT_EQ(left, (std::set<int64_t>{just_closed, open}));
  EXPECT_EQ(Count(*storage, "request_notes"), 1);  // the purged request's note went with it
}

TEST_P(StorageTest, ConcurrentWritersGetDistinctIdsAndOneRowPerKey) {
  BOKJI_DATABASE_OR_SKIP(db, GetParam());
  auto storage = OpenMigrated(*db);
  constexpr int kThreads = 8, kEach = 40;
  std::vector<std::vector<int64_t>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Every key is sent by two threads: one row each, both answered with its id.
        std::string key = "concurrent-" + std::to_string((t / 2) * kEach + i);
        auto r = storage->CreateRequest(Request(3501160, 35011, key, key), kGenerous, kNow);
        ASSERT_TRUE(r.ok()) << r.status().message();
        ids[t].push_back(r.value().id);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(Count(*storage, "help_requests"), kThreads / 2 * kEach);
  for (int t = 0; t < kThreads; t += 2) EXPECT_EQ(ids[t], ids[t + 1]);
  std::set<int64_t> distinct;
  for (int t = 0; t < kThreads; t += 2) distinct.insert(ids[t].begin(), ids[t].end());
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kThreads / 2 * kEach));
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace bokji::server
