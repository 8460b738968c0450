// Storage's queries (storage.h). Every statement is written once in the SQL both databases accept;
// the few differences (identity columns, locking during migration) are picked by dialect.
//
// Index
//   - vocabulary functions
//   - migrations (kMigrations)
//   - helpers: jurisdiction clause, rate-limit hit, access-log row
//   - Storage methods, in storage.h's order
#include "server/storage.h"

#include <algorithm>
#include <cassert>
#include <ctime>

namespace bokji::server {

// ---------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------
namespace {
struct StatusInfo {
  RequestStatus status;
  std::string_view code, name_ko;
};
constexpr StatusInfo kStatuses[] = {
    {RequestStatus::kReceived, "received", "접수"},
    {RequestStatus::kAssigned, "assigned", "담당자 배정"},
    {RequestStatus::kCounselled, "counselled", "상담 완료"},
    {RequestStatus::kLinked, "linked", "서비스 연계"},
    {RequestStatus::kClosed, "closed", "종결"},
};
struct CorrectionInfo {
  CorrectionStatus status;
  std::string_view code, name_ko;
};
constexpr CorrectionInfo kCorrectionStatuses[] = {
    {CorrectionStatus::kReceived, "received", "접수"},
    {CorrectionStatus::kChecking, "checking", "확인 중"},
    {CorrectionStatus::kFixed, "fixed", "반영함"},
    {CorrectionStatus::kRejected, "rejected", "반영 안 함"},
};
}  // namespace

std::string_view StatusCode(RequestStatus s) {
  return kStatuses[static_cast<int>(s)].code;
}
std::string_view StatusNameKo(RequestStatus s) {
  return kStatuses[static_cast<int>(s)].name_ko;
}
std::optional<RequestStatus> StatusFromCode(std::string_view code) {
  for (const StatusInfo& info : kStatuses) {
    if (info.code == code) return info.status;
  }
  return std::nullopt;
}

bool IsAllowedTransition(RequestStatus from, RequestStatus to) {
  using S = RequestStatus;
  if (from == S::kClosed) return false;
  if (to == S::kClosed) return true;
  return (from == S::kReceived && to == S::kAssigned) ||
         (from == S::kAssigned && to == S::kCounselled) ||
         (from == S::kCounselled && to == S::kLinked);
}

std::string_view CorrectionStatusCode(CorrectionStatus s) {
  return kCorrectionStatuses[static_cast<int>(s)].code;
}
std::string_view CorrectionStatusNameKo(CorrectionStatus s) {
  return kCorrectionStatuses[static_cast<int>(s)].name_ko;
}
std::optional<CorrectionStatus> CorrectionStatusFromCode(std::string_view code) {
  for (const CorrectionInfo& info : kCorrectionStatuses) {
    if (info.code == code) return info.status;
  }
  return std::nullopt;
}

bool Covers(const Jurisdiction& j, uint32_t sigungu_code, uint32_t emd_code) {
  switch (j.level) {
    case RegionLevel::kProvince:
      return true;
    case RegionLevel::kSigungu:
      return sigungu_code == j.code || (j.code % 10 == 0 && sigungu_code / 10 == j.code / 10);
    case RegionLevel::kEmd:
      return emd_code == j.code;
  }
  return false;
}

std::string_view LevelCode(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "province";
    case RegionLevel::kSigungu:
      return "sigungu";
    case RegionLevel::kEmd:
      return "emd";
  }
  return "emd";
}
std::optional<RegionLevel> LevelFromCode(std::string_view code) {
  if (code == "province") return RegionLevel::kProvince;
  if (code == "sigungu") return RegionLevel::kSigungu;
  if (code == "emd") return RegionLevel::kEmd;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------
// Migrations. Never edit a released one: add the next. "{id}" is the dialect's identity primary
// key.
// ---------------------------------------------------------------------------------------------------------
namespace {

struct Migration {
  int version;
  const char* name;
  std::vector<const char*> statements;
};

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "help requests, staff, sessions, rate limits, access log",
       {
           "CREATE TABLE staff_accounts (id {id}, username TEXT NOT NULL UNIQUE, display_name TEXT "
           "NOT "
           "NULL, role TEXT NOT NULL, level TEXT NOT NULL, region_code BIGINT NOT NULL, "
           "password_hash "
           "TEXT NOT NULL, active BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)",
           "CREATE TABLE help_requests (id {id}, service_code TEXT NOT NULL, emd_code BIGINT NOT "
           "NULL, "
           "sigungu_code BIGINT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL, "
           "updated_at "
           "BIGINT NOT NULL, touched_at BIGINT, closed_at BIGINT, assigned_to BIGINT REFERENCES "
           "staff_accounts(id), personal TEXT NOT NULL, receipt_hash TEXT NOT NULL, receipt_sealed "
           "TEXT "
           "NOT NULL, idempotency_key TEXT UNIQUE, body_hash TEXT NOT NULL)",
           "CREATE INDEX help_requests_emd ON help_requests (emd_code)",
           "CREATE INDEX help_requests_sigungu ON help_requests (sigungu_code)",
           "CREATE INDEX help_requests_closed ON help_requests (closed_at)",
           "CREATE TABLE request_notes (id {id}, request_id BIGINT NOT NULL REFERENCES "
           "help_requests(id) "
           "ON DELETE CASCADE, account_id BIGINT NOT NULL REFERENCES staff_accounts(id), "
           "created_at "
           "BIGINT NOT NULL, status_from TEXT, status_to TEXT, body TEXT NOT NULL)",
           "CREATE INDEX request_notes_request ON request_notes (request_id)",
           "CREATE TABLE staff_sessions (token_hash TEXT PRIMARY KEY, account_id BIGINT NOT NULL "
           "REFERENCES staff_accounts(id) ON DELETE CASCADE, created_at BIGINT NOT NULL, "
           "expires_at "
           "BIGINT NOT NULL)",
           "CREATE TABLE rate_limits (bucket TEXT NOT NULL, window_start BIGINT NOT NULL, hits "
           "BIGINT NOT "
           "NULL, PRIMARY KEY (bucket, window_start))",
           "CREATE TABLE access_log (id {id}, at BIGINT NOT NULL, account_id BIGINT NOT NULL, "
           "username "
           "TEXT NOT NULL, record_kind TEXT NOT NULL, record_id BIGINT NOT NULL, action TEXT NOT "
           "NULL)",
           "CREATE INDEX access_log_at ON access_log (at)",
       }},
      {2,
       "correction reports (정보가 틀렸어요)",
       {
           "CREATE TABLE corrections (id {id}, target_kind TEXT NOT NULL, target_key TEXT NOT "
           "NULL, "
           "target_name TEXT NOT NULL, sigungu_code BIGINT NOT NULL, status TEXT NOT NULL, "
           "created_at "
           "BIGINT NOT NULL, updated_at BIGINT NOT NULL, closed_at BIGINT, personal TEXT NOT NULL, "
           "staff_note TEXT, idempotency_key TEXT UNIQUE, body_hash TEXT NOT NULL)",
           "CREATE INDEX corrections_sigungu ON corrections (sigungu_code)",
       }},
  };
  return kMigrations;
}

