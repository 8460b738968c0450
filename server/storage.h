// Storage: everything the server keeps — help requests, correction reports, staff accounts,
// sessions, rate-limit counters and the access log (개인정보 접속기록) — in SQLite or PostgreSQL.
//
// One Storage class holds every query; it runs them through the SqlDb interface (sql_db.h), whose
// two implementations are the SQLite driver (one file, WAL, group commit) and the PostgreSQL driver
// (a connection pool). The same test suite (tests/server/storage_test.cc) runs against both.
//
//   // clang-format off
//   auto storage = bokji::server::Storage::Open({.sqlite_path = "data/bokji.db"});
//   storage.value()->Migrate();                           // versioned migrations, see kMigrations
//   auto created = storage.value()->CreateRequest(new_request, limit);
//   // clang-format on
//
// Personal fields arrive sealed (crypto.h): Storage never sees plaintext personal data. Every
// method that returns sealed personal data to a staff account writes the access-log row in the same
// transaction, so a read that was not logged cannot happen. Every method takes `now` (Unix seconds)
// so tests control time.
//
// Index
//   - RequestStatus, Jurisdiction, Account       vocabulary
//   - row types                                  what the methods take and return
//   - Storage                                    open, migrate, then one section per table group
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "server/sql_db.h"

namespace bokji::server {

// ---------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------
// 접수 → 담당자 배정 → 상담 완료 → 서비스 연계 / 종결. Stored as the English code.
enum class RequestStatus { kReceived, kAssigned, kCounselled, kLinked, kClosed };
std::string_view StatusCode(RequestStatus s);    // "received", "assigned", …
std::string_view StatusNameKo(RequestStatus s);  // "접수", "담당자 배정", …
std::optional<RequestStatus> StatusFromCode(std::string_view code);
// The flow: each step forward (상담 완료 → 서비스 연계 or 종결; 서비스 연계 → 종결), and 종결 from
// any open status (a duplicate, a household that cannot be reached).
bool IsAllowedTransition(RequestStatus from, RequestStatus to);
// How long a request may stay untouched after 접수 before it is overdue.
inline constexpr int64_t kOverdueSeconds = 14 * 86400;

// Correction reports: 접수 → 확인 중 → 반영함 / 반영 안 함.
enum class CorrectionStatus { kReceived, kChecking, kFixed, kRejected };
std::string_view CorrectionStatusCode(
    CorrectionStatus s);  // "received", "checking", "fixed", "rejected"
std::string_view CorrectionStatusNameKo(CorrectionStatus s);
std::optional<CorrectionStatus> CorrectionStatusFromCode(std::string_view code);

// Where an account may look: one 읍면동, one 시군구 (a 시 code ending in 0, such as 전주시 35010,
// covers its 구), or the whole 도.
struct Jurisdiction {
  RegionLevel level = RegionLevel::kEmd;
  uint32_t code = 0;
};
bool Covers(const Jurisdiction& j, uint32_t sigungu_code, uint32_t emd_code);
std::string_view LevelCode(RegionLevel level);  // "emd", "sigungu", "province"
std::optional<RegionLevel> LevelFromCode(std::string_view code);

// Roles: "worker" (맞춤형복지팀: reads and handles requests) and "supervisor" (the same, and may
// read the access log with the command line tool).
struct Account {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  Jurisdiction jurisdiction;
  std::string password_hash;
  bool active = true;
};

// ---------------------------------------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------------------------------------
struct RateLimit {
  std::string bucket;  // "submit:" + keyed hash of the client address, for example
  int64_t window_seconds = 600;
  int64_t limit = 20;
};

struct NewRequest {
  std::string service_code;
  uint32_t emd_code = 0, sigungu_code = 0;
  std::string sealed_personal;
  std::string receipt_hash;  // HashSecret(receipt code)
  std::string
      sealed_receipt;  // Seal(receipt code): a retry with the same key answers the same code
  std::string idempotency_key;  // "" if the client sent none
  std::string body_hash;        // HashBytes(body)
};

enum class CreateKind { kCreated, kReplayed, kKeyReused, kRateLimited };
struct CreateOutcome {
  CreateKind kind = CreateKind::kCreated;
  int64_t id = 0;
  std::string sealed_receipt;  // for kCreated and kReplayed
};

struct RequestRow {
  int64_t id = 0;
  uint32_t emd_code = 0, sigungu_code = 0;
  RequestStatus status = RequestStatus::kReceived;
  int64_t created_at = 0, updated_at = 0, touched_at = 0, closed_at = 0;  // 0 = never
  int64_t assigned_to = 0;
  std::string assigned_name;
  bool overdue = false;
  std::string sealed_personal;
};

struct NoteRow {
  int64_t id = 0;
  int64_t created_at = 0;
  std::string author;                  // display name
  std::string status_from, status_to;  // codes; "" for a plain note
  std::string sealed_text;
};

struct RequestDetail {
  RequestRow request;
  std::vector<NoteRow> notes;
};

// Status only, for the citizen's receipt lookup: nothing personal.
struct RequestStatusView {
  int64_t id = 0;
  RequestStatus status = RequestStatus::kReceived;
  std::string receipt_hash;
  int64_t created_at = 0, updated_at = 0;
};

struct NewCorrection {
  std::string target_kind;  // "facility" or "program"
  std::string target_key, target_name;
  uint32_t sigungu_code = 0;  // 0: the 도's staff
  std::string sealed_personal;
  std::string idempotency_key, body_hash;
};

struct CorrectionRow {
  int64_t id = 0;
  std::string target_kind, target_key, target_name;
  uint32_t sigungu_code = 0;
  CorrectionStatus status = CorrectionStatus::kReceived;
  int64_t created_at = 0, updated_at = 0;
  std::string sealed_personal;
  std::string sealed_staff_note;  // "" if none
};

struct AccessLogRow {
  int64_t at = 0;
  std::string username;
  std::string record_kind;  // "request" or "correction"
  int64_t record_id = 0;
  std::string action;  // "list", "view", "update_status", "add_note"
};

enum class UpdateKind { kDone, kNotFound, kBadTransition };

struct PurgeCounts {
  int64_t requests = 0, corrections = 0, access_log = 0, rate_limits = 0, sessions = 0;
};

struct StorageOptions {
  // Exactly one of the two: a SQLite file path, or a PostgreSQL conninfo ("" = the PG*
  // environment).
  std::string sqlite_path;
  std::optional<std::string> postgres;
  int connections = 8;  // read connections (SQLite) or pool size (PostgreSQL)
};

// ---------------------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------------------
class Storage {
 public:
  static Result<std::unique_ptr<Storage>> Open(const StorageOptions& options);
  explicit Storage(std::unique_ptr<SqlDb> db) : db_(std::move(db)) {}

