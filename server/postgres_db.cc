// The PostgreSQL driver of sql_db.h: a pool of libpq connections; each Write is one transaction on
// one connection (PostgreSQL groups concurrent commits' WAL flushes itself).
#include <libpq-fe.h>

#include <cassert>
#include <condition_variable>
#include <mutex>

#include "server/sql_db.h"

namespace bokji::server {
namespace {

constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23;

class PgTx : public SqlTx {
 public:
  explicit PgTx(PGconn* conn) : conn_(conn) {}

  Result<SqlRows> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
        values[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    std::string text(sql);
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string message = PQresultErrorMessage(res);
      PQclear(res);
      while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
      return Status::Error("postgres: " + message);
    }
    SqlRows out;
    int n_rows = PQntuples(res), n_cols = PQnfields(res);
    out.rows.resize(n_rows);
    for (int r = 0; r < n_rows; ++r) {
      out.rows[r].reserve(n_cols);
      for (int c = 0; c < n_cols; ++c) {
        if (PQgetisnull(res, r, c)) {
          out.rows[r].emplace_back(std::monostate{});
          continue;
        }
        const char* v = PQgetvalue(res, r, c);
        Oid type = PQftype(res, c);
        if (type == kInt8Oid || type == kInt4Oid || type == kInt2Oid) {
          out.rows[r].emplace_back(static_cast<int64_t>(std::strtoll(v, nullptr, 10)));
        } else if (type == kBoolOid) {
          out.rows[r].emplace_back(static_cast<int64_t>(v[0] == 't' ? 1 : 0));
        } else {
          out.rows[r].emplace_back(std::string(v, PQgetlength(res, r, c)));
        }
      }
    }
    PQclear(res);
    return out;
  }

 private:
  PGconn* conn_;
};

class PostgresDb : public SqlDb {
 public:
  PostgresDb(std::string conninfo, std::vector<PGconn*> conns)
      : conninfo_(std::move(conninfo)), free_(std::move(conns)) {}
  ~PostgresDb() override {
    for (PGconn* c : free_) PQfinish(c);
  }

  Status Write(const std::function<Status(SqlTx&)>& fn) override {
    PGconn* conn = Acquire();
    PgTx tx(conn);
    Status s = Simple(conn, "BEGIN");
    if (s.ok()) {
      s = RunGuarded(fn, tx);
      if (s.ok()) {
        s = Simple(conn, "COMMIT");
      } else {
        Simple(conn, "ROLLBACK");
      }
    }
    {
      std::lock_guard lock(mu_);
      commits_ += s.ok() ? 1 : 0;
      writes_ += 1;
    }
    Release(conn);
    return s;
  }

  Status Read(const std::function<Status(SqlTx&)>& fn) override {
    PGconn* conn = Acquire();
    PgTx tx(conn);
    Status s = RunGuarded(fn, tx);
    Release(conn);
    return s;
  }

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }

  void CommitStats(int64_t* transactions, int64_t* writes) const override {
    std::lock_guard lock(mu_);
    *transactions = commits_;
    *writes = writes_;
  }

 private:
  static Status RunGuarded(const std::function<Status(SqlTx&)>& fn, SqlTx& tx) {
    try {
      return fn(tx);
    } catch (const std::exception& e) {
      return Status::Error(std::string("unexpected error: ") + e.what());
    }
  }

  static Status Simple(PGconn* conn, const char* sql) {
    PGresult* res = PQexec(conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    std::string message = ok ? "" : PQerrorMessage(conn);
    PQclear(res);
    return ok ? Status::Ok() : Status::Error(std::string("postgres ") + sql + ": " + message);
  }

  // A connection from the pool, reconnected first if the server dropped it (a restart, a failover).
  PGconn* Acquire() {
    PGconn* conn;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !free_.empty(); });
      conn = free_.back();
      free_.pop_back();
    }
    if (PQstatus(conn) != CONNECTION_OK) PQreset(conn);
    return conn;
  }
  void Release(PGconn* conn) {
    // A connection left inside a failed transaction (e.g. the server went away mid-way) is reset.
    if (PQtransactionStatus(conn) != PQTRANS_IDLE) PQreset(conn);
    {
      std::lock_guard lock(mu_);
      free_.push_back(conn);
    }
    cv_.notify_one();
  }

  std::string conninfo_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<PGconn*> free_;
  int64_t commits_ = 0, writes_ = 0;
};

}  // namespace

Result<std::unique_ptr<SqlDb>> OpenPostgres(const std::string& conninfo, int connections) {
  // REQUIRES: a positive pool size (checked by config.cc).
  assert(connections > 0);
  std::vector<PGconn*> conns;
  for (int i = 0; i < connections; ++i) {
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn);
      PQfinish(conn);
      for (PGconn* c : conns) PQfinish(c);
      return Status::Error("cannot connect to PostgreSQL: " + message);
    }
    PGresult* res = PQexec(conn, "SET client_min_messages = warning");
    PQclear(res);
    conns.push_back(conn);
  }
  return std::unique_ptr<SqlDb>(new PostgresDb(conninfo, std::move(conns)));
}

}  // namespace bokji::server
