// SqlDb: the small SQL layer under the server's storage — one interface, two drivers (SQLite and
// PostgreSQL), so that storage.cc's queries are written once.
//
// Queries use PostgreSQL's numbered parameters ($1, $2, ...); the SQLite driver rewrites them to
// ?1, ?2. Values are 64-bit integers, text or NULL (binary data is stored as base64 text, so both
// databases see the same types).
//
//   // clang-format off
//   std::unique_ptr<bokji::server::SqlDb> db = bokji::server::OpenSqlite("/var/lib/bokji/bokji.db",
//   {}); int64_t id = 0; bokji::Status s = db->Write([&](bokji::server::SqlTx& tx) -> bokji::Status
//   {
//     auto rows = tx.Query("INSERT INTO t(v) VALUES ($1) RETURNING id", {std::string("x")});
//     if (!rows.ok()) return rows.status();
//     id = rows.value().Int(0, 0);
//     return bokji::Status::Ok();
//   });
//   // clang-format on
//
// Durability: Write() returns ok only after the transaction's commit is on disk (SQLite: WAL with
// synchronous=FULL; PostgreSQL: synchronous_commit as the cluster sets it, on by default). The
// SQLite driver runs all writes on one committer thread and commits the writes that arrived
// together in one transaction (group commit), each inside its own SAVEPOINT, so one fsync serves
// many requests and a write that fails is rolled back alone.
//
// Index
//   - SqlValue, SqlRows        values and result rows
//   - SqlTx                    what a read or write callback runs its statements on
//   - SqlDb                    Read, Write, and the driver's dialect
//   - OpenSqlite, OpenPostgres the two drivers
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace bokji::server {

// NULL, an integer or text.
using SqlValue = std::variant<std::monostate, int64_t, std::string>;

// The rows a statement returned.
struct SqlRows {
  std::vector<std::vector<SqlValue>> rows;

  size_t size() const { return rows.size(); }
  bool empty() const { return rows.empty(); }
  // REQUIRES: row < size() and column < the statement's column count (a query/code mismatch
  // otherwise).
  bool IsNull(size_t row, size_t column) const;
  // 0 for NULL; text is parsed as a decimal integer.
  int64_t Int(size_t row, size_t column) const;
  // "" for NULL; an integer is printed in decimal.
  std::string Text(size_t row, size_t column) const;
};

class SqlTx {
 public:
  virtual ~SqlTx() = default;
  // Runs one statement with $1..$n bound to `params`. A failure (constraint, syntax, connection)
  // comes back as a Status naming the database's message, never an exception.
  virtual Result<SqlRows> Query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
};

enum class SqlDialect { kSqlite, kPostgres };

class SqlDb {
 public:
  virtual ~SqlDb() = default;
  // Runs `fn` in one transaction and commits it if fn returned ok (rolls it back otherwise).
  // Returns ok only when fn succeeded and the commit is durable. `fn` may run on another thread
  // (SQLite's committer) and must not call Read or Write itself.
  virtual Status Write(const std::function<Status(SqlTx&)>& fn) = 0;
  // Runs `fn` outside any write transaction (each statement sees the latest committed data).
  virtual Status Read(const std::function<Status(SqlTx&)>& fn) = 0;
  virtual SqlDialect dialect() const = 0;
  // How many write transactions were committed and how many Write() calls they held (for the group
  // commit figure in the benchmark).
  virtual void CommitStats(int64_t* transactions, int64_t* writes) const = 0;
};

struct SqliteOptions {
  // How many writes one group commit may hold at most. DEFAULT 256.
  int max_batch = 256;
  // Read connections kept open. DEFAULT 8.
  int read_connections = 8;
};

// Opens (creating if needed) the SQLite database file at `path` in WAL mode with synchronous=FULL.
Result<std::unique_ptr<SqlDb>> OpenSqlite(const std::string& path, const SqliteOptions& options);

// Connects `connections` libpq connections with the conninfo string (as `psql` takes: "host=…
// dbname=…", a postgresql:// URI, or "" for the PG* environment variables).
Result<std::unique_ptr<SqlDb>> OpenPostgres(const std::string& conninfo, int connections);

}  // namespace bokji::server
