#include "rules/equation.hpp"

#include <cctype>

namespace gklint {

namespace {

class Parser {
 public:
  Parser(const std::string& text, const TableDef& table, Along along) : s_(text), t_(table), along_(along) {}

  bool parse(Equation* eq, std::string* error) {
    if (!side(+1, eq) || !expect("==") || !side(-1, eq)) return fail(error);
    skip();
    if (p_ != s_.size()) {
      why_ = "unexpected `" + s_.substr(p_) + "`";
      return fail(error);
    }
    return true;
  }

 private:
  bool fail(std::string* error) {
    *error = why_.empty() ? "syntax error" : why_;
    return false;
  }
  void skip() {
    while (p_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[p_]))) ++p_;
  }
  bool expect(const char* tok) {
    skip();
    std::string t(tok);
    if (s_.compare(p_, t.size(), t) != 0) {
      why_ = "expected `" + t + "` at `" + s_.substr(p_) + "`";
      return false;
    }
    p_ += t.size();
    return true;
  }
  std::string name() {
    skip();
    size_t b = p_;
    while (p_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[p_])) || s_[p_] == '_')) ++p_;
    return s_.substr(b, p_ - b);
  }
  int index_of(const std::string& n) {
    if (along_ == Along::column) {
      for (size_t i = 0; i < t_.rows.size(); ++i) {
        if (t_.rows[i].id == n) return static_cast<int>(i);
      }
    } else {
      for (size_t i = 0; i < t_.columns.size(); ++i) {
        if (t_.columns[i].id == n) return static_cast<int>(i);
      }
    }
    why_ = "no " + std::string(along_ == Along::column ? "row" : "column") + " `" + n + "` in table " + t_.id;
    return -1;
  }
  bool term(int sign, Equation* eq) {
    std::string n = name();
    if (n.empty()) {
      why_ = "expected a name at `" + s_.substr(p_) + "`";
      return false;
    }
    if (n == "sum") {
      if (!expect("(")) return false;
      int a = index_of(name());
      if (a < 0 || !expect("..")) return false;
      int b = index_of(name());
      if (b < 0 || !expect(")")) return false;
      if (b < a) {
        why_ = "sum(a..b) needs a before b";
        return false;
      }
      for (int i = a; i <= b; ++i) {
        // Group rows carry no numbers: a run of rows sums the data rows in it.
        if (along_ == Along::column && t_.rows[i].group) continue;
        eq->terms.push_back({sign, i});
      }
      return true;
    }
    int i = index_of(n);
    if (i < 0) return false;
    if (along_ == Along::column && t_.rows[i].group) {
      why_ = "row `" + n + "` is a group row without numbers";
      return false;
    }
    eq->terms.push_back({sign, i});
    return true;
  }
  bool side(int sign, Equation* eq) {
    if (!term(sign, eq)) return false;
    for (;;) {
      skip();
      if (p_ < s_.size() && s_[p_] == '+') {
        ++p_;
        if (!term(sign, eq)) return false;
      } else if (p_ < s_.size() && s_[p_] == '-' && s_.compare(p_, 2, "==") != 0) {
        ++p_;
        if (!term(-sign, eq)) return false;
      } else {
        return true;
      }
    }
  }

  const std::string& s_;
  const TableDef& t_;
  Along along_;
  size_t p_ = 0;
  std::string why_;
};

}  // namespace

bool parse_equation(const std::string& text, const std::string& at, const TableDef& table, Along along, Equation* out,
                    std::string* error) {
  Equation eq;
  if (!Parser(text, table, along).parse(&eq, error)) return false;
  if (at.empty()) {
    eq.at = 0;
  } else {
    int found = -1, count = 0;
    for (size_t i = 0; i < eq.terms.size(); ++i) {
      const std::string& id =
          along == Along::column ? table.rows[eq.terms[i].index].id : table.columns[eq.terms[i].index].id;
      if (id == at) {
        found = static_cast<int>(i);
        ++count;
      }
    }
    if (count != 1) {
      *error = "`at: " + at + "` must name a term that appears once in the equation";
      return false;
    }
    eq.at = found;
  }
  *out = std::move(eq);
  return true;
}

}  // namespace gklint
