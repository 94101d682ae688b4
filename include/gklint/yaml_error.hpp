// What a YAML parse error says, for rule files and .gklint.yaml alike.
#pragma once

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include <string>

namespace gklint {

// yaml-cpp stops at 2,000 levels of nesting (its DepthGuard) and then says only "bad file".
inline std::string yaml_error_text(const YAML::Exception& e) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&e)) return "nested more than 2000 levels deep";
  return e.msg;
}

}  // namespace gklint
