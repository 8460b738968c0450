#include "geodata/coordinates.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "cpl_error.h"
#include "ogr_geometry.h"
#include "ogr_spatialref.h"

namespace bokji::geodata {

Result<CoordinateTransformer> CoordinateTransformer::ToWgs84From(std::string_view crs) {
  OGRSpatialReference source;
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const OGRErr parsed = source.SetFromUserInput(std::string(crs).c_str());
  CPLPopErrorHandler();
  if (parsed != OGRERR_NONE) {
    return Status::Error("unknown CRS '" + std::string(crs) +
                         "' (write it as EPSG:5174, or give WKT): " + CPLGetLastErrorMsg());
  }
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  CoordinateTransformer transformer;
  if (source.IsSame(&wgs84)) return transformer;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  transformer.transformation_.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
  CPLPopErrorHandler();
  if (transformer.transformation_ == nullptr) {
    return Status::Error("no transformation from CRS '" + std::string(crs) +
                         "' to WGS84: " + CPLGetLastErrorMsg());
  }
  return transformer;
}

CoordinateTransformer::CoordinateTransformer(CoordinateTransformer&&) noexcept = default;
CoordinateTransformer& CoordinateTransformer::operator=(CoordinateTransformer&&) noexcept = default;
CoordinateTransformer::~CoordinateTransformer() = default;

std::optional<LatLng> CoordinateTransformer::Transform(double x, double y) const {
  if (transformation_ != nullptr) {
    int success = 0;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const bool ok = transformation_->Transform(1, &x, &y, nullptr, &success) && success;
    CPLPopErrorHandler();
    if (!ok || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  }
  return LatLng{y, x};
}

bool CoordinateTransformer::Transform(OGRGeometry& geometry) const {
  if (transformation_ == nullptr) return true;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const bool ok = geometry.transform(transformation_.get()) == OGRERR_NONE;
  CPLPopErrorHandler();
  return ok;
}

std::optional<double> ParseCoordinate(std::string_view text) {
  const std::string cell(text);
  const char* begin = cell.c_str();
  while (*begin == ' ' || *begin == '\t') ++begin;
  if (*begin == '\0') return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(begin, &end);
  if (end == begin || errno == ERANGE || !std::isfinite(value)) return std::nullopt;
  while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n') ++end;
  if (*end != '\0') return std::nullopt;
  return value;
}

bool InKorea(LatLng p) {
  return p.lat >= 33 && p.lat <= 39 && p.lng >= 124 && p.lng <= 132;
}

}  // namespace bokji::geodata
