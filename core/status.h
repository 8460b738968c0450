// Status and Result<T>: how the core reports data errors without exceptions.
//
// The core never throws across its API (it is compiled to WebAssembly with exceptions off). Data problems —
// a truncated bundle, an unparseable coordinate, a wrong version — come back as a Status with a message that
// a person can read. Programmer mistakes (an out-of-range index, a query on an unbuilt index) are asserts.
//
//   bokji::Result<bokji::Dataset> loaded = bokji::LoadBundle(bytes);
//   if (!loaded.ok()) {
//     ShowError(loaded.status().message());
//     return;
//   }
//   const bokji::Dataset& data = loaded.value();
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace bokji {

class Status {
 public:
  // DEFAULT: ok.
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  // The reason for a failure; empty when ok().
  const std::string& message() const {
    static const std::string kEmpty;
    return message_ ? *message_ : kEmpty;
  }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, `return value;`
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit on purpose
    // A Result built from a Status must carry an error: an ok Status has no value to go with it.
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  const T& value() const& {
    assert(ok() && "Result::value() called on an error; check ok() first");
    return *value_;
  }
  T& value() & {
    assert(ok() && "Result::value() called on an error; check ok() first");
    return *value_;
  }
  T&& value() && {
    assert(ok() && "Result::value() called on an error; check ok() first");
    return std::move(*value_);
  }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace bokji
