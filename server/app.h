// App: the HTTP routes of bokji-server — the Open311 help-request API, the correction reports, the
// staff API and the static site — over one Storage and one Directory. main.cc builds it; the tests
// build it in-process on a free port.
//
//   // clang-format off
//   bokji::server::App app(config, std::move(storage), std::move(directory), keys,
//   std::move(site)); httplib::Server http; app.Install(http); http.listen(config.host.c_str(),
//   config.port);
//   // clang-format on
//
// The contract (paths, fields, errors) is docs/help-requests.md. Rules every route keeps:
//   - personal data is never written to a log, a URL or a response header; staff reads of it go to
//   the
//     access log (Storage does that in the same transaction);
//   - every refusal is a 4xx with a JSON array of errors, each naming the field and the reason in
//     Korean and English; a refused request changes nothing stored;
//   - API answers carry Cache-Control: no-store.
//
// Index (app.cc)
//   - helpers: errors, JSON replies, time, client address
//   - public: services, create request, request status, corrections
//   - staff: login, logout, me, requests, notes, corrections, map
//   - Install
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "server/config.h"
#include "server/crypto.h"
#include "server/directory.h"
#include "server/static_site.h"
#include "server/storage.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace bokji::server {

class App {
 public:
  App(Config config, std::unique_ptr<Storage> storage, Directory directory, Keys keys,
      std::unique_ptr<StaticSite> site);
  ~App();

  // Registers every route, the body-size limit and the error handler on `http`.
  void Install(httplib::Server& http);

  Storage& storage() { return *storage_; }
  const Directory& directory() const { return directory_; }
  const Config& config() const { return config_; }
  // DEFAULT: time(nullptr). Tests move the clock (overdue, retention).
  std::function<int64_t()> clock;

 private:
  std::string ClientAddress(const httplib::Request& req) const;
  // The signed-in account, or nullopt after answering 401/403 (403 when `needs_csrf` and the
  // X-CSRF-Token header does not match the session).
  std::optional<Account> RequireStaff(const httplib::Request& req, httplib::Response& res,
                                      bool needs_csrf);
  std::string CsrfFor(const std::string& session_token) const;

  void Services(const httplib::Request& req, httplib::Response& res);
  void ServiceDefinition(const httplib::Request& req, httplib::Response& res);
  void CreateRequest(const httplib::Request& req, httplib::Response& res);
  void LookUpStatus(const httplib::Request& req, httplib::Response& res);
  void CreateCorrection(const httplib::Request& req, httplib::Response& res);
  void Login(const httplib::Request& req, httplib::Response& res);
  void Logout(const httplib::Request& req, httplib::Response& res);
  void Me(const httplib::Request& req, httplib::Response& res);
  void ListRequests(const httplib::Request& req, httplib::Response& res);
  void GetRequest(const httplib::Request& req, httplib::Response& res);
  void ChangeStatus(const httplib::Request& req, httplib::Response& res);
  void AddNote(const httplib::Request& req, httplib::Response& res);
  void ListCorrections(const httplib::Request& req, httplib::Response& res);
  void ChangeCorrection(const httplib::Request& req, httplib::Response& res);
  void Map(const httplib::Request& req, httplib::Response& res);

  Config config_;
  std::unique_ptr<Storage> storage_;
  Directory directory_;
  Keys keys_;
  std::unique_ptr<StaticSite> site_;
  std::string dummy_password_hash_;  // verified against when a username is unknown (equal timing)
  std::string app_csp_, staff_csp_;
  std::string
      site_config_json_;  // GET /site-config.json: what the page may know of the configuration
};

}  // namespace bokji::server
