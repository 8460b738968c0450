// Shared by the server's tests: temporary folders, the sample bundle (imported from ../shared/data
// at build time by tests/server/CMakeLists.txt), a database of either backend, and an in-process
// server.
//
//   // clang-format off
//   class MyTest : public ::testing::TestWithParam<bokji::server::testing::Backend> {};
//   TEST_P(MyTest, Works) {
//     auto db = bokji::server::testing::TestDatabase::Make(GetParam());
//     if (!db) GTEST_SKIP() << "no PostgreSQL";   // fails instead under BOKJI_REQUIRE_POSTGRES=1
//     auto storage = bokji::server::Storage::Open(db->options());
//   }
//   // clang-format on
//
// PostgreSQL: the tests use the cluster named by the PG* environment variables (scripts/test.sh
// runs ctest inside `pg_virtualenv`, a throwaway cluster). Each test gets its own schema, dropped
// after. People in test data are invented and labelled "(가상)" — none is real.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "server/app.h"
#include "server/crypto.h"
#include "server/directory.h"
#include "server/storage.h"

namespace bokji::server::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "bokji-server-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string Path(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string SampleBundlePath() {
  return BOKJI_TEST_BUNDLE;
}

// The sample bundle's directory, loaded once per test process.
inline const Directory& SampleDirectory() {
  static const Directory* dir = [] {
    auto loaded = Directory::Load(SampleBundlePath());
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load the sample bundle: %s\n",
                   loaded.status().message().c_str());
      std::abort();
    }
    return new Directory(std::move(loaded).value());
  }();
  return *dir;
}

// A fixed key for tests (never used outside tests).
inline const Keys& TestKeys() {
  static const Keys* keys = [] {
    InitCrypto();
    TempDir dir;
    Status s = WriteNewKeyFile(dir.Path("key"));
    if (!s.ok()) std::abort();
    return new Keys(LoadKeyFile(dir.Path("key")).value());
  }();
  return *keys;
}

enum class Backend { kSqlite, kPostgres };
inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

inline bool PostgresRequired() {
  const char* v = std::getenv("BOKJI_REQUIRE_POSTGRES");
  return v && std::string(v) == "1";
}

// A fresh, empty database: a SQLite file in a temporary folder, or a new schema in the test
// cluster.
class TestDatabase {
 public:
  static std::unique_ptr<TestDatabase> Make(Backend backend) {
    auto db = std::unique_ptr<TestDatabase>(new TestDatabase);
    if (backend == Backend::kSqlite) {
      db->options_.sqlite_path = db->dir_.Path("test.db");
      return db;
    }
    if (!std::getenv("PGHOST") && !std::getenv("PGPORT") && !PostgresRequired()) return nullptr;
    PGconn* conn = PQconnectdb("");
    if (PQstatus(conn) != CONNECTION_OK) {
      std::fprintf(stderr, "PostgreSQL: %s\n", PQerrorMessage(conn));
      PQfinish(conn);
      return nullptr;
    }
    std::random_device random;
    db->schema_ = "t" + std::to_string(random()) + std::to_string(random() % 100000);
    PGresult* r = PQexec(conn, ("CREATE SCHEMA " + db->schema_).c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(conn);
    if (!ok) return nullptr;
    db->options_.postgres = PostgresConninfo(db->schema_);
    return db;
  }
  static std::string PostgresConninfo(const std::string& schema) {
    return "options='-csearch_path=" + schema + "'";
  }
  ~TestDatabase() {
    if (schema_.empty()) return;
    PGconn* conn = PQconnectdb("");
    PQclear(PQexec(
        conn, ("SET client_min_messages = warning; DROP SCHEMA " + schema_ + " CASCADE").c_str()));
    PQfinish(conn);
  }
  const StorageOptions& options() const { return options_; }
  const TempDir& dir() const { return dir_; }
  bool is_postgres() const { return !schema_.empty(); }

 private:
  TempDir dir_;
  StorageOptions options_;
  std::string schema_;
};

// Skips a test when its backend is missing (fails under BOKJI_REQUIRE_POSTGRES=1: scripts/test.sh).
#define BOKJI_DATABASE_OR_SKIP(db, backend)                                                        \
  auto db = ::bokji::server::testing::TestDatabase::Make(backend);                                 \
  if (!db) {                                                                                       \
    if (::bokji::server::testing::PostgresRequired()) FAIL() << "PostgreSQL is required here";     \
    GTEST_SKIP() << "no PostgreSQL (run the tests inside pg_virtualenv, as scripts/test.sh does)"; \
  }

// Argon2id at its minimum cost: tests create hundreds of accounts.
inline Config TestConfig() {
  Config c;
  c.password_opslimit = 1;
  c.password_memlimit = 8192;
  c.submissions_per_window = 1000000;
  c.lookups_per_window = 1000000;
  c.logins_per_window = 1000000;
  return c;
}

// bokji-server's App on a free loopback port, in this process.
class TestServer {
 public:
  TestServer(const StorageOptions& options, Config config = TestConfig(),
             std::string site_dir = "") {
    auto storage = Storage::Open(options);
    EXPECT_TRUE(storage.ok()) << storage.status().message();
    EXPECT_TRUE(storage.value()->Migrate().ok());
    std::unique_ptr<StaticSite> site;
    if (!site_dir.empty()) site = std::make_unique<StaticSite>(StaticSite::Load(site_dir).value());
    app_ = std::make_unique<App>(config, std::move(storage).value(), SampleDirectory(), TestKeys(),
                                 std::move(site));
    app_->clock = [this] { return now.load(); };
    app_->Install(http_);
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TestServer() {
    http_.stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }
  int port() const { return port_; }
  App& app() { return *app_; }
  Storage& storage() { return app_->storage(); }

  // Creates an account at minimum argon2id cost; returns its id.
  int64_t AddAccount(const std::string& username, const std::string& password, RegionLevel level,
                     uint32_t code) {
    Account a;
    a.username = username;
    a.display_name = username + " (가상 직원)";
    a.role = "worker";
    a.jurisdiction = {level, code};
    a.password_hash = HashPassword(password, {1, 8192}).value();
    return storage().CreateAccount(a, now).value();
  }

  std::atomic<int64_t> now{1790000000};  // 2026-09-21, moved by tests

 private:
  std::unique_ptr<App> app_;
  httplib::Server http_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace bokji::server::testing
