# cmake -DSOURCE=web/sw.js -DOUTPUT=site/sw.js -DFILES="a|b|c" -P stamp_service_worker.cmake
# Copies the service worker with @BOKJI_SW_VERSION@ replaced by a hash of FILES (the app's files), so every
# build that changes the app is a new service worker: browsers install it and drop the older cache.
string(REPLACE "|" ";" _files "${FILES}")
set(_hashes "")
foreach(_file IN LISTS _files)
  file(SHA256 "${_file}" _hash)
  string(APPEND _hashes "${_hash}")
endforeach()
string(SHA256 _version "${_hashes}")
string(SUBSTRING "${_version}" 0 16 _version)
file(READ "${SOURCE}" _worker)
string(REPLACE "@BOKJI_SW_VERSION@" "${_version}" _worker "${_worker}")
file(WRITE "${OUTPUT}" "${_worker}")
