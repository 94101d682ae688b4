#include "input/docx_package.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <vector>

namespace gklint::docx {

namespace {

// The .rels parts that name the main part, its styles and numbering.
constexpr size_t kMaxRelsBytes = size_t{1} << 20;

// "word/" + "../customXml/x.xml" -> "customXml/x.xml"; an absolute target is from the package root.
std::string resolve(std::string_view base_dir, std::string_view target) {
  const std::string path =
      !target.empty() && target[0] == '/' ? std::string(target.substr(1)) : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string_view local_name(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

Zip open_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (src && !za) zip_source_free(src);  // on success the archive owns the source
  zip_error_fini(&error);
  return Zip(za);
}

bool has_entry(zip_t* za, const std::string& name) { return zip_name_locate(za, name.c_str(), ZIP_FL_NOCASE) >= 0; }

Read read_part(zip_t* za, const std::string& name, size_t cap, std::string& out, std::string& why) {
  out.clear();
  const zip_int64_t index = zip_name_locate(za, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Read::missing;
  zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (!f) {
    zip_error_t* e = zip_get_error(za);
    const int code = zip_error_code_zip(e);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) return Read::encrypted;
    why = zip_error_strerror(e);
    return Read::damaged;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  constexpr size_t kChunk = size_t{1} << 16;
  if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
    out.reserve(static_cast<size_t>(std::min<zip_uint64_t>(st.size, cap)) + kChunk);  // a hint only
  }
  Read status = Read::ok;
  for (;;) {
    const size_t old = out.size();
    out.resize(old + kChunk);
    const zip_int64_t n = zip_fread(f, out.data() + old, kChunk);
    if (n < 0) {
      why = zip_error_strerror(zip_file_get_error(f));
      status = Read::damaged;
      break;
    }
    out.resize(old + static_cast<size_t>(n));
    if (n == 0) break;
    if (out.size() > cap) {
      status = Read::too_large;
      break;
    }
  }
  zip_fclose(f);
  if (status != Read::ok) out = std::string();
  return status;
}

std::string relationship(zip_t* za, const std::string& rels_part, std::string_view type, std::string_view base_dir) {
  std::string data, why;
  if (read_part(za, rels_part, kMaxRelsBytes, data, why) != Read::ok) return "";
  pugi::xml_document doc;
  if (!doc.load_buffer(data.data(), data.size())) return "";
  for (pugi::xml_node rel : doc.document_element().children()) {
    if (local_name(rel.name()) != "Relationship") continue;
    const std::string_view t = rel.attribute("Type").value();
    if (t.size() <= type.size() || !t.ends_with(type) || t[t.size() - type.size() - 1] != '/') continue;
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") continue;
    return resolve(base_dir, rel.attribute("Target").value());
  }
  return "";
}

}  // namespace gklint::docx
