// bench_native: the native half of the point-index benchmark (bench/README.md). On each workload
// it builds and queries our FacilityIndex and MarkerClusters, S2's S2PointIndex +
// S2ClosestPointQuery, and the brute-force floor; checks every answer against brute force; and
// writes one JSON row per (workload, size, implementation) with the median time. scripts/bench.sh
// runs it, then the Node driver (bench/js), which adds the wasm and npm rows and checks that both
// processes saw identical data and answers.
//
//   bench_native --centres .../admdong_centroids_UTMK_2001-2023.tsv --out native.json
//                [--sizes 100000,1000000] [--queries 1000]
//   bench_native --centres ... --smoke   # tiny data: answers checked, nothing timed; 1 on mismatch
//
// Sections: rows and timing; builds; queries; main.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/alloc_counter.h"
#include "bench/reference.h"
#include "bench/workload.h"
#include "core/cluster.h"
#include "core/facility_index.h"
#include "core/geo.h"
#include "s2/s1angle.h"
#include "s2/s2closest_point_query.h"
#include "s2/s2latlng.h"
#include "s2/s2point_index.h"

namespace bokji::bench {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Rows and timing
// ---------------------------------------------------------------------------------------------------------

constexpr double kRadiusMeters = 2000;
constexpr size_t kNearestCount = 10;
constexpr int kClusterZooms[] = {8, 12, 16};

struct Settings {
  std::vector<size_t> sizes = {100000, 1000000};
  size_t queries = 1000;
  int build_repeats = 3;
  bool smoke = false;
};

struct Run {
  const Settings& settings;
  const Workload& workload;
  nlohmann::json* rows;
  int mismatches = 0;