std::string ForDialect(const char* sql, SqlDialect dialect) {
  std::string text(sql);
  const std::string id = dialect == SqlDialect::kSqlite
                             ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                             : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  for (size_t at; (at = text.find("{id}")) != std::string::npos;) text.replace(at, 4, id);
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

// " AND (…)" restricting `sigungu_column` / `emd_column` to the jurisdiction; appends its
// parameters.
std::string JurisdictionClause(const Jurisdiction& j, const char* sigungu_column,
                               const char* emd_column, std::vector<SqlValue>& params) {
  switch (j.level) {
    case RegionLevel::kProvince:
      return "";
    case RegionLevel::kSigungu:
      params.push_back(static_cast<int64_t>(j.code));
      if (j.code % 10 == 0) {
        params.push_back(static_cast<int64_t>(j.code / 10));
        return std::string(" AND (") + sigungu_column + " = $" + std::to_string(params.size() - 1) +
               " OR " + sigungu_column + " / 10 = $" + std::to_string(params.size()) + ")";
      }
      return std::string(" AND ") + sigungu_column + " = $" + std::to_string(params.size());
    case RegionLevel::kEmd:
      if (emd_column == nullptr) return " AND 1 = 0";
      params.push_back(static_cast<int64_t>(j.code));
      return std::string(" AND ") + emd_column + " = $" + std::to_string(params.size());
  }
  return " AND 1 = 0";
}

Result<bool> HitIn(SqlTx& tx, const RateLimit& limit, int64_t now) {
  int64_t window = now - now % limit.window_seconds;
  auto rows = tx.Query(
      "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) ON CONFLICT "
      "(bucket, "
      "window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits",
      {limit.bucket, window});
  if (!rows.ok()) return rows.status();
  return rows.value().Int(0, 0) <= limit.limit;
}

Status LogAccess(SqlTx& tx, const Account& who, const char* kind, int64_t record_id,
                 const char* action, int64_t now) {
  auto r = tx.Query(
      "INSERT INTO access_log (at, account_id, username, record_kind, record_id, action) VALUES "
      "($1, $2, "
      "$3, $4, $5, $6)",
      {now, who.id, who.username, std::string(kind), record_id, std::string(action)});
  return r.ok() ? Status::Ok() : r.status();
}

constexpr const char* kRequestColumns =
    "r.id, r.emd_code, r.sigungu_code, r.status, r.created_at, r.updated_at, r.touched_at, "
    "r.closed_at, "
    "r.assigned_to, a.display_name, r.personal";

RequestRow RequestFromRow(const SqlRows& rows, size_t i, int64_t now) {
  RequestRow r;
  r.id = rows.Int(i, 0);
  r.emd_code = static_cast<uint32_t>(rows.Int(i, 1));
  r.sigungu_code = static_cast<uint32_t>(rows.Int(i, 2));
  r.status = StatusFromCode(rows.Text(i, 3)).value_or(RequestStatus::kReceived);
  r.created_at = rows.Int(i, 4);
  r.updated_at = rows.Int(i, 5);
  r.touched_at = rows.Int(i, 6);
  r.closed_at = rows.Int(i, 7);
  r.assigned_to = rows.Int(i, 8);
  r.assigned_name = rows.Text(i, 9);
  r.sealed_personal = rows.Text(i, 10);
  r.overdue = r.status == RequestStatus::kReceived && r.touched_at == 0 &&
              r.created_at <= now - kOverdueSeconds;
  return r;
}

Account AccountFromRow(const SqlRows& rows, size_t i) {
  Account a;
  a.id = rows.Int(i, 0);
  a.username = rows.Text(i, 1);
  a.display_name = rows.Text(i, 2);
  a.role = rows.Text(i, 3);
  a.jurisdiction.level = LevelFromCode(rows.Text(i, 4)).value_or(RegionLevel::kEmd);
  a.jurisdiction.code = static_cast<uint32_t>(rows.Int(i, 5));
  a.password_hash = rows.Text(i, 6);
  a.active = rows.Int(i, 7) != 0;
  return a;
}
constexpr const char* kAccountColumns =
    "id, username, display_name, role, level, region_code, password_hash, active";

// Finds an idempotency key's earlier answer in `table`; sets *outcome and returns true if there is
// one.
Result<bool> FindReplay(SqlTx& tx, const char* table, const std::string& key,
                        const std::string& body_hash, bool with_receipt, CreateOutcome* outcome) {
  if (key.empty()) return false;
  std::string sql = std::string("SELECT id, body_hash, ") +
                    (with_receipt ? "receipt_sealed" : "''") + " FROM " + table +
                    " WHERE idempotency_key = $1";
  auto rows = tx.Query(sql, {key});
  if (!rows.ok()) return rows.status();
  if (rows.value().empty()) return false;
  if (rows.value().Text(0, 1) != body_hash) {
    outcome->kind = CreateKind::kKeyReused;
    return true;
  }
  outcome->kind = CreateKind::kReplayed;
  outcome->id = rows.value().Int(0, 0);
  outcome->sealed_receipt = rows.value().Text(0, 2);
  return true;
}

SqlValue KeyOrNull(const std::string& key) {
  return key.empty() ? SqlValue(std::monostate{}) : SqlValue(key);
}

// True if a failed insert was a unique-key conflict (another instance inserted the same idempotency
// key between our look-up and our insert).
bool IsUniqueViolation(const Status& s) {
  return s.message().find("UNIQUE") != std::string::npos ||
         s.message().find("unique") != std::string::npos;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------------------
Result<std::unique_ptr<Storage>> Storage::Open(const StorageOptions& options) {
  Result<std::unique_ptr<SqlDb>> db =
      options.postgres ? OpenPostgres(*options.postgres, options.connections)
                       : OpenSqlite(options.sqlite_path, SqliteOptions{256, options.connections});
  if (!db.ok()) return db.status();
  return std::make_unique<Storage>(std::move(db).value());
}

Status Storage::Migrate(int target) {
  // REQUIRES: a version this build knows (a programming or deployment mistake otherwise).
  assert(target >= 1 && target <= kLatestSchema);
  SqlDialect dialect = db_->dialect();
  return db_->Write([&](SqlTx& tx) -> Status {
    if (dialect == SqlDialect::kPostgres) {
      auto lock = tx.Query("SELECT pg_advisory_xact_lock(7220091)");
      if (!lock.ok()) return lock.status();
    }
    auto made = tx.Query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT "
        "NULL, "
        "applied_at BIGINT NOT NULL)");
    if (!made.ok()) return made.status();
    auto current = tx.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!current.ok()) return current.status();
    int64_t have = current.value().Int(0, 0);
    if (have > kLatestSchema) {
      return Status::Error("the database is at schema version " + std::to_string(have) +
                           ", newer than this server (" + std::to_string(kLatestSchema) +
                           "): run the newer server");
    }
    for (const Migration& m : Migrations()) {
      if (m.version <= have || m.version > target) continue;
      for (const char* statement : m.statements) {
        auto r = tx.Query(ForDialect(statement, dialect));
        if (!r.ok()) {
          return Status::Error("migration " + std::to_string(m.version) + ": " +
                               r.status().message());
        }
      }
      auto r =
          tx.Query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                   {static_cast<int64_t>(m.version), std::string(m.name),
                    static_cast<int64_t>(time(nullptr))});
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  });
}

