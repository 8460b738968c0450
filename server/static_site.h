// StaticSite: the built app served from memory — precompressed variants chosen by Accept-Encoding,
// content-hashed names cached for a year, everything else revalidated by ETag.
//
//   // clang-format off
//   bokji::Result<bokji::server::StaticSite> site = bokji::server::StaticSite::Load("build/site");
//   server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
//   site.value().Serve(req, res); });
//   // clang-format on
//
// scripts/assemble-site.sh makes the variants: for each file, `name.gz` (gzip -9) and `name.br`
// (brotli -q 11) when they are smaller, and content-hashed copies `name.<12 hex>.ext` of the app,
// font and bundles that index.html refers to. A name with such a hash never changes content, so it
// is sent with `Cache-Control: public, max-age=31536000, immutable`; other files get `no-cache` and
// an ETag.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/status.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace bokji::server {

class StaticSite {
 public:
  // Reads every file under `dir` (the .gz / .br variants beside the files they compress).
  static Result<StaticSite> Load(const std::string& dir);

  // Answers GET/HEAD for req.path ("/" is index.html, "/staff" and "/staff/" staff/index.html).
  // Returns false (and leaves res alone) when there is no such file.
  bool Serve(const httplib::Request& req, httplib::Response& res) const;

  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::shared_ptr<const std::string> identity, gzip, brotli;
    std::string content_type;
    std::string etag;  // of the identity bytes
    bool immutable = false;
  };
  std::map<std::string, File> files_;  // by URL path ("/index.html")
};

// "br", "gzip" or "" (identity): the best of the variants a request's Accept-Encoding allows.
std::string ChooseEncoding(const std::string& accept_encoding, bool have_brotli, bool have_gzip);

}  // namespace bokji::server
