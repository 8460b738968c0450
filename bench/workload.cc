#include "bench/workload.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <set>
#include <utility>

#include "bench/random.h"

namespace bokji::bench {
namespace {

// cos(36°): the east-west scale of a degree of longitude in the middle of Korea.
constexpr double kCosMidLat = 0.8090169943749475;

bool InBox(LatLng p) {
  return p.lat >= kMinLat && p.lat <= kMaxLat && p.lng >= kMinLng && p.lng <= kMaxLng;
}

double Round(double v, double scale) {
  return std::round(v * scale) / scale;
}

std::vector<LatLng> UniformPoints(size_t count, Random* random) {
  std::vector<LatLng> points(count);
  for (LatLng& p : points) {
    p.lat = kMinLat + (kMaxLat - kMinLat) * random->Uniform();
    p.lng = kMinLng + (kMaxLng - kMinLng) * random->Uniform();
  }
  return points;
}

// Half the distance from each centre to its nearest other centre, in degrees of latitude (>=
// 0.001).
std::vector<double> CentreSpreads(const std::vector<LatLng>& centres) {
  std::vector<double> spreads(centres.size());
  for (size_t i = 0; i < centres.size(); ++i) {
    double nearest_squared = 1e300;
    for (size_t j = 0; j < centres.size(); ++j) {
      if (i == j) continue;
      const double dlat = centres[i].lat - centres[j].lat;
      const double dlng = (centres[i].lng - centres[j].lng) * kCosMidLat;
      nearest_squared = std::min(nearest_squared, dlat * dlat + dlng * dlng);
    }
    spreads[i] = std::max(0.001, 0.5 * std::sqrt(nearest_squared));
  }
  return spreads;
}

std::vector<LatLng> ClusteredPoints(size_t count, const std::vector<LatLng>& centres,
                                    const std::vector<double>& spreads, Random* random) {
  std::vector<LatLng> points;
  points.reserve(count);
  while (points.size() < count) {
    const size_t c = random->Next() % centres.size();
    const double sigma = spreads[c];
    const LatLng p{centres[c].lat + sigma * random->NearNormal(),
                   centres[c].lng + sigma / kCosMidLat * random->NearNormal()};
    if (InBox(p)) points.push_back(p);
  }
  return points;
}

uint64_t Fnv(uint64_t hash, double v) {
  uint64_t bits;
  static_assert(sizeof bits == sizeof v);
  __builtin_memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) {
    hash ^= (bits >> (8 * i)) & 0xFF;
    hash *= 0x100000001B3ull;
  }
  return hash;
}

}  // namespace

const char* DistributionName(Distribution d) {
  return d == Distribution::kUniform ? "uniform" : "clustered";
}

LatLng UtmkToLatLng(double x, double y) {
  constexpr double kDeg = M_PI / 180;
  constexpr double a = 6378137.0, f = 1 / 298.257222101;  // GRS80
  constexpr double k0 = 0.9996, false_east = 1000000.0, false_north = 2000000.0;
  const double lat0 = 38.0 * kDeg, lng0 = 127.5 * kDeg;
  const double e2 = 2 * f - f * f, ep2 = e2 / (1 - e2);
  const double e4 = e2 * e2, e6 = e4 * e2;
  auto meridian_arc = [&](double phi) {
    return a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi -
                (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * std::sin(2 * phi) +
                (15 * e4 / 256 + 45 * e6 / 1024) * std::sin(4 * phi) -
                (35 * e6 / 3072) * std::sin(6 * phi));
  };
  const double m = meridian_arc(lat0) + (y - false_north) / k0;
  const double mu = m / (a * (1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256));
  const double e1 = (1 - std::sqrt(1 - e2)) / (1 + std::sqrt(1 - e2));
  const double phi1 = mu + (3 * e1 / 2 - 27 * std::pow(e1, 3) / 32) * std::sin(2 * mu) +
                      (21 * e1 * e1 / 16 - 55 * std::pow(e1, 4) / 32) * std::sin(4 * mu) +
                      (151 * std::pow(e1, 3) / 96) * std::sin(6 * mu) +
                      (1097 * std::pow(e1, 4) / 512) * std::sin(8 * mu);
  const double sin1 = std::sin(phi1), cos1 = std::cos(phi1), tan1 = std::tan(phi1);
  const double c1 = ep2 * cos1 * cos1, t1 = tan1 * tan1;
  const double n1 = a / std::sqrt(1 - e2 * sin1 * sin1);
  const double r1 = a * (1 - e2) / std::pow(1 - e2 * sin1 * sin1, 1.5);
  const double d = (x - false_east) / (n1 * k0);
  const double d2 = d * d, d4 = d2 * d2, d6 = d4 * d2;
  const double lat =
      phi1 - (n1 * tan1 / r1) *
                 (d2 / 2 - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * ep2) * d4 / 24 +
                  (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * ep2 - 3 * c1 * c1) * d6 / 720);
  const double lng =
      lng0 + (d - (1 + 2 * t1 + c1) * d2 * d / 6 +
              (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * ep2 + 24 * t1 * t1) * d4 * d / 120) /
                 cos1;
  return {lat / kDeg, lng / kDeg};
}