Result<int> Storage::SchemaVersion() {
  int version = 0;
  Status s = db_->Read([&](SqlTx& tx) -> Status {
    auto rows = tx.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows.ok()) return rows.status();
    version = static_cast<int>(rows.value().Int(0, 0));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return version;
}

Result<std::vector<std::string>> Storage::SchemaColumns() {
  std::vector<std::string> columns;
  Status s = db_->Read([&](SqlTx& tx) -> Status {
    if (db_->dialect() == SqlDialect::kPostgres) {
      auto rows = tx.Query(
          "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE "
          "table_schema = "
          "current_schema() ORDER BY 1");
      if (!rows.ok()) return rows.status();
      for (size_t i = 0; i < rows.value().size(); ++i) columns.push_back(rows.value().Text(i, 0));
    } else {
      auto rows = tx.Query(
          "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
          "WHERE "
          "m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1");
      if (!rows.ok()) return rows.status();
      for (size_t i = 0; i < rows.value().size(); ++i) columns.push_back(rows.value().Text(i, 0));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::sort(columns.begin(), columns.end());
  return columns;
}

// ---- help requests (citizens) ----
Result<CreateOutcome> Storage::CreateRequest(const NewRequest& request, const RateLimit& limit,
                                             int64_t now) {
  for (int attempt = 0;; ++attempt) {
    CreateOutcome outcome;
    Status s = db_->Write([&](SqlTx& tx) -> Status {
      auto replay = FindReplay(tx, "help_requests", request.idempotency_key, request.body_hash,
                               true, &outcome);
      if (!replay.ok()) return replay.status();
      if (replay.value()) return Status::Ok();
      auto allowed = HitIn(tx, limit, now);
      if (!allowed.ok()) return allowed.status();
      if (!allowed.value()) {
        outcome.kind = CreateKind::kRateLimited;
        return Status::Ok();
      }
      auto rows = tx.Query(
          "INSERT INTO help_requests (service_code, emd_code, sigungu_code, status, created_at, "
          "updated_at, personal, receipt_hash, receipt_sealed, idempotency_key, body_hash) VALUES "
          "($1, $2, "
          "$3, 'received', $4, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING "
          "RETURNING id",
          {request.service_code, static_cast<int64_t>(request.emd_code),
           static_cast<int64_t>(request.sigungu_code), now, request.sealed_personal,
           request.receipt_hash, request.sealed_receipt, KeyOrNull(request.idempotency_key),
           request.body_hash});
      if (!rows.ok()) return rows.status();
      if (rows.value().empty()) {
        // Another instance committed the same key since our look-up (PostgreSQL waited for it):
        // answer with its row.
        auto again = FindReplay(tx, "help_requests", request.idempotency_key, request.body_hash,
                                true, &outcome);
        if (!again.ok()) return again.status();
        return again.value() ? Status::Ok()
                             : Status::Error("idempotency key conflict without a row");
      }
      outcome.kind = CreateKind::kCreated;
      outcome.id = rows.value().Int(0, 0);
      outcome.sealed_receipt = request.sealed_receipt;
      return Status::Ok();
    });
    // Two instances inserting one key at once: the loser looks again and finds the winner's row.
    if (!s.ok() && attempt == 0 && IsUniqueViolation(s)) continue;
    if (!s.ok()) return s;
    return outcome;
  }
}

Result<std::optional<RequestStatusView>> Storage::GetRequestStatus(int64_t id) {
  std::optional<RequestStatusView> view;
  Status s = db_->Read([&](SqlTx& tx) -> Status {
    auto rows = tx.Query(
        "SELECT id, status, receipt_hash, created_at, updated_at FROM help_requests WHERE id = $1",
        {id});
    if (!rows.ok()) return rows.status();
    if (rows.value().empty()) return Status::Ok();
    RequestStatusView v;
    v.id = rows.value().Int(0, 0);
    v.status = StatusFromCode(rows.value().Text(0, 1)).value_or(RequestStatus::kReceived);
    v.receipt_hash = rows.value().Text(0, 2);
    v.created_at = rows.value().Int(0, 3);
    v.updated_at = rows.value().Int(0, 4);
    view = v;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return view;
}

Result<bool> Storage::Hit(const RateLimit& limit, int64_t now) {
  bool allowed = false;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    auto r = HitIn(tx, limit, now);
    if (!r.ok()) return r.status();
    allowed = r.value();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return allowed;
}

// ---- help requests (staff) ----
Result<std::vector<RequestRow>> Storage::ListRequests(const Account& reader, int64_t now) {
  std::vector<RequestRow> out;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    std::vector<SqlValue> params{now - kOverdueSeconds};
    std::string where =
        JurisdictionClause(reader.jurisdiction, "r.sigungu_code", "r.emd_code", params);
    auto rows =
        tx.Query(std::string("SELECT ") + kRequestColumns +
                     ", CASE WHEN r.status = 'received' AND r.touched_at IS NULL AND r.created_at "
                     "<= $1 THEN 1 ELSE 0 END AS overdue FROM help_requests r LEFT JOIN "
                     "staff_accounts a ON a.id = r.assigned_to WHERE 1 = 1" +
                     where +
                     " ORDER BY overdue DESC, CASE WHEN r.status = 'closed' THEN 1 ELSE 0 END, "
                     "r.created_at DESC, r.id DESC LIMIT 1000",
                 params);
    if (!rows.ok()) return rows.status();
    out.clear();
    for (size_t i = 0; i < rows.value().size(); ++i) {
      out.push_back(RequestFromRow(rows.value(), i, now));
      Status logged = LogAccess(tx, reader, "request", out.back().id, "list", now);
      if (!logged.ok()) return logged;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::optional<RequestDetail>> Storage::GetRequest(const Account& reader, int64_t id,
                                                         int64_t now) {
  std::optional<RequestDetail> out;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    out.reset();
    std::vector<SqlValue> params{id};
    std::string where =
        JurisdictionClause(reader.jurisdiction, "r.sigungu_code", "r.emd_code", params);
    auto rows =
        tx.Query(std::string("SELECT ") + kRequestColumns +
                     " FROM help_requests r LEFT JOIN staff_accounts a ON a.id = r.assigned_to "
                     "WHERE r.id = $1" +
                     where,
                 params);
    if (!rows.ok()) return rows.status();
    if (rows.value().empty()) return Status::Ok();
    RequestDetail detail;
    detail.request = RequestFromRow(rows.value(), 0, now);
    auto notes = tx.Query(
        "SELECT n.id, n.created_at, a.display_name, n.status_from, n.status_to, n.body FROM "
        "request_notes "
        "n JOIN staff_accounts a ON a.id = n.account_id WHERE n.request_id = $1 ORDER BY n.id",
        {id});
    if (!notes.ok()) return notes.status();
    for (size_t i = 0; i < notes.value().size(); ++i) {
      const SqlRows& n = notes.value();
      detail.notes.push_back(
          {n.Int(i, 0), n.Int(i, 1), n.Text(i, 2), n.Text(i, 3), n.Text(i, 4), n.Text(i, 5)});
    }
    Status logged = LogAccess(tx, reader, "request", id, "view", now);
    if (!logged.ok()) return logged;
    out = std::move(detail);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<UpdateKind> Storage::ChangeStatus(const Account& actor, int64_t id, RequestStatus to,
                                         const std::string& sealed_note, int64_t now) {
  UpdateKind kind = UpdateKind::kDone;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    std::vector<SqlValue> params{id};
    std::string where = JurisdictionClause(actor.jurisdiction, "sigungu_code", "emd_code", params);
    auto rows = tx.Query("SELECT status FROM help_requests WHERE id = $1" + where, params);
    if (!rows.ok()) return rows.status();
    if (rows.value().empty()) {
      kind = UpdateKind::kNotFound;
      return Status::Ok();
    }
    RequestStatus from = StatusFromCode(rows.value().Text(0, 0)).value_or(RequestStatus::kReceived);
    if (!IsAllowedTransition(from, to)) {
      kind = UpdateKind::kBadTransition;
      return Status::Ok();
    }
    // The status compare in the UPDATE makes two staff changing one request at once safe: the
    // second finds the status moved and updates nothing.
    auto updated = tx.Query(
        "UPDATE help_requests SET status = $1, updated_at = $2, touched_at = $2, closed_at = CASE "
        "WHEN $1 "
        "= 'closed' THEN $2 ELSE closed_at END, assigned_to = CASE WHEN $1 = 'assigned' THEN $3 "
        "ELSE "
        "assigned_to END WHERE id = $4 AND status = $5 RETURNING id",
        {std::string(StatusCode(to)), now, actor.id, id, std::string(StatusCode(from))});
    if (!updated.ok()) return updated.status();
    if (updated.value().empty()) {
      kind = UpdateKind::kBadTransition;
      return Status::Ok();
    }
    auto note = tx.Query(
        "INSERT INTO request_notes (request_id, account_id, created_at, status_from, status_to, "
        "body) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {id, actor.id, now, std::string(StatusCode(from)), std::string(StatusCode(to)),
         sealed_note});
    if (!note.ok()) return note.status();
    return LogAccess(tx, actor, "request", id, "update_status", now);
  });
  if (!s.ok()) return s;
  return kind;
}

Result<UpdateKind> Storage::AddNote(const Account& actor, int64_t id,
                                    const std::string& sealed_note, int64_t now) {
  UpdateKind kind = UpdateKind::kDone;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    std::vector<SqlValue> params{now, id};
    std::string where = JurisdictionClause(actor.jurisdiction, "sigungu_code", "emd_code", params);
    auto updated =
        tx.Query("UPDATE help_requests SET updated_at = $1, touched_at = $1 WHERE id = $2" + where +
                     " RETURNING id",
                 params);
    if (!updated.ok()) return updated.status();
    if (updated.value().empty()) {
      kind = UpdateKind::kNotFound;
      return Status::Ok();
    }
    auto note = tx.Query(
        "INSERT INTO request_notes (request_id, account_id, created_at, body) VALUES ($1, $2, $3, "
        "$4)",
        {id, actor.id, now, sealed_note});
    if (!note.ok()) return note.status();
    return LogAccess(tx, actor, "request", id, "add_note", now);
  });
  if (!s.ok()) return s;
  return kind;
}

// ---- correction reports ----
Result<CreateOutcome> Storage::CreateCorrection(const NewCorrection& c, const RateLimit& limit,
                                                int64_t now) {
  for (int attempt = 0;; ++attempt) {
    CreateOutcome outcome;
    Status s = db_->Write([&](SqlTx& tx) -> Status {
      auto replay = FindReplay(tx, "corrections", c.idempotency_key, c.body_hash, false, &outcome);
      if (!replay.ok()) return replay.status();
      if (replay.value()) return Status::Ok();
      auto allowed = HitIn(tx, limit, now);
      if (!allowed.ok()) return allowed.status();
      if (!allowed.value()) {
        outcome.kind = CreateKind::kRateLimited;
        return Status::Ok();
      }
      auto rows = tx.Query(
          "INSERT INTO corrections (target_kind, target_key, target_name, sigungu_code, status, "
          "created_at, updated_at, personal, idempotency_key, body_hash) VALUES ($1, $2, $3, $4, "
          "'received', $5, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
          {c.target_kind, c.target_key, c.target_name, static_cast<int64_t>(c.sigungu_code), now,
           c.sealed_personal, KeyOrNull(c.idempotency_key), c.body_hash});
      if (!rows.ok()) return rows.status();
      if (rows.value().empty()) {
        auto again = FindReplay(tx, "corrections", c.idempotency_key, c.body_hash, false, &outcome);
        if (!again.ok()) return again.status();
        return again.value() ? Status::Ok()
                             : Status::Error("idempotency key conflict without a row");
      }
      outcome.kind = CreateKind::kCreated;
      outcome.id = rows.value().Int(0, 0);
      return Status::Ok();
    });
    if (!s.ok() && attempt == 0 && IsUniqueViolation(s)) continue;
    if (!s.ok()) return s;
    return outcome;
  }
}

namespace {
// Corrections are for the staff who keep the data: a 시군구's accounts and the 도's. A 읍면동
// account sees none; a correction with sigungu_code 0 (a central or 도 program) only the 도's.
std::string CorrectionClause(const Jurisdiction& j, std::vector<SqlValue>& params) {
  if (j.level == RegionLevel::kEmd) return " AND 1 = 0";
  if (j.level == RegionLevel::kProvince) return "";
  std::string clause = JurisdictionClause(j, "sigungu_code", nullptr, params);
  // A 구 account also sees its 시's program corrections (전주시 35010 for 완산구 35011).
  params.push_back(static_cast<int64_t>(j.code / 10 * 10));
  return " AND (1 = 1" + clause + " OR sigungu_code = $" + std::to_string(params.size()) + ")";
}
}  // namespace

Result<std::vector<CorrectionRow>> Storage::ListCorrections(const Account& reader, int64_t now) {
  std::vector<CorrectionRow> out;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    out.clear();
    std::vector<SqlValue> params;
    std::string where = CorrectionClause(reader.jurisdiction, params);
    auto rows = tx.Query(
        "SELECT id, target_kind, target_key, target_name, sigungu_code, status, created_at, "
        "updated_at, "
        "personal, staff_note FROM corrections WHERE 1 = 1" +
            where +
            " ORDER BY CASE WHEN status IN ('fixed', 'rejected') THEN 1 ELSE 0 END, created_at "
            "DESC, id "
            "DESC LIMIT 1000",
        params);
    if (!rows.ok()) return rows.status();
    const SqlRows& r = rows.value();
    for (size_t i = 0; i < r.size(); ++i) {
      CorrectionRow c;
      c.id = r.Int(i, 0);
      c.target_kind = r.Text(i, 1);
      c.target_key = r.Text(i, 2);
      c.target_name = r.Text(i, 3);
      c.sigungu_code = static_cast<uint32_t>(r.Int(i, 4));
      c.status = CorrectionStatusFromCode(r.Text(i, 5)).value_or(CorrectionStatus::kReceived);
      c.created_at = r.Int(i, 6);
      c.updated_at = r.Int(i, 7);
      c.sealed_personal = r.Text(i, 8);
      c.sealed_staff_note = r.Text(i, 9);
      out.push_back(std::move(c));
      Status logged = LogAccess(tx, reader, "correction", out.back().id, "list", now);
      if (!logged.ok()) return logged;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<UpdateKind> Storage::ChangeCorrectionStatus(const Account& actor, int64_t id,
                                                   CorrectionStatus to,
                                                   const std::string& sealed_note, int64_t now) {
  UpdateKind kind = UpdateKind::kDone;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    std::vector<SqlValue> params{std::string(CorrectionStatusCode(to)), now, sealed_note, id};
    std::string where = CorrectionClause(actor.jurisdiction, params);
    auto rows = tx.Query(
        "UPDATE corrections SET status = $1, updated_at = $2, staff_note = $3, closed_at = CASE "
        "WHEN $1 "
        "IN ('fixed', 'rejected') THEN CAST($2 AS BIGINT) ELSE NULL END WHERE id = $4" +
            where + " RETURNING id",
        params);
    if (!rows.ok()) return rows.status();
    if (rows.value().empty()) {
      kind = UpdateKind::kNotFound;
      return Status::Ok();
    }
    return LogAccess(tx, actor, "correction", id, "update_status", now);
  });
  if (!s.ok()) return s;
  return kind;
}

// ---- accounts and sessions ----
Result<int64_t> Storage::CreateAccount(const Account& a, int64_t now) {
  int64_t id = 0;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    auto rows = tx.Query(
        "INSERT INTO staff_accounts (username, display_name, role, level, region_code, "
        "password_hash, "
        "active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id",
        {a.username, a.display_name, a.role, std::string(LevelCode(a.jurisdiction.level)),
         static_cast<int64_t>(a.jurisdiction.code), a.password_hash, now});
    if (!rows.ok()) return rows.status();
    id = rows.value().Int(0, 0);
    return Status::Ok();
  });
  if (!s.ok()) {
    if (IsUniqueViolation(s)) return Status::Error("the username " + a.username + " is taken");
    return s;
  }
  return id;
}

Result<std::optional<Account>> Storage::FindAccount(std::string_view username) {
  std::optional<Account> out;
  Status s = db_->Read([&](SqlTx& tx) -> Status {
    auto rows = tx.Query(
        std::string("SELECT ") + kAccountColumns + " FROM staff_accounts WHERE username = $1",
        {std::string(username)});
    if (!rows.ok()) return rows.status();
    if (!rows.value().empty()) out = AccountFromRow(rows.value(), 0);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Storage::SetPassword(std::string_view username, const std::string& password_hash) {
  return db_->Write([&](SqlTx& tx) -> Status {
    auto rows =
        tx.Query("UPDATE staff_accounts SET password_hash = $1 WHERE username = $2 RETURNING id",
                 {password_hash, std::string(username)});
    if (!rows.ok()) return rows.status();
    if (rows.value().empty()) return Status::Error("no account named " + std::string(username));
    // Every session of the account ends with its old password.
    auto ended =
        tx.Query("DELETE FROM staff_sessions WHERE account_id = $1", {rows.value().Int(0, 0)});
    return ended.ok() ? Status::Ok() : ended.status();
  });
}

Status Storage::CreateSession(const std::string& token_hash, int64_t account_id, int64_t now,
                              int64_t expires_at) {
  return db_->Write([&](SqlTx& tx) -> Status {
    auto r = tx.Query(
        "INSERT INTO staff_sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, "
        "$2, $3, "
        "$4)",
        {token_hash, account_id, now, expires_at});
    return r.ok() ? Status::Ok() : r.status();
  });
}

Result<std::optional<Account>> Storage::FindSession(const std::string& token_hash, int64_t now) {
  std::optional<Account> out;
  Status s = db_->Read([&](SqlTx& tx) -> Status {
    auto rows = tx.Query(
        "SELECT a.id, a.username, a.display_name, a.role, a.level, a.region_code, a.password_hash, "
        "a.active FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id WHERE "
        "s.token_hash = "
        "$1 AND s.expires_at > $2 AND a.active = 1",
        {token_hash, now});
    if (!rows.ok()) return rows.status();
    if (!rows.value().empty()) out = AccountFromRow(rows.value(), 0);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Storage::DeleteSession(const std::string& token_hash) {
  return db_->Write([&](SqlTx& tx) -> Status {
    auto r = tx.Query("DELETE FROM staff_sessions WHERE token_hash = $1", {token_hash});
    return r.ok() ? Status::Ok() : r.status();
  });
}

// ---- retention ----
Result<PurgeCounts> Storage::Purge(int64_t now, int retention_days, int access_log_days) {
  PurgeCounts counts;
  Status s = db_->Write([&](SqlTx& tx) -> Status {
    int64_t closed_before = now - static_cast<int64_t>(retention_days) * 86400;
    struct Step {
      int64_t* count;
      const char* sql;
      int64_t param;
    } steps[] = {
        {&counts.requests,
         "DELETE FROM help_requests WHERE status = 'closed' AND closed_at < $1 RETURNING id",
         closed_before},
        {&counts.corrections, "DELETE FROM corrections WHERE closed_at < $1 RETURNING id",
         closed_before},
        {&counts.access_log, "DELETE FROM access_log WHERE at < $1 RETURNING id",
         now - static_cast<int64_t>(access_log_days) * 86400},
        {&counts.rate_limits, "DELETE FROM rate_limits WHERE window_start < $1 RETURNING hits",
         now - 86400},
        {&counts.sessions, "DELETE FROM staff_sessions WHERE expires_at < $1 RETURNING account_id",
         now},
    };
    for (const Step& step : steps) {
      auto r = tx.Query(step.sql, {step.param});
      if (!r.ok()) return r.status();
      *step.count = static_cast<int64_t>(r.value().size());
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return counts;
}

Result<std::vector<AccessLogRow>> Storage::ReadAccessLog(int64_t since, int64_t limit) {
  std::vector<AccessLogRow> out;
  Status s = db_->Read([&](SqlTx& tx) -> Status {
    auto rows = tx.Query(
        "SELECT at, username, record_kind, record_id, action FROM access_log WHERE at >= $1 ORDER "
        "BY id "
        "LIMIT $2",
        {since, limit});
    if (!rows.ok()) return rows.status();
    const SqlRows& r = rows.value();
    for (size_t i = 0; i < r.size(); ++i) {
      out.push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Int(i, 3), r.Text(i, 4)});
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace bokji::server
