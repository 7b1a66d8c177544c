#include "index/notice_record.h"

#include <cstdint>

#include "index/varint.h"

namespace kaiji {
namespace {

// The record's first byte; a record of another layout is refused, not misread.
constexpr char kLayout = 1;
constexpr char kEvidenceLayout = 1;

[[noreturn]] void damaged() { throw DamagedRecord("a stored notice is damaged; run kaiji-indexer --rebuild on the index"); }

// Signed numbers as zigzag varints (small magnitudes, either sign, stay short).
std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

class Writer {
 public:
  explicit Writer(std::size_t expected, char layout = kLayout) {
    out_.reserve(expected);
    out_ += layout;
  }
  void count(std::size_t n) { put_varint64(out_, n); }
  void text(std::string_view s) {
    put_varint64(out_, s.size());
    out_.append(s);
  }
  void texts(const std::vector<std::string>& list) {
    put_varint64(out_, list.size());
    for (const std::string& s : list) text(s);
  }
  void date(const std::optional<Date>& d) { text(d ? d->iso() : std::string()); }
  void number(const std::optional<std::int64_t>& n) {
    out_ += n ? '\1' : '\0';
    if (n) put_varint64(out_, zigzag(*n));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in, char layout = kLayout) : in_(in) {
    if (in_.empty() || in_.front() != layout) damaged();
    in_.remove_prefix(1);
  }
  std::string text() {
    const std::uint64_t size = count();
    std::string s(in_.substr(0, size));
    in_.remove_prefix(size);
    return s;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> list(count());
    for (std::string& s : list) s = text();
    return list;
  }
  std::optional<Date> date() {
    const std::string iso = text();
    if (iso.empty()) return std::nullopt;
    std::optional<Date> d = Date::parse_iso(iso);
    if (!d) damaged();
    return d;
  }
  std::optional<std::int64_t> number() {
    if (in_.empty() || static_cast<unsigned char>(in_.front()) > 1) damaged();
    const bool present = in_.front() == '\1';
    in_.remove_prefix(1);
    if (!present) return std::nullopt;
    std::uint64_t v = 0;
    if (!get_varint64(in_, v)) damaged();
    return unzigzag(v);
  }
  void finish() const {
    if (!in_.empty()) damaged();
  }
  std::size_t position() {
    std::uint64_t v = 0;
    if (!get_varint64(in_, v)) damaged();
    return static_cast<std::size_t>(v);
  }
  // A count or size: never more than the bytes left (each item takes at least one), so
  // damage cannot make a reader allocate wildly.
  std::uint64_t count() {
    std::uint64_t n = 0;
    if (!get_varint64(in_, n) || n > in_.size()) damaged();
    return n;
  }

 private:
  std::string_view in_;
};

}  // namespace

std::string encode_notice(const Notice& n, bool with_body) {
  Writer w((with_body ? n.body.size() : 0) + n.title.size() + n.org.size() + 256);
  w.text(n.id);
  w.text(n.incident);
  w.text(n.org);
  w.text(n.title);
  w.date(n.date);
  w.texts([&] {
    std::vector<std::string> iso;
    for (const Date& d : n.release_dates) iso.push_back(d.iso());
    return iso;
  }());
  w.texts(n.labels);
  w.texts(n.sources);
  w.text(n.url);
  w.text(with_body ? std::string_view(n.body) : std::string_view());
  const NoticeFacets& f = n.facets;
  w.texts(f.causes);
  w.texts(f.cause_families);
  w.text(f.sector);
  w.number(f.year);
  w.number(f.affected);
  w.texts(f.data);
  w.text(f.outcome);
  return w.take();
}

Notice decode_notice(std::string_view record) {
  Reader r(record);
  Notice n;
  n.id = r.text();
  n.incident = r.text();
  n.org = r.text();
  n.title = r.text();
  n.date = r.date();
  for (const std::string& iso : r.texts()) {
    const std::optional<Date> d = Date::parse_iso(iso);
    if (!d) damaged();
    n.release_dates.push_back(*d);
  }
  n.labels = r.texts();
  n.sources = r.texts();
  n.url = r.text();
  n.body = r.text();
  NoticeFacets& f = n.facets;
  f.causes = r.texts();
  f.cause_families = r.texts();
  f.sector = r.text();
  if (const std::optional<std::int64_t> year = r.number()) f.year = static_cast<int>(*year);
  f.affected = r.number();
  f.data = r.texts();
  f.outcome = r.text();
  r.finish();
  return n;
}

std::string encode_evidence(const std::vector<Evidence>& evidence) {
  Writer w(evidence.size() * 96, kEvidenceLayout);
  w.count(evidence.size());
  for (const Evidence& e : evidence) {
    w.text(e.field);
    w.text(e.value);
    w.text(e.rule);
    w.text(e.text);
    w.text(e.where);
    w.count(e.position);
  }
  return w.take();
}

std::vector<Evidence> decode_evidence(std::string_view record) {
  if (record.empty()) return {};
  Reader r(record, kEvidenceLayout);
  std::vector<Evidence> evidence(r.count());
  for (Evidence& e : evidence) {
    e.field = r.text();
    e.value = r.text();
    e.rule = r.text();
    e.text = r.text();
    e.where = r.text();
    e.position = r.position();
  }
  r.finish();
  return evidence;
}

}  // namespace kaiji