  // Migrations, numbered from 1. kLatestSchema is what this build needs; Migrate(n) brings an older
  // (or empty) database up to version n (DEFAULT the latest) in one transaction, so two instances
  // starting at once on one PostgreSQL do not race (an advisory lock there, BEGIN IMMEDIATE in
  // SQLite).
  static constexpr int kLatestSchema = 2;
  Status Migrate(int target = kLatestSchema);
  Result<int> SchemaVersion();
  // The tables and their columns, "table.column" sorted (to compare a stepwise and a fresh
  // migration).
  Result<std::vector<std::string>> SchemaColumns();

  // ---- help requests (citizens) ----
  // In one transaction: a known idempotency key answers kReplayed with the first id and receipt (or
  // kKeyReused when the body differs), else the rate limit is counted (kRateLimited over it), else
  // the request is inserted (kCreated).
  Result<CreateOutcome> CreateRequest(const NewRequest& request, const RateLimit& limit,
                                      int64_t now);
  Result<std::optional<RequestStatusView>> GetRequestStatus(int64_t id);
  // Counts one hit in the limit's current window; false if the limit is exceeded.
  Result<bool> Hit(const RateLimit& limit, int64_t now);

  // ---- help requests (staff; each logs its reads of personal data) ----
  Result<std::vector<RequestRow>> ListRequests(const Account& reader, int64_t now);
  Result<std::optional<RequestDetail>> GetRequest(const Account& reader, int64_t id, int64_t now);
  // Changes the status (assigning the request to `actor` on 담당자 배정) with an optional sealed
  // note.
  Result<UpdateKind> ChangeStatus(const Account& actor, int64_t id, RequestStatus to,
                                  const std::string& sealed_note, int64_t now);
  Result<UpdateKind> AddNote(const Account& actor, int64_t id, const std::string& sealed_note,
                             int64_t now);

  // ---- correction reports ----
  Result<CreateOutcome> CreateCorrection(const NewCorrection& c, const RateLimit& limit,
                                         int64_t now);
  Result<std::vector<CorrectionRow>> ListCorrections(const Account& reader, int64_t now);
  Result<UpdateKind> ChangeCorrectionStatus(const Account& actor, int64_t id, CorrectionStatus to,
                                            const std::string& sealed_note, int64_t now);

  // ---- accounts and sessions ----
  Result<int64_t> CreateAccount(const Account& account, int64_t now);  // fails on a taken username
  Result<std::optional<Account>> FindAccount(std::string_view username);
  Status SetPassword(std::string_view username, const std::string& password_hash);
  Status CreateSession(const std::string& token_hash, int64_t account_id, int64_t now,
                       int64_t expires_at);
  // The session's account, if the session exists, has not expired and its account is active.
  Result<std::optional<Account>> FindSession(const std::string& token_hash, int64_t now);
  Status DeleteSession(const std::string& token_hash);

  // ---- retention ----
  // Deletes requests and corrections closed more than `retention_days` ago (notes with them),
  // access-log rows older than `access_log_days`, old rate-limit windows and expired sessions.
  Result<PurgeCounts> Purge(int64_t now, int retention_days, int access_log_days);
  Result<std::vector<AccessLogRow>> ReadAccessLog(int64_t since, int64_t limit);

  SqlDb& db() { return *db_; }

 private:
  std::unique_ptr<SqlDb> db_;
};

}  // namespace bokji::server
