// The server's configuration: one JSON file (--config FILE) and/or flags (--name=value, the same
// names), flags winning. Every key, its default and what it is for: docs/deploy.md
// ("Configuration").
//
//   // clang-format off
//   bokji::Result<bokji::server::Config> config = bokji::server::ParseConfig(argc, argv);
//   if (!config.ok()) { std::cerr << config.status().message(); return 2; }
//   // clang-format on
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace bokji::server {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string site_dir = "build/site";  // the built app (index.html, bokjimap.*, data/, staff/)
  std::string bundle;                   // DEFAULT <site_dir>/data/jeonbuk-sample.bundle
  std::string database = "sqlite";      // "sqlite" or "postgres"
  std::string data_dir = "var";         // SQLite: <data_dir>/bokji.db
  std::string postgres;                 // libpq conninfo ("" = the PG* environment)
  std::string key_file;                 // REQUIRED: the 64-hex-digit key (make-key writes one)
  // Host sites that may embed the app in an iframe: sent as CSP frame-ancestors, and the origins
  // whose postMessage commands the embed accepts (served to the page in site-config.json).
  std::vector<std::string> frame_ancestors;
  // Kiosks: these addresses start the app in kiosk mode (a redirect to
  // /?mode=kiosk&idle=..&idle_warning=..), so a lobby's kiosk browser opens e.g.
  // https://bokji.example.kr/kiosk and the times are set here.
  std::vector<std::string> kiosk_paths = {"/kiosk"};
  int kiosk_idle_seconds = 60;  // no input this long: the "계속 사용하시겠어요?" warning
  int kiosk_warning_seconds =
      15;  // the warning's countdown, then everything goes back to the start
  std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-For is believed
  int threads = 64;  // HTTP worker threads: cpp-httplib keeps one per open keep-alive connection
  int db_connections = 8;              // read connections (SQLite) or pool (PostgreSQL)
  int64_t max_body_bytes = 16 * 1024;  // larger bodies get 413
  int submissions_per_window = 20;     // help requests + corrections per address
  int lookups_per_window = 60;         // receipt status look-ups per address
  int logins_per_window = 10;          // staff login attempts per address
  int rate_window_seconds = 600;
  int retention_days = 90;    // personal data deleted this long after 종결
  int access_log_days = 730;  // access-log rows kept (at least 2 years)
  int session_hours = 8;
  bool cookie_secure = false;     // Secure cookies (true behind HTTPS)
  int64_t password_opslimit = 2;  // argon2id (libsodium INTERACTIVE)
  int64_t password_memlimit = 64ll << 20;
  int purge_interval_seconds = 3600;

  std::string SqlitePath() const { return data_dir + "/bokji.db"; }
};

// Reads --config FILE (if given) then the flags. Positional arguments (a command name) are returned
// in *positional. Unknown keys, wrong types and out-of-range values are errors naming the key.
Result<Config> ParseConfig(const std::vector<std::string>& args,
                           std::vector<std::string>* positional);

}  // namespace bokji::server