Result<std::vector<LatLng>> LoadEmdCentres(std::string_view tsv) {
  std::vector<LatLng> centres;
  std::set<std::pair<double, double>> seen;
  size_t line_start = 0;
  bool header = true;
  while (line_start < tsv.size()) {
    size_t line_end = tsv.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = tsv.size();
    const std::string_view line = tsv.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (header || line.empty()) {
      header = false;
      continue;
    }
    // SERIAL, ADMCD, ADMNM, X, Y
    std::string_view fields[5];
    size_t field_start = 0;
    for (int i = 0; i < 5; ++i) {
      const size_t tab = i < 4 ? line.find('\t', field_start) : line.size();
      if (tab == std::string_view::npos)
        return Status::Error("centres TSV: a row without 5 fields");
      fields[i] = line.substr(field_start, tab - field_start);
      field_start = tab + 1;
    }
    const std::string_view code = fields[1];
    if (code.size() != 10) return Status::Error("centres TSV: ADMCD is not 10 digits");
    if (code.substr(5) == "00000") continue;  // 시도 or 시군구
    const double x = std::strtod(std::string(fields[3]).c_str(), nullptr);
    const double y = std::strtod(std::string(fields[4]).c_str(), nullptr);
    const LatLng p = UtmkToLatLng(x, y);
    const LatLng rounded{Round(p.lat, 1e6), Round(p.lng, 1e6)};
    if (!InBox(rounded) || !seen.insert({rounded.lat, rounded.lng}).second) continue;
    centres.push_back(rounded);
  }
  if (centres.size() < 2) return Status::Error("centres TSV: fewer than two 읍면동 centres");
  return centres;
}

Workload MakeWorkload(Distribution distribution, size_t size, size_t query_count,
                      const std::vector<LatLng>& centres) {
  Workload w;
  w.distribution = distribution;
  Random point_random(distribution == Distribution::kUniform ? 1 : 2);
  Random query_random(distribution == Distribution::kUniform ? 101 : 102);
  if (distribution == Distribution::kUniform) {
    w.points = UniformPoints(size, &point_random);
    w.queries = UniformPoints(query_count, &query_random);
  } else {
    // Clustered data needs centres; the caller loads them first.
    assert(centres.size() >= 2);
    const std::vector<double> spreads = CentreSpreads(centres);
    w.points = ClusteredPoints(size, centres, spreads, &point_random);
    w.queries = ClusteredPoints(query_count, centres, spreads, &query_random);
  }
  return w;
}

Rect FixedViewport(LatLng c) {
  return {{Round(c.lat - 0.100, 1e7), Round(c.lng - 0.2195, 1e7)},
          {Round(c.lat + 0.100, 1e7), Round(c.lng + 0.2195, 1e7)}};
}

Rect ScreenViewport(LatLng c, int zoom) {
  const double world_pixels = 256.0 * std::ldexp(1.0, zoom);
  const double y = 0.5 - std::log(std::tan(M_PI / 4 + c.lat * M_PI / 360)) / (2 * M_PI);
  const double half_height = 360 / world_pixels;
  auto lat_of = [](double merc_y) {
    return std::atan(std::sinh(M_PI * (1 - 2 * merc_y))) * 180 / M_PI;
  };
  const double half_width_deg = 640 / world_pixels * 360;
  return {{Round(lat_of(y + half_height), 1e7), Round(c.lng - half_width_deg, 1e7)},
          {Round(lat_of(y - half_height), 1e7), Round(c.lng + half_width_deg, 1e7)}};
}

uint64_t DataDigest(const Workload& w) {
  uint64_t hash = 0xCBF29CE484222325ull;
  for (const LatLng& p : w.points) hash = Fnv(Fnv(hash, p.lat), p.lng);
  for (const LatLng& p : w.queries) hash = Fnv(Fnv(hash, p.lat), p.lng);
  return hash;
}

}  // namespace bokji::bench
