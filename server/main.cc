// bokji-server: serves the built app and the help-request API, and the operator's commands.
//
//   bokji-server [serve] --config server.json          serve (migrates the database first)
//   bokji-server make-key FILE                          write a new random key file (mode 0600)
//   bokji-server create-account --username U --level emd|sigungu|province --region CODE
//                [--display-name NAME] [--role worker|supervisor] [--config …]
//                                                       the password is read from the terminal or
//                                                       stdin
//   bokji-server set-password --username U [--config …] (ends the account's sessions)
//   bokji-server migrate [--config …]                   bring the database to this build's schema
//   bokji-server purge [--config …]                     delete what the retention rules say (also
//   hourly) bokji-server access-log [--since-days N] [--config …]  print the access log (개인정보
//   접속기록)
//
// Every configuration key is also a flag (--port 8080); docs/deploy.md lists them.
#include <httplib.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "server/app.h"

namespace {

using namespace bokji;
using namespace bokji::server;

int Fail(const std::string& message) {
  std::fprintf(stderr, "bokji-server: %s\n", message.c_str());
  return 1;
}

// Reads one line with the terminal's echo off when stdin is a terminal.
std::string ReadSecretLine(const char* prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old_mode{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &old_mode);
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Takes "--name value" / "--name=value" for the given names out of args (command options that are
// not configuration keys).
std::map<std::string, std::string> TakeOptions(std::vector<std::string>& args,
                                               std::initializer_list<const char*> names) {
  std::map<std::string, std::string> out;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    for (const char* name : names) {
      std::string flag = std::string("--") + name;
      if (args[i] == flag && i + 1 < args.size()) {
        out[name] = args[++i];
        taken = true;
      } else if (args[i].rfind(flag + "=", 0) == 0) {
        out[name] = args[i].substr(flag.size() + 1);
        taken = true;
      }
      if (taken) break;
    }
    if (!taken) rest.push_back(args[i]);
  }
  args = rest;
  return out;
}

Result<std::unique_ptr<Storage>> OpenStorage(const Config& config) {
  StorageOptions options;
  options.connections = config.db_connections;
  if (config.database == "postgres") {
    options.postgres = config.postgres;
  } else {
    std::error_code error;
    std::filesystem::create_directories(config.data_dir, error);
    options.sqlite_path = config.SqlitePath();
  }
  auto storage = Storage::Open(options);
  if (!storage.ok()) return storage.status();
  Status migrated = storage.value()->Migrate();
  if (!migrated.ok()) return migrated;
  return storage;
}

Result<std::string> ReadNewPassword() {
  std::string password = ReadSecretLine("password (12 characters or more): ");
  if (isatty(STDIN_FILENO)) {
    std::string again = ReadSecretLine("the same password again: ");
    if (again != password) return Status::Error("the two passwords differ");
  }
  if (password.size() < 12) return Status::Error("the password must be at least 12 characters");
  return password;
}

int CreateAccount(const Config& config, const std::map<std::string, std::string>& options) {
  for (const char* required : {"username", "level", "region"}) {
    if (!options.count(required)) return Fail(std::string("create-account needs --") + required);
  }
  Account account;
  account.username = options.at("username");
  account.display_name =
      options.count("display-name") ? options.at("display-name") : account.username;
  account.role = options.count("role") ? options.at("role") : "worker";
  if (account.role != "worker" && account.role != "supervisor") {
    return Fail("--role must be worker or supervisor");
  }
  std::optional<RegionLevel> level = LevelFromCode(options.at("level"));
  if (!level) return Fail("--level must be emd, sigungu or province");
  account.jurisdiction = {
      *level, static_cast<uint32_t>(std::strtoul(options.at("region").c_str(), nullptr, 10))};
  auto directory = Directory::Load(config.bundle);
  if (!directory.ok()) return Fail(directory.status().message());
  if (!directory.value().IsValidJurisdiction(account.jurisdiction)) {
    return Fail("--region " + options.at("region") + " is not a " + options.at("level") +
                " of the data bundle " + config.bundle);
  }
  Result<std::string> password = ReadNewPassword();
  if (!password.ok()) return Fail(password.status().message());
  auto hash =
      HashPassword(password.value(), {static_cast<unsigned long long>(config.password_opslimit),
                                      static_cast<size_t>(config.password_memlimit)});
  if (!hash.ok()) return Fail(hash.status().message());
  account.password_hash = hash.value();
  auto storage = OpenStorage(config);
  if (!storage.ok()) return Fail(storage.status().message());
  auto id = storage.value()->CreateAccount(account, time(nullptr));
  if (!id.ok()) return Fail(id.status().message());
  std::printf("created account %s (%s, %s %s)\n", account.username.c_str(), account.role.c_str(),
              options.at("level").c_str(),
              directory.value().RegionName(account.jurisdiction.code).c_str());
  return 0;
}

int Serve(const Config& config) {
  if (config.key_file.empty()) {
    return Fail("no key file: set key_file (bokji-server make-key FILE writes a new one)");
  }
  // SIGINT/SIGTERM are taken by one thread (sigwait) so that the server stops cleanly. They are
  // blocked before any thread starts (the storage's committer too), so that no other thread
  // receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto keys = LoadKeyFile(config.key_file);
  if (!keys.ok()) return Fail(keys.status().message());
  auto storage = OpenStorage(config);
  if (!storage.ok()) return Fail(storage.status().message());
  auto directory = Directory::Load(config.bundle);
  if (!directory.ok()) return Fail(directory.status().message());
  auto site = StaticSite::Load(config.site_dir);
  if (!site.ok()) return Fail(site.status().message());

  App app(config, std::move(storage).value(), std::move(directory).value(), keys.value(),
          std::make_unique<StaticSite>(std::move(site).value()));
  httplib::Server http;
  int threads = config.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_keep_alive_max_count(1000);
  app.Install(http);

  int port = config.port;
  if (port == 0) {
    port = http.bind_to_any_port(config.host);
  } else if (!http.bind_to_port(config.host, port)) {
    port = -1;
  }
  if (port < 0) return Fail("cannot listen on " + config.host + ":" + std::to_string(config.port));

  std::atomic<bool> stopping = false, signalled = false;
  std::mutex purge_mu;
  std::condition_variable purge_cv;
  std::thread purger([&] {
    std::unique_lock lock(purge_mu);
    while (!stopping) {
      auto purged =
          app.storage().Purge(time(nullptr), config.retention_days, config.access_log_days);
      if (!purged.ok()) {
        std::fprintf(stderr, "bokji-server: purge failed: %s\n", purged.status().message().c_str());
      } else if (purged.value().requests + purged.value().corrections > 0) {
        std::fprintf(stderr, "bokji-server: purged %lld closed requests, %lld corrections\n",
                     static_cast<long long>(purged.value().requests),
                     static_cast<long long>(purged.value().corrections));
      }
      purge_cv.wait_for(lock, std::chrono::seconds(config.purge_interval_seconds),
                        [&] { return stopping.load(); });
    }
  });
  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    signalled = true;
    stopping = true;
    purge_cv.notify_all();
    http.stop();
  });

