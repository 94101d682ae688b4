#include "gklint/diagnostic.hpp"

namespace gklint {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

bool parse_severity(const std::string& name, Severity* out) {
  if (name == "info")
    *out = Severity::info;
  else if (name == "warning")
    *out = Severity::warning;
  else if (name == "error")
    *out = Severity::error;
  else
    return false;
  return true;
}

}  // namespace gklint
