// Coordinates as the importer meets them: text cells to parse, projected Korean CRSs to convert to
// WGS84, and the plausibility checks every facility point passes.
//
//   bokji::Result<bokji::geodata::CoordinateTransformer> to_wgs84 =
//       bokji::geodata::CoordinateTransformer::ToWgs84From("EPSG:5174");
//   std::optional<bokji::LatLng> p = to_wgs84.value().Transform(213301.265, 258241.606);
//   // p ≈ {35.8242, 127.1480}
//   if (p && bokji::geodata::InKorea(*p)) ...
//
// x is always the easting or longitude and y the northing or latitude (GDAL's
// OAMS_TRADITIONAL_GIS_ORDER), whatever axis order the EPSG definition declares.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/status.h"

class OGRCoordinateTransformation;
class OGRGeometry;

namespace bokji::geodata {

// Converts coordinates from one CRS to WGS84 lon/lat. Movable, not copyable.
class CoordinateTransformer {
 public:
  // `crs`: anything OGRSpatialReference::SetFromUserInput accepts: "EPSG:5174", "5174" is not
  // (write "EPSG:5174"), WKT, PROJ strings. Fails with a readable message for an unknown CRS.
  static Result<CoordinateTransformer> ToWgs84From(std::string_view crs);

  CoordinateTransformer(CoordinateTransformer&&) noexcept;
  CoordinateTransformer& operator=(CoordinateTransformer&&) noexcept;
  ~CoordinateTransformer();

  // The point in WGS84, or nullopt when PROJ cannot transform it (for example far outside the CRS's
  // area).
  std::optional<LatLng> Transform(double x, double y) const;

  // Transforms a geometry in place. False when PROJ fails on any vertex.
  bool Transform(OGRGeometry& geometry) const;

  // True when the source CRS already is WGS84 lon/lat: Transform then returns its input unchanged.
  bool is_identity() const { return transformation_ == nullptr; }

 private:
  CoordinateTransformer() = default;
  // Null when the source is WGS84 already.
  std::unique_ptr<OGRCoordinateTransformation> transformation_;
};

// Parses one coordinate cell: a decimal number with optional surrounding spaces ("127.148", " 35.8
// ",
// "-1e3"). nullopt for an empty cell, text ("abc"), trailing junk ("127.1.2") and non-finite
// values.
std::optional<double> ParseCoordinate(std::string_view text);

// The plausibility box every facility must fall in: latitude 33–39, longitude 124–132 (South Korea
// with its islands, Jeju and Ulleung/Dokdo; a little sea around them).
bool InKorea(LatLng p);

}  // namespace bokji::geodata
