// Tests of geodata/coordinates.h: Korean CRSs against reference values measured with GDAL/PROJ
// (/work/shared/TOOLCHAIN.md), a UTM-K round trip, and coordinate-cell parsing.
#include "geodata/coordinates.h"

#include <gtest/gtest.h>

#include <memory>

#include "core/geo.h"
#include "ogr_spatialref.h"

namespace bokji::geodata {
namespace {

// TOOLCHAIN.md: both projected points are lon 127.1480000, lat 35.8242000 (PROJ's "Korean 1985 to
// WGS 84 (1)" for 5174, ~1 m).
constexpr LatLng kReference = {35.8242000, 127.1480000};

TEST(CoordinateTransformerTest, Epsg5174MatchesTheMeasuredReference) {
  Result<CoordinateTransformer> to_wgs84 = CoordinateTransformer::ToWgs84From("EPSG:5174");
  ASSERT_TRUE(to_wgs84.ok()) << to_wgs84.status().message();
  const std::optional<LatLng> p = to_wgs84.value().Transform(213301.265, 258241.606);
  ASSERT_TRUE(p.has_value());
  EXPECT_LT(DistanceMeters(*p, kReference), 1.0) << p->lat << ", " << p->lng;
}

TEST(CoordinateTransformerTest, Epsg5186MatchesTheMeasuredReference) {
  Result<CoordinateTransformer> to_wgs84 = CoordinateTransformer::ToWgs84From("EPSG:5186");
  ASSERT_TRUE(to_wgs84.ok()) << to_wgs84.status().message();
  const std::optional<LatLng> p = to_wgs84.value().Transform(213373.784, 358548.455);
  ASSERT_TRUE(p.has_value());
  EXPECT_LT(DistanceMeters(*p, kReference), 1.0) << p->lat << ", " << p->lng;
}

// WGS84 → UTM-K with OGR directly (x = lon, y = lat order forced), then back through the
// transformer.
TEST(CoordinateTransformerTest, Epsg5179RoundTrip) {
  OGRSpatialReference wgs84, utmk;
  wgs84.SetWellKnownGeogCS("WGS84");
  ASSERT_EQ(utmk.importFromEPSG(5179), OGRERR_NONE);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  utmk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> forward(
      OGRCreateCoordinateTransformation(&wgs84, &utmk));
  ASSERT_NE(forward, nullptr);
  Result<CoordinateTransformer> back = CoordinateTransformer::ToWgs84From("EPSG:5179");
  ASSERT_TRUE(back.ok()) << back.status().message();

  for (const LatLng& start :
       {kReference, LatLng{33.2, 126.5}, LatLng{37.5665, 126.978}, LatLng{37.24, 131.86}}) {
    double x = start.lng, y = start.lat;
    ASSERT_TRUE(forward->Transform(1, &x, &y));
    // UTM-K false easting/northing: 1,000,000 / 2,000,000 m at 127.5°E, 38°N; Korea is within ±400
    // km.
    EXPECT_NEAR(x, 1000000, 400000);
    EXPECT_NEAR(y, 2000000, 600000);
    const std::optional<LatLng> p = back.value().Transform(x, y);
    ASSERT_TRUE(p.has_value());
    EXPECT_LT(DistanceMeters(*p, start), 0.01) << start.lat << ", " << start.lng;
  }
}

TEST(CoordinateTransformerTest, Wgs84IsTheIdentity) {
  Result<CoordinateTransformer> to_wgs84 = CoordinateTransformer::ToWgs84From("EPSG:4326");
  ASSERT_TRUE(to_wgs84.ok());
  EXPECT_TRUE(to_wgs84.value().is_identity());
  const std::optional<LatLng> p = to_wgs84.value().Transform(127.148, 35.8242);  // x = lon, y = lat
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->lat, 35.8242);
  EXPECT_EQ(p->lng, 127.148);
}

TEST(CoordinateTransformerTest, UnknownCrsIsAnErrorNamingIt) {
  Result<CoordinateTransformer> bad = CoordinateTransformer::ToWgs84From("EPSG:999999");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("EPSG:999999"), std::string::npos)
      << bad.status().message();
}

TEST(ParseCoordinateTest, AcceptsDecimalNumbersOnly) {
  EXPECT_EQ(ParseCoordinate("127.148"), 127.148);
  EXPECT_EQ(ParseCoordinate("  35.8 "), 35.8);
  EXPECT_EQ(ParseCoordinate("-12"), -12.0);
  EXPECT_FALSE(ParseCoordinate("").has_value());
  EXPECT_FALSE(ParseCoordinate("   ").has_value());
  EXPECT_FALSE(ParseCoordinate("abc").has_value());
  EXPECT_FALSE(ParseCoordinate("127.1.2").has_value());
  EXPECT_FALSE(ParseCoordinate("127,148").has_value());
  EXPECT_FALSE(ParseCoordinate("nan").has_value());
  EXPECT_FALSE(ParseCoordinate("inf").has_value());
}

TEST(InKoreaTest, IsTheDocumentedBox) {
  EXPECT_TRUE(InKorea({35.8242, 127.148}));
  EXPECT_TRUE(InKorea({33.0, 124.0}));
  EXPECT_TRUE(InKorea({39.0, 132.0}));
  EXPECT_FALSE(InKorea({0, 0}));
  EXPECT_FALSE(InKorea({127.148, 35.8242}));  // swapped
  EXPECT_FALSE(InKorea({32.99, 127}));
  EXPECT_FALSE(InKorea({36, 132.01}));
}

}  // namespace
}  // namespace bokji::geodata
