#include "server/static_site.h"

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "server/crypto.h"

namespace bokji::server {
namespace {

std::string ContentType(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".wasm", "application/wasm"},
      {".ttf", "font/ttf"},
      {".woff2", "font/woff2"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".txt", "text/plain; charset=utf-8"},
      {".bundle", "application/octet-stream"},
      {".ico", "image/x-icon"}};
  std::string ext = std::filesystem::path(path).extension().string();
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::shared_ptr<const std::string> ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::make_shared<const std::string>(buffer.str());
}

// The q-value a header gives `coding` (a missing coding: 0, unless "*" is listed).
double QValue(const std::string& header, const std::string& coding) {
  double star = 0, found = -1;
  std::stringstream in(header);
  for (std::string item; std::getline(in, item, ',');) {
    std::string name = item.substr(0, item.find(';'));
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    double q = 1;
    size_t at = item.find("q=");
    if (at != std::string::npos) q = std::atof(item.c_str() + at + 2);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == coding) found = q;
    if (name == "*") star = q;
  }
  return found >= 0 ? found : star;
}

}  // namespace

std::string ChooseEncoding(const std::string& accept_encoding, bool have_brotli, bool have_gzip) {
  if (have_brotli && QValue(accept_encoding, "br") > 0) return "br";
  if (have_gzip && QValue(accept_encoding, "gzip") > 0) return "gzip";
  return "";
}

Result<StaticSite> StaticSite::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) return Status::Error("no site folder at " + dir);
  StaticSite site;
  static const std::regex kHashed(R"(\.[0-9a-f]{12}\.[A-Za-z0-9]+$)");
  for (auto it = fs::recursive_directory_iterator(dir, error);
       it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) return Status::Error("cannot list " + dir + ": " + error.message());
    if (!it->is_regular_file()) continue;
    std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
    std::string ext = it->path().extension().string();
    if (ext == ".gz" || ext == ".br") continue;
    File file;
    file.identity = ReadAll(it->path());
    file.content_type = ContentType(rel);
    file.etag = "\"" + HashBytes(*file.identity).substr(0, 16) + "\"";
    file.immutable = std::regex_search(rel, kHashed);
    if (fs::exists(it->path().string() + ".gz")) file.gzip = ReadAll(it->path().string() + ".gz");
    if (fs::exists(it->path().string() + ".br")) file.brotli = ReadAll(it->path().string() + ".br");
    site.files_[rel] = std::move(file);
  }
  return site;
}

bool StaticSite::Serve(const httplib::Request& req, httplib::Response& res) const {
  std::string path = req.path;
  if (path.find("..") != std::string::npos) return false;
  if (path.empty() || path.back() == '/') path += "index.html";
  if (path == "/staff") path = "/staff/index.html";
  auto it = files_.find(path);
  if (it == files_.end()) return false;
  const File& file = it->second;
  std::string encoding = ChooseEncoding(req.get_header_value("Accept-Encoding"),
                                        file.brotli != nullptr, file.gzip != nullptr);
  std::shared_ptr<const std::string> body = encoding == "br"     ? file.brotli
                                            : encoding == "gzip" ? file.gzip
                                                                 : file.identity;
  std::string etag = encoding.empty()
                         ? file.etag
                         : file.etag.substr(0, file.etag.size() - 1) + "-" + encoding + "\"";
  res.set_header("Vary", "Accept-Encoding");
  res.set_header("ETag", etag);
  res.set_header("Cache-Control",
                 file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (!encoding.empty()) res.set_header("Content-Encoding", encoding);
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return true;
  }
  res.status = 200;
  // The bytes stay shared: a provider hands out slices instead of copying the file into every
  // response.
  res.set_content_provider(body->size(), file.content_type,
                           [body](size_t offset, size_t length, httplib::DataSink& sink) {
                             sink.write(body->data() + offset,
                                        std::min(length, body->size() - offset));
                             return true;
                           });
  return true;
}

}  // namespace bokji::server