  std::printf("bokji-server: listening on http://%s:%d/ (%s)\n", config.host.c_str(), port,
              config.database == "postgres" ? "PostgreSQL" : config.SqlitePath().c_str());
  std::fflush(stdout);
  http.listen_after_bind();
  stopping = true;
  purge_cv.notify_all();
  purger.join();
  if (!signalled)
    pthread_kill(signal_waiter.native_handle(), SIGTERM);  // the server stopped by itself
  int64_t transactions = 0, writes = 0;
  app.storage().db().CommitStats(&transactions, &writes);
  std::fprintf(stderr, "bokji-server: stopped; group commit: %lld writes in %lld transactions\n",
               static_cast<long long>(writes), static_cast<long long>(transactions));
  signal_waiter.join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!InitCrypto()) return Fail("libsodium could not start");
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string command = "serve";
  if (!args.empty() && args[0].rfind("--", 0) != 0) {
    command = args[0];
    args.erase(args.begin());
  }
  if (command == "make-key") {
    if (args.size() != 1) return Fail("usage: bokji-server make-key FILE");
    Status s = WriteNewKeyFile(args[0]);
    if (!s.ok()) return Fail(s.message());
    std::printf(
        "wrote a new key to %s: back it up apart from the database; without it the stored "
        "personal data cannot be read\n",
        args[0].c_str());
    return 0;
  }
  std::map<std::string, std::string> options =
      TakeOptions(args, {"username", "display-name", "role", "level", "region", "since-days"});
  std::vector<std::string> positional;
  Result<Config> config = ParseConfig(args, &positional);
  if (!config.ok()) return Fail(config.status().message());
  if (!positional.empty()) return Fail("unexpected argument '" + positional[0] + "'");
  const Config& c = config.value();
  if (command == "serve") return Serve(c);
  if (command == "create-account") return CreateAccount(c, options);
  if (command == "migrate") {
    auto storage = OpenStorage(c);
    if (!storage.ok()) return Fail(storage.status().message());
    std::printf("schema version %d\n", storage.value()->SchemaVersion().value());
    return 0;
  }
  if (command == "set-password") {
    if (!options.count("username")) return Fail("set-password needs --username");
    Result<std::string> password = ReadNewPassword();
    if (!password.ok()) return Fail(password.status().message());
    auto hash =
        HashPassword(password.value(), {static_cast<unsigned long long>(c.password_opslimit),
                                        static_cast<size_t>(c.password_memlimit)});
    auto storage = OpenStorage(c);
    if (!storage.ok()) return Fail(storage.status().message());
    Status s = storage.value()->SetPassword(options["username"], hash.value());
    if (!s.ok()) return Fail(s.message());
    std::printf("password changed; the account's sessions have ended\n");
    return 0;
  }
  if (command == "purge") {
    auto storage = OpenStorage(c);
    if (!storage.ok()) return Fail(storage.status().message());
    auto purged = storage.value()->Purge(time(nullptr), c.retention_days, c.access_log_days);
    if (!purged.ok()) return Fail(purged.status().message());
    std::printf(
        "deleted: %lld requests, %lld corrections, %lld access-log rows, %lld rate windows, %lld "
        "sessions\n",
        (long long)purged.value().requests, (long long)purged.value().corrections,
        (long long)purged.value().access_log, (long long)purged.value().rate_limits,
        (long long)purged.value().sessions);
    return 0;
  }
  if (command == "access-log") {
    auto storage = OpenStorage(c);
    if (!storage.ok()) return Fail(storage.status().message());
    int64_t days = options.count("since-days") ? std::atoll(options["since-days"].c_str()) : 30;
    auto rows = storage.value()->ReadAccessLog(time(nullptr) - days * 86400, 1000000);
    if (!rows.ok()) return Fail(rows.status().message());
    std::printf("at\tusername\tkind\trecord\taction\n");
    for (const AccessLogRow& r : rows.value()) {
      std::printf("%lld\t%s\t%s\t%lld\t%s\n", (long long)r.at, r.username.c_str(),
                  r.record_kind.c_str(), (long long)r.record_id, r.action.c_str());
    }
    return 0;
  }
  return Fail("unknown command '" + command +
              "' (serve, make-key, create-account, set-password, migrate, "
              "purge, access-log)");
}
