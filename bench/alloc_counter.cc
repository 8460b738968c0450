#include "bench/alloc_counter.h"

#include <cstdlib>
#include <new>

namespace {

// Every block carries its size in a header just before the pointer handed out. The header is
// kHeader bytes (or the alignment, if larger) so the block stays aligned. Single-threaded
// benchmarks.
constexpr size_t kHeader = alignof(std::max_align_t);
static_assert(kHeader >= 2 * sizeof(size_t), "the header holds the size and the header size");
size_t live_bytes = 0;

void* Allocate(size_t size, size_t alignment) {
  const size_t header = alignment > kHeader ? alignment : kHeader;
  void* block =
      alignment > kHeader
          ? std::aligned_alloc(alignment, (header + size + alignment - 1) / alignment * alignment)
          : std::malloc(header + size);
  if (block == nullptr) return nullptr;
  char* user = static_cast<char*>(block) + header;
  reinterpret_cast<size_t*>(user)[-1] = size;
  reinterpret_cast<size_t*>(user)[-2] = header;
  live_bytes += size;
  return user;
}

void Release(void* pointer) {
  if (pointer == nullptr) return;
  char* user = static_cast<char*>(pointer);
  live_bytes -= reinterpret_cast<size_t*>(user)[-1];
  std::free(user - reinterpret_cast<size_t*>(user)[-2]);
}

void* AllocateOrDie(size_t size, size_t alignment) {
  void* p = Allocate(size, alignment);
  if (p == nullptr) std::abort();  // out of memory: the benchmark cannot go on
  return p;
}

}  // namespace

namespace bokji::bench {
size_t LiveHeapBytes() {
  return live_bytes;
}
}  // namespace bokji::bench

void* operator new(size_t size) {
  return AllocateOrDie(size, kHeader);
}
void* operator new[](size_t size) {
  return AllocateOrDie(size, kHeader);
}
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  return Allocate(size, kHeader);
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
  return Allocate(size, kHeader);
}
void* operator new(size_t size, std::align_val_t a) {
  return AllocateOrDie(size, size_t(a));
}
void* operator new[](size_t size, std::align_val_t a) {
  return AllocateOrDie(size, size_t(a));
}
void operator delete(void* p) noexcept {
  Release(p);
}
void operator delete[](void* p) noexcept {
  Release(p);
}
void operator delete(void* p, size_t) noexcept {
  Release(p);
}
void operator delete[](void* p, size_t) noexcept {
  Release(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  Release(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  Release(p);
}
void operator delete(void* p, size_t, std::align_val_t) noexcept {
  Release(p);
}
void operator delete[](void* p, size_t, std::align_val_t) noexcept {
  Release(p);
}