  nlohmann::json& AddRow(const std::string& workload_name, const std::string& implementation,
                         double median, const char* unit) {
    nlohmann::json row = {{"workload", workload_name},
                          {"size", workload.points.size()},
                          {"distribution", DistributionName(workload.distribution)},
                          {"implementation", implementation},
                          {"median", median},
                          {"unit", unit}};
    rows->push_back(row);
    return rows->back();
  }
  void Mismatch(const std::string& what, size_t query) {
    ++mismatches;
    std::fprintf(stderr, "MISMATCH: %s, %s %zu points, query %zu\n", what.c_str(),
                 DistributionName(workload.distribution), workload.points.size(), query);
  }
};

double NowMicros() {
  return std::chrono::duration<double, std::micro>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Runs query(i) for every query once untimed (warm-up), then once timed each; the median in µs.
double MedianQueryMicros(size_t count, const std::function<void(size_t)>& query) {
  for (size_t i = 0; i < count; ++i) query(i);
  std::vector<double> times(count);
  for (size_t i = 0; i < count; ++i) {
    const double start = NowMicros();
    query(i);
    times[i] = NowMicros() - start;
  }
  return Median(times);
}

// ---------------------------------------------------------------------------------------------------------
// Builds: median of build_repeats builds in ms; bytes held per point from the counting allocator.
// ---------------------------------------------------------------------------------------------------------

template <typename Index, typename MakeIndex>
Index TimedBuild(Run* run, const std::string& workload_name, const std::string& implementation,
                 MakeIndex make) {
  std::vector<double> times;
  size_t held = 0;
  Index index;
  for (int r = 0; r < run->settings.build_repeats; ++r) {
    index = Index();
    const size_t before = LiveHeapBytes();
    const double start = NowMicros();
    make(&index);
    times.push_back((NowMicros() - start) / 1000);
    held = LiveHeapBytes() - before;
  }
  nlohmann::json& row = run->AddRow(workload_name, implementation, Median(times), "ms");
  row["bytes_per_point"] = static_cast<double>(held) / run->workload.points.size();
  return index;
}

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

// Adds the brute-force row (timed on its single pass, which also records the expected answers) and
// returns its answers. digest_of folds one answer into the row's digest.
template <typename Answer>
std::vector<Answer> BruteForceRow(
    Run* run, const std::string& workload_name, const std::function<Answer(size_t)>& answer,
    const std::function<uint64_t(uint64_t, const Answer&)>& digest_of) {
  const size_t count = run->workload.queries.size();
  std::vector<Answer> answers(count);
  std::vector<double> times(count);
  uint64_t digest = kFnvStart;
  for (size_t i = 0; i < count; ++i) {
    const double start = NowMicros();
    answers[i] = answer(i);
    times[i] = NowMicros() - start;
    digest = digest_of(digest, answers[i]);
  }
  nlohmann::json& row = run->AddRow(workload_name, "brute force (native)", Median(times), "us");
  row["digest"] = std::to_string(digest);
  return answers;
}

// Checks implementation's answers (pass 1), then times it (pass 2), and adds its row.
void QueryRow(Run* run, const std::string& workload_name, const std::string& implementation,
              const std::function<bool(size_t, size_t*)>& answer_matches,
              const std::function<void(size_t)>& query, uint64_t digest) {
  size_t borderline = 0;
  const size_t count = run->workload.queries.size();
  for (size_t i = 0; i < count; ++i) {
    if (!answer_matches(i, &borderline)) run->Mismatch(workload_name + " " + implementation, i);
  }
  const double median = run->settings.smoke ? 0 : MedianQueryMicros(count, query);
  nlohmann::json& row = run->AddRow(workload_name, implementation, median, "us");
  row["digest"] = std::to_string(digest);  // equal to brute force's: every answer matched it
  row["borderline"] = borderline;
}

uint64_t DigestIds(uint64_t digest, const std::vector<uint32_t>& ids) {
  digest = FnvAdd(digest, ids.size());
  for (uint32_t id : ids) digest = FnvAdd(digest, id);
  return digest;
}
uint64_t DigestIdSet(uint64_t digest, const IdSetSummary& s) {
  return FnvAdd(FnvAdd(digest, s.count), s.checksum);
}
uint64_t DigestClusters(uint64_t digest, const ClusterSummary& s) {
  return FnvAdd(FnvAdd(FnvAdd(digest, s.clusters), s.total), s.checksum);
}

void RunWorkload(Run* run) {
  const Workload& w = run->workload;
  const std::vector<LatLng>& points = w.points;
  const std::vector<LatLng>& queries = w.queries;
  const size_t q_count = queries.size();

  // ---- builds
  std::vector<IndexedPoint> indexed(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    indexed[i].position = points[i];
    indexed[i].category = static_cast<FacilityCategory>(i % kFacilityCategoryCount);
  }
  const FacilityIndex ours =
      TimedBuild<FacilityIndex>(run, "build", "ours (native)",
                                [&](FacilityIndex* index) { *index = FacilityIndex(indexed); });
  run->rows->back()["memory_bytes_per_point"] = double(ours.MemoryBytes()) / points.size();

  using S2Index = S2PointIndex<uint32_t>;
  std::unique_ptr<S2Index> s2_index = TimedBuild<std::unique_ptr<S2Index>>(
      run, "build", "S2PointIndex (native)", [&](std::unique_ptr<S2Index>* index) {
        *index = std::make_unique<S2Index>();
        for (uint32_t id = 0; id < points.size(); ++id) {
          (*index)->Add(S2LatLng::FromDegrees(points[id].lat, points[id].lng).ToPoint(), id);
        }
      });

  const MarkerClusters clusters =
      TimedBuild<MarkerClusters>(run, "cluster build", "ours (native)",
                                 [&](MarkerClusters* c) { *c = MarkerClusters(points); });
  // A category filter: re-cluster the points of one category of 13 from the sorted points.
  TimedBuild<MarkerClusters>(
      run, "cluster filter (1 of 13 categories)", "ours (native)",
      [&](MarkerClusters* c) { *c = clusters.Subset([](uint32_t id) { return id % 13 == 0; }); });
  BruteForce brute(points);

  // ---- kNN
  {
    const std::string name = "knn10";
    auto expected = BruteForceRow<std::vector<uint32_t>>(
        run, name,
        [&](size_t i) {
          std::vector<uint32_t> ids;
          brute.Nearest(queries[i], kNearestCount, &ids);
          return ids;
        },
        DigestIds);
    const std::string brute_digest = run->rows->back()["digest"];
    std::vector<Neighbor> neighbours;
    std::vector<uint32_t> got;
    QueryRow(
        run, name, "ours (native)",
        [&](size_t i, size_t* borderline) {
          ours.Nearest(queries[i], kNearestCount, {}, &neighbours);
          got.clear();
          for (const Neighbor& n : neighbours) got.push_back(n.id);
          return SameNearest(points, queries[i], expected[i], got, borderline);
        },
        [&](size_t i) { ours.Nearest(queries[i], kNearestCount, {}, &neighbours); },
        std::stoull(brute_digest));

    S2ClosestPointQuery<uint32_t> s2_query(s2_index.get());
    s2_query.mutable_options()->set_max_results(kNearestCount);
    std::vector<S2ClosestPointQuery<uint32_t>::Result> results;
    auto s2_nearest = [&](size_t i) {
      S2ClosestPointQuery<uint32_t>::PointTarget target(
          S2LatLng::FromDegrees(queries[i].lat, queries[i].lng).ToPoint());
      s2_query.FindClosestPoints(&target, &results);
    };
    QueryRow(
        run, name, "S2ClosestPointQuery (native)",
        [&](size_t i, size_t* borderline) {
          s2_nearest(i);
          got.clear();
          for (const auto& r : results) got.push_back(r.data());
          return SameNearest(points, queries[i], expected[i], got, borderline);
        },
        s2_nearest, std::stoull(brute_digest));
  }

  // ---- within 2 km
  {
    const std::string name = "within2km";
    std::vector<std::vector<uint32_t>> expected_ids(q_count);
    BruteForceRow<IdSetSummary>(
        run, name,
        [&](size_t i) {
          brute.Within(queries[i], kRadiusMeters, &expected_ids[i]);
          return SummarizeIds(expected_ids[i]);
        },
        DigestIdSet);
    const uint64_t digest = std::stoull(run->rows->back()["digest"].get<std::string>());
    std::vector<uint32_t> got;
    QueryRow(
        run, name, "ours (native)",
        [&](size_t i, size_t* borderline) {
          got.clear();
          ours.VisitWithin(queries[i], kRadiusMeters, {}, [&](uint32_t id) { got.push_back(id); });
          return SameWithin(points, queries[i], kRadiusMeters, expected_ids[i], got, borderline);
        },
        [&](size_t i) {
          got.clear();
          ours.VisitWithin(queries[i], kRadiusMeters, {}, [&](uint32_t id) { got.push_back(id); });
        },
        digest);

    S2ClosestPointQuery<uint32_t> s2_query(s2_index.get());
    s2_query.mutable_options()->set_inclusive_max_distance(
        S1Angle::Radians(kRadiusMeters / kEarthRadiusMeters));
    std::vector<S2ClosestPointQuery<uint32_t>::Result> results;
    auto s2_within = [&](size_t i) {
      S2ClosestPointQuery<uint32_t>::PointTarget target(
          S2LatLng::FromDegrees(queries[i].lat, queries[i].lng).ToPoint());
      s2_query.FindClosestPoints(&target, &results);
    };
    QueryRow(
        run, name, "S2ClosestPointQuery (native)",
        [&](size_t i, size_t* borderline) {
          s2_within(i);
          got.clear();
          for (const auto& r : results) got.push_back(r.data());
          return SameWithin(points, queries[i], kRadiusMeters, expected_ids[i], got, borderline);
        },
        s2_within, digest);
  }

  // ---- viewport
  {
    const std::string name = "viewport";
    std::vector<uint32_t> ids;
    auto expected = BruteForceRow<IdSetSummary>(
        run, name,
        [&](size_t i) {
          brute.InRect(FixedViewport(queries[i]), &ids);
          return SummarizeIds(ids);
        },
        DigestIdSet);
    const uint64_t digest = std::stoull(run->rows->back()["digest"].get<std::string>());
    std::vector<Rect> rects;
    for (const LatLng& q : queries) rects.push_back(FixedViewport(q));
    std::vector<uint32_t> got;
    auto ours_rect = [&](size_t i) {
      const Rect& r = rects[i];
      got.clear();
      ours.VisitInRect(r.lo, r.hi, {}, [&](uint32_t id) { got.push_back(id); });
    };
    QueryRow(
        run, name, "ours (native)",
        [&](size_t i, size_t*) {
          ours_rect(i);
          return SummarizeIds(got) == expected[i];
        },
        ours_rect, digest);
  }

  // ---- clusters of a 1280×720 screen
  for (int zoom : kClusterZooms) {
    const std::string name = "clusters z" + std::to_string(zoom);
    auto expected = BruteForceRow<ClusterSummary>(
        run, name, [&](size_t i) { return brute.Clusters(ScreenViewport(queries[i], zoom), zoom); },
        DigestClusters);
    const uint64_t digest = std::stoull(run->rows->back()["digest"].get<std::string>());
    std::vector<Rect> rects;
    for (const LatLng& q : queries) rects.push_back(ScreenViewport(q, zoom));
    ClusterSummary got;
    const int level = ClusterGridLevel(zoom);
    auto ours_clusters = [&](size_t i) {
      const Rect& r = rects[i];
      got = ClusterSummary();
      clusters.VisitClusters(r.lo, r.hi, zoom, [&](const MarkerCluster& c) {
        AddCluster(c.centre, level, c.count, &got);
      });
    };
    // Timed: just the clusters, as a map would draw them (the summary's cell lookups are not ours).
    size_t visited = 0;
    auto ours_clusters_timed = [&](size_t i) {
      const Rect& r = rects[i];
      clusters.VisitClusters(r.lo, r.hi, zoom, [&](const MarkerCluster& c) { visited += c.count; });
    };
    double clusters_per_view = 0, points_per_view = 0;
    QueryRow(
        run, name, "ours (native)",
        [&](size_t i, size_t*) {
          ours_clusters(i);
          clusters_per_view += got.clusters / double(q_count);
          points_per_view += got.total / double(q_count);
          return got == expected[i];
        },
        ours_clusters_timed, digest);
    run->rows->back()["clusters_per_view"] = clusters_per_view;
    run->rows->back()["points_per_view"] = points_per_view;
  }
}

// ---------------------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------------------

std::vector<size_t> ParseSizes(const std::string& list) {
  std::vector<size_t> sizes;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) sizes.push_back(std::stoull(item));
  return sizes;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string first, second, third;
  in >> first >> second >> third;
  return first + " " + second + " " + third;
}

int Main(int argc, char** argv) {
  Settings settings;
  std::string centres_path, out_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--centres") {
      centres_path = value();
    } else if (arg == "--out") {
      out_path = value();
    } else if (arg == "--sizes") {
      settings.sizes = ParseSizes(value());
    } else if (arg == "--queries") {
      settings.queries = std::stoull(value());
    } else if (arg == "--smoke") {
      settings.smoke = true;
      settings.sizes = {3000};
      settings.queries = 100;
      settings.build_repeats = 1;
    } else {
      std::fprintf(stderr, "unknown argument %s (see the comment at the top of bench_native.cc)\n",
                   arg.c_str());
      return 2;
    }
  }
  std::ifstream file(centres_path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  Result<std::vector<LatLng>> centres = LoadEmdCentres(text.str());
  if (!file || !centres.ok()) {
    std::fprintf(stderr, "cannot read 읍면동 centres from '%s': %s\n", centres_path.c_str(),
                 centres.ok() ? "unreadable" : centres.status().message().c_str());
    return 2;
  }

  nlohmann::json out = {{"load_average_start", LoadAverage()}, {"centres", centres.value().size()}};
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json data = nlohmann::json::array();
  int mismatches = 0;
  for (Distribution d : {Distribution::kUniform, Distribution::kClustered}) {
    for (size_t size : settings.sizes) {
      const Workload w = MakeWorkload(d, size, settings.queries, centres.value());
      data.push_back({{"distribution", DistributionName(d)},
                      {"size", size},
                      {"data_digest", std::to_string(DataDigest(w))}});
      Run run{settings, w, &rows};
      const double start = NowMicros();
      RunWorkload(&run);
      mismatches += run.mismatches;
      std::fprintf(stderr, "bench_native: %s %zu points: %.1f s, %d mismatches\n",
                   DistributionName(d), size, (NowMicros() - start) / 1e6, run.mismatches);
    }
  }
  out["load_average_end"] = LoadAverage();
  out["data"] = data;
  out["rows"] = rows;
  if (!out_path.empty()) {
    std::ofstream(out_path) << out.dump(1) << "\n";
  }
  const size_t checked = rows.size();
  std::printf("bench_native: %zu rows, %d mismatched answers%s\n", checked, mismatches,
              settings.smoke ? " (smoke run: answers checked, times not taken)" : "");
  return mismatches == 0 ? 0 : 1;
}

}  // namespace
}  // namespace bokji::bench

int main(int argc, char** argv) {
  return bokji::bench::Main(argc, argv);
}
