#include "server/config.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

namespace bokji::server {
namespace {

using nlohmann::json;

json ToJson(const Config& c) {
  return json{{"host", c.host},
              {"port", c.port},
              {"site_dir", c.site_dir},
              {"bundle", c.bundle},
              {"database", c.database},
              {"data_dir", c.data_dir},
              {"postgres", c.postgres},
              {"key_file", c.key_file},
              {"frame_ancestors", c.frame_ancestors},
              {"kiosk_paths", c.kiosk_paths},
              {"kiosk_idle_seconds", c.kiosk_idle_seconds},
              {"kiosk_warning_seconds", c.kiosk_warning_seconds},
              {"trusted_proxies", c.trusted_proxies},
              {"threads", c.threads},
              {"db_connections", c.db_connections},
              {"max_body_bytes", c.max_body_bytes},
              {"submissions_per_window", c.submissions_per_window},
              {"lookups_per_window", c.lookups_per_window},
              {"logins_per_window", c.logins_per_window},
              {"rate_window_seconds", c.rate_window_seconds},
              {"retention_days", c.retention_days},
              {"access_log_days", c.access_log_days},
              {"session_hours", c.session_hours},
              {"kiosk_idle_seconds", c.kiosk_idle_seconds},
              {"kiosk_warning_seconds", c.kiosk_warning_seconds},
              {"cookie_secure", c.cookie_secure},
              {"password_opslimit", c.password_opslimit},
              {"password_memlimit", c.password_memlimit},
              {"purge_interval_seconds", c.purge_interval_seconds}};
}

// A flag's text as the JSON type the key has by default.
Result<json> FlagValue(const std::string& key, const std::string& text, const json& like) {
  if (like.is_string()) return json(text);
  if (like.is_array()) {
    json list = json::array();
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
      if (!item.empty()) list.push_back(item);
    }
    return list;
  }
  json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return Status::Error("--" + key + ": '" + text + "' is not a value");
  return parsed;
}

}  // namespace

