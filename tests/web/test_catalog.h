// Test helper: the sample bundle's Catalog, imported in the test process from the real shared data
// with the sample config (geodata/config/jeonbuk-sample.json), once per process.
//
//   const bokji::Catalog& catalog = bokji::web::testing::SampleCatalog();
//   ASSERT_GT(catalog.data.facilities.size(), 0u);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/catalog.h"
#include "geodata/importer.h"

namespace bokji::web::testing {

inline const Catalog& SampleCatalog() {
  static const std::unique_ptr<Catalog> catalog = [] {
    Result<geodata::ImportConfig> config = geodata::LoadImportConfig(
        std::string(BOKJI_SOURCE_DIR) + "/geodata/config/jeonbuk-sample.json",
        BOKJI_SHARED_DATA_DIR);
    EXPECT_TRUE(config.ok()) << config.status().message();
    Result<geodata::ImportResult> imported = config.ok()
                                                 ? geodata::RunImport(config.value(), 20261123)
                                                 : Result<geodata::ImportResult>(config.status());
    EXPECT_TRUE(imported.ok()) << imported.status().message();
    return std::make_unique<Catalog>(
        Catalog::Build(imported.ok() ? std::move(imported).value().dataset : Dataset{}));
  }();
  return *catalog;
}

}  // namespace bokji::web::testing
