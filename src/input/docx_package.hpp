// The .docx's zip package: the archive opened in memory, its parts inflated with a cap, and the
// relationships that name the parts.
#pragma once

#include <zip.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gklint::docx {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipDiscard>;

// The archive over `bytes` (which must outlive it), or null when they are not a zip.
Zip open_zip(std::string_view bytes);

bool has_entry(zip_t* za, const std::string& name);

enum class Read { ok, missing, encrypted, too_large, damaged };

// Inflates one part in chunks and stops past `cap`: the size in the zip's headers may lie. `out`
// holds the part only when ok; `why` is libzip's reason when damaged.
Read read_part(zip_t* za, const std::string& name, size_t cap, std::string& out, std::string& why);

// The target of the first relationship of a type in a .rels part, or "" (the caller then uses the
// part name Word uses). Relationships let a producer name its parts otherwise (document2.xml).
std::string relationship(zip_t* za, const std::string& rels_part, std::string_view type, std::string_view base_dir);

}  // namespace gklint::docx
