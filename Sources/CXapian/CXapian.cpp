// CXapian.cpp: the C ABI over Xapian 1.4 declared in include/CXapian.h: version, buffers, stemming.
#include "Shim.hpp"

using namespace cxshim;

extern "C" {

const char *cx_xapian_version(void) { return Xapian::version_string(); }

void cx_buffer_free(cx_buffer *buffer) {
  if (!buffer) return;
  std::free(buffer->data);
  buffer->data = nullptr;
  buffer->len = 0;
}

// ---- stemming ----

int cx_stemmer_new(const char *language, cx_stemmer **out, cx_error *error) {
  return guarded(error, [&] { *out = new cx_stemmer{Xapian::Stem(language)}; });
}

void cx_stemmer_free(cx_stemmer *stemmer) { delete stemmer; }

int cx_stem(cx_stemmer *stemmer, const char *word, size_t len, char *out, size_t cap,
            size_t *out_len, cx_error *error) {
  return guarded(error, [&] {
    std::string stem = stemmer->stem(std::string(word, len));
    *out_len = stem.size();
    if (stem.size() <= cap) std::memcpy(out, stem.data(), stem.size());
  });
}

} // extern "C"
