// The SQLite driver of sql_db.h: one committer thread with group commit, a pool of read
// connections.
#include <sqlite3.h>

#include <cassert>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "server/sql_db.h"

namespace bokji::server {
namespace {

// $1 → ?1 (SQLite's numbered parameters); everything else, including text in quotes, is kept.
std::string ToSqliteParams(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool in_quote = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') in_quote = !in_quote;
    if (!in_quote && c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

Status SqliteError(sqlite3* db, std::string_view what) {
  return Status::Error(std::string(what) + ": " + sqlite3_errmsg(db));
}

class SqliteTx : public SqlTx {
 public:
  explicit SqliteTx(sqlite3* db) : db_(db) {}

  Result<SqlRows> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    std::string text = ToSqliteParams(sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, text.c_str(), static_cast<int>(text.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return SqliteError(db_, "prepare");
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()),
                               SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return SqliteError(db_, "bind");
      }
    }
    SqlRows out;
    int columns = sqlite3_column_count(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Status error = SqliteError(db_, "step");
        sqlite3_finalize(stmt);
        return error;
      }
      std::vector<SqlValue>& row = out.rows.emplace_back();
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL:
            row.emplace_back(std::monostate{});
            break;
          case SQLITE_INTEGER:
            row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(stmt, c)));
          }
        }
      }
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_;
};

Status Exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return Status::Error(std::string(sql) + ": " + text);
  }
  return Status::Ok();
}

Result<sqlite3*> OpenConnection(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status error = Status::Error("cannot open SQLite database " + path + ": " +
                                 (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return error;
  }
  sqlite3_busy_timeout(db, 10000);
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    Status s = Exec(db, pragma);
    if (!s.ok()) {
      sqlite3_close(db);
      return s;
    }
  }
  return db;
}

class SqliteDb : public SqlDb {
 public:
  SqliteDb(sqlite3* writer, std::vector<sqlite3*> readers, int max_batch)
      : writer_(writer), readers_(std::move(readers)), max_batch_(max_batch) {
    committer_ = std::thread([this] { CommitLoop(); });
  }

  ~SqliteDb() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    committer_.join();
    sqlite3_close(writer_);
    for (sqlite3* r : readers_) sqlite3_close(r);
  }

  Status Write(const std::function<Status(SqlTx&)>& fn) override {
    Pending pending;
    pending.fn = &fn;
    std::unique_lock lock(mu_);
    queue_.push_back(&pending);
    work_cv_.notify_one();
    done_cv_.wait(lock, [&] { return pending.done; });
    return pending.result;
  }

  Status Read(const std::function<Status(SqlTx&)>& fn) override {
    sqlite3* db = nullptr;
    {
      std::unique_lock lock(read_mu_);
      read_cv_.wait(lock, [&] { return !readers_.empty(); });
      db = readers_.back();
      readers_.pop_back();
    }
    SqliteTx tx(db);
    Status result = RunGuarded(fn, tx);
    {
      std::lock_guard lock(read_mu_);
      readers_.push_back(db);
    }
    read_cv_.notify_one();
    return result;
  }

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }

  void CommitStats(int64_t* transactions, int64_t* writes) const override {
    std::lock_guard lock(mu_);
    *transactions = commits_;
    *writes = writes_;
  }

 private:
  struct Pending {
    const std::function<Status(SqlTx&)>* fn;
    Status result;
    bool done = false;
  };

  static Status RunGuarded(const std::function<Status(SqlTx&)>& fn, SqlTx& tx) {
    try {
      return fn(tx);
    } catch (const std::exception& e) {
      return Status::Error(std::string("unexpected error: ") + e.what());
    }
  }

  void CommitLoop() {
    SqliteTx tx(writer_);
    while (true) {
      std::vector<Pending*> batch;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) return;
        while (!queue_.empty() && static_cast<int>(batch.size()) < max_batch_) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
      }
      Status begun = Exec(writer_, "BEGIN IMMEDIATE");
      std::vector<Status> results(batch.size());
      if (begun.ok()) {
        for (size_t i = 0; i < batch.size(); ++i) {
          Status s = Exec(writer_, "SAVEPOINT w");
          if (s.ok()) {
            s = RunGuarded(*batch[i]->fn, tx);
            if (!s.ok()) Exec(writer_, "ROLLBACK TO w");
            Exec(writer_, "RELEASE w");
          }
          results[i] = s;
        }
        Status committed = Exec(writer_, "COMMIT");
        if (!committed.ok()) {
          Exec(writer_, "ROLLBACK");
          for (Status& r : results) r = committed;
        }
      } else {
        for (Status& r : results) r = begun;
      }
      {
        std::lock_guard lock(mu_);
        for (size_t i = 0; i < batch.size(); ++i) {
          batch[i]->result = results[i];
          batch[i]->done = true;
        }
        commits_ += begun.ok() ? 1 : 0;
        writes_ += static_cast<int64_t>(batch.size());
      }
      done_cv_.notify_all();
    }
  }

  sqlite3* writer_;
  mutable std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  int64_t commits_ = 0, writes_ = 0;
  std::thread committer_;

  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<sqlite3*> readers_;
  int max_batch_;
};

}  // namespace

Result<std::unique_ptr<SqlDb>> OpenSqlite(const std::string& path, const SqliteOptions& options) {
  // REQUIRES: a positive batch and pool size (a configuration mistake, checked by config.cc).
  assert(options.max_batch > 0 && options.read_connections > 0);
  Result<sqlite3*> writer = OpenConnection(path);
  if (!writer.ok()) return writer.status();
  std::vector<sqlite3*> readers;
  for (int i = 0; i < options.read_connections; ++i) {
    Result<sqlite3*> reader = OpenConnection(path);
    if (!reader.ok()) {
      sqlite3_close(writer.value());
      for (sqlite3* r : readers) sqlite3_close(r);
      return reader.status();
    }
    readers.push_back(reader.value());
  }
  return std::unique_ptr<SqlDb>(
      new SqliteDb(writer.value(), std::move(readers), options.max_batch));
}

bool SqlRows::IsNull(size_t row, size_t column) const {
  assert(row < rows.size() && column < rows[row].size() && "row/column outside the result");
  return std::holds_alternative<std::monostate>(rows[row][column]);
}

int64_t SqlRows::Int(size_t row, size_t column) const {
  assert(row < rows.size() && column < rows[row].size() && "row/column outside the result");
  const SqlValue& v = rows[row][column];
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

std::string SqlRows::Text(size_t row, size_t column) const {
  assert(row < rows.size() && column < rows[row].size() && "row/column outside the result");
  const SqlValue& v = rows[row][column];
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return "";
}

}  // namespace bokji::server
