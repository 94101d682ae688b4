// What gumbo must not be given. Gumbo 0.10.1 is quadratic (or worse) on some inputs, and they
// are cheap to write. Before parsing, a copy of the page is scanned with a rough model of the
// tree builder, and the tags that would cause that are disarmed in place, keeping every byte
// offset and line break: a start tag becomes a bogus comment ("<div>" becomes "<?iv>"), which
// keeps the text inside; surplus attributes become blanks. The depth model errs towards fewer
// open elements, so that ordinary pages are never touched; formatting elements are counted
// generously instead, as disarming one changes no text.
#pragma once

#include <string>

namespace gklint::html {

// Disarms, in place, the tags of `page` that would make gumbo slow or overflow its stack.
void disarm_for_gumbo(std::string& page);

}  // namespace gklint::html