Result<Config> ParseConfig(const std::vector<std::string>& args,
                           std::vector<std::string>* positional) {
  json values = ToJson(Config{});
  auto merge = [&](const std::string& key, const json& value) -> Status {
    if (!values.contains(key)) return Status::Error("unknown configuration key '" + key + "'");
    const json& like = values[key];
    bool ok = (like.is_string() && value.is_string()) ||
              (like.is_boolean() && value.is_boolean()) ||
              (like.is_number_integer() && value.is_number_integer()) ||
              (like.is_array() && value.is_array());
    if (!ok) return Status::Error("configuration key '" + key + "' has the wrong type");
    values[key] = value;
    return Status::Ok();
  };
  // --config first, so that flags override the file whatever their order.
  for (size_t i = 0; i < args.size(); ++i) {
    std::string file;
    if (args[i] == "--config" && i + 1 < args.size()) file = args[i + 1];
    if (args[i].rfind("--config=", 0) == 0) file = args[i].substr(9);
    if (file.empty()) continue;
    std::ifstream in(file);
    if (!in) return Status::Error("cannot read the configuration file " + file);
    json parsed = json::parse(in, nullptr, false);
    if (!parsed.is_object()) return Status::Error(file + ": not a JSON object");
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
      if (it.key().rfind("_", 0) == 0) continue;  // "_comment" keys document the file
      Status s = merge(it.key(), it.value());
      if (!s.ok()) return Status::Error(file + ": " + s.message());
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      positional->push_back(a);
      continue;
    }
    std::string key = a.substr(2), text;
    size_t eq = key.find('=');
    if (eq != std::string::npos) {
      text = key.substr(eq + 1);
      key = key.substr(0, eq);
    } else if (i + 1 < args.size()) {
      text = args[++i];
    } else {
      return Status::Error("--" + key + " needs a value");
    }
    for (char& c : key) c = c == '-' ? '_' : c;
    if (key == "config") continue;
    if (!values.contains(key)) return Status::Error("unknown option --" + key);
    Result<json> value = FlagValue(key, text, values[key]);
    if (!value.ok()) return value.status();
    Status s = merge(key, value.value());
    if (!s.ok()) return s;
  }
  Config c;
  c.host = values["host"];
  c.port = values["port"];
  c.site_dir = values["site_dir"];
  c.bundle = values["bundle"];
  c.database = values["database"];
  c.data_dir = values["data_dir"];
  c.postgres = values["postgres"];
  c.key_file = values["key_file"];
  c.frame_ancestors = values["frame_ancestors"].get<std::vector<std::string>>();
  c.kiosk_paths = values["kiosk_paths"].get<std::vector<std::string>>();
  c.kiosk_idle_seconds = values["kiosk_idle_seconds"];
  c.kiosk_warning_seconds = values["kiosk_warning_seconds"];
  c.trusted_proxies = values["trusted_proxies"].get<std::vector<std::string>>();
  c.threads = values["threads"];
  c.db_connections = values["db_connections"];
  c.max_body_bytes = values["max_body_bytes"];
  c.submissions_per_window = values["submissions_per_window"];
  c.lookups_per_window = values["lookups_per_window"];
  c.logins_per_window = values["logins_per_window"];
  c.rate_window_seconds = values["rate_window_seconds"];
  c.retention_days = values["retention_days"];
  c.access_log_days = values["access_log_days"];
  c.session_hours = values["session_hours"];
  c.cookie_secure = values["cookie_secure"];
  c.password_opslimit = values["password_opslimit"];
  c.password_memlimit = values["password_memlimit"];
  c.purge_interval_seconds = values["purge_interval_seconds"];
  if (c.bundle.empty()) c.bundle = c.site_dir + "/data/jeonbuk-sample.bundle";

  auto positive = [](const char* key, int64_t v) -> Status {
    return v > 0 ? Status::Ok() : Status::Error(std::string(key) + " must be positive");
  };
  for (auto [key, v] : std::initializer_list<std::pair<const char*, int64_t>>{
           {"threads", c.threads},
           {"db_connections", c.db_connections},
           {"max_body_bytes", c.max_body_bytes},
           {"submissions_per_window", c.submissions_per_window},
           {"lookups_per_window", c.lookups_per_window},
           {"logins_per_window", c.logins_per_window},
           {"rate_window_seconds", c.rate_window_seconds},
           {"retention_days", c.retention_days},
           {"session_hours", c.session_hours},
           {"kiosk_idle_seconds", c.kiosk_idle_seconds},
           {"kiosk_warning_seconds", c.kiosk_warning_seconds},
           {"purge_interval_seconds", c.purge_interval_seconds}}) {
    Status s = positive(key, v);
    if (!s.ok()) return s;
  }
  if (c.port < 0 || c.port > 65535) return Status::Error("port must be 0 to 65535");
  if (c.database != "sqlite" && c.database != "postgres") {
    return Status::Error("database must be \"sqlite\" or \"postgres\"");
  }
  if (c.access_log_days < 730) {
    return Status::Error(
        "access_log_days must be at least 730: the access log is kept 2 years or more");
  }
  for (const std::string& origin : c.frame_ancestors) {
    bool ok = origin.rfind("https://", 0) == 0 || origin.rfind("http://", 0) == 0;
    for (char ch : origin) ok = ok && ch > ' ' && ch != ';' && ch != ',' && ch != '\'' && ch != '"';
    if (!ok) {
      return Status::Error("frame_ancestors: '" + origin +
                           "' must be an origin such as https://www.jeonju.go.kr");
    }
  }
  for (const std::string& path : c.kiosk_paths) {
    // A path of its own: not the app's page, its files or the server's API (those keep their
    // meaning).
    bool ok = path.size() > 1 && path[0] == '/' && path.find("..") == std::string::npos;
    for (char ch : path)
      ok = ok && (isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '-' || ch == '_');
    for (const char* taken :
         {"/index", "/staff", "/api", "/open311", "/data", "/fonts", "/bokjimap"}) {
      ok = ok && path.rfind(taken, 0) != 0;
    }
    if (!ok) {
      return Status::Error(
          "kiosk_paths: '" + path +
          "' must be a path of letters, digits, - and _ such as /kiosk, not one the "
          "app or the API uses");
    }
  }
  return c;
}

}  // namespace bokji::server
