#include "detail/connection_impl.hpp"
#include "detail/cursor_impl.hpp"
#include "detail/cursor_lob.hpp"
#include "detail/sql_scan.hpp"

#include <oranet/connection.hpp>
#include <oranet/cursor.hpp>
#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/types/codec.hpp>
#include <oranet/proto/types/rowid.hpp>

#include <algorithm>

namespace oranet {
namespace detail {

namespace ttc   = proto::ttc;
namespace types = proto::types;

namespace {

// The character set of CHAR/VARCHAR2/LONG/CLOB text between oranet and the
// server: the one the client declares in its data types message (873,
// AL32UTF8), not the database's. The server converts to and from the
// database character set, as it does for python-oracledb and node-oracledb,
// which declare the same and always send and read UTF-8: the SQL text
// (execute.sql), bind values (bind charset_id 873) and column values.
// Converting on the client instead would make the server convert a second
// time. A character the database character set cannot hold is the server's
// business, as with those clients: Oracle stores its replacement character
// (for WE8MSWIN1252, '?'), and oranet raises no error of its own
// (tests/peers/diff checks the bytes against node-oracledb's).
constexpr std::uint16_t client_charset = types::charset::al32utf8;

std::string type_name(std::uint16_t t) {
    switch (t) {
        case 1: return "VARCHAR2";
        case 2: return "NUMBER";
        case 8: return "LONG";
        case 11: return "ROWID";
        case 12: return "DATE";
        case 23: return "RAW";
        case 24: return "LONG RAW";
        case 96: return "CHAR";
        case 100: return "BINARY_FLOAT";
        case 101: return "BINARY_DOUBLE";
        case 102: return "REF CURSOR";
        case 112: return "CLOB";
        case 113: return "BLOB";
        case 114: return "BFILE";
        case 119: return "JSON";
        case 127: return "VECTOR";
        case 180: return "TIMESTAMP";
        case 181: return "TIMESTAMP WITH TIME ZONE";
        case 182: return "INTERVAL YEAR TO MONTH";
        case 183: return "INTERVAL DAY TO SECOND";
        case 208: return "UROWID";
        case 231: return "TIMESTAMP WITH LOCAL TIME ZONE";
        case 252: return "BOOLEAN";
        default: return "TYPE " + std::to_string(t);
    }
}

// Text types in the national character set (charset form 2).
std::string national_type_name(std::uint16_t t) {
    switch (t) {
        case 1: return "NVARCHAR2";
        case 96: return "NCHAR";
        case 112: return "NCLOB";
        default: return type_name(t);
    }
}

}  // namespace

cursor_impl::~cursor_impl() {
    if (conn == nullptr) return;
    if (stmt) {
        conn->stmt_cache.release(stmt, true, conn->cursors_to_close);
    } else if (cursor_id != 0) {
        conn->cursors_to_close.push_back(cursor_id);
    }
}

void cursor_impl::release_statement(bool keep) {
    if (conn != nullptr && stmt) conn->stmt_cache.release(stmt, keep, conn->cursors_to_close);
    if (conn != nullptr && !stmt && cursor_id != 0) conn->cursors_to_close.push_back(cursor_id);
    stmt.reset();
    cursor_id = 0;
}

std::unique_ptr<cursor_impl> cursor_impl::child(connection_impl* conn, std::uint32_t id,
                                                const ttc::describe_info& d) {
    auto c       = std::make_unique<cursor_impl>();
    c->conn      = conn;
    c->cursor_id = id;
    c->info.kind = statement_kind::query;
    c->tracker   = std::make_unique<ttc::reply_tracker>(conn->session.caps());
    c->tracker->set_describe(d);
    c->set_columns(d);
    c->more_rows             = true;
    c->requires_full_execute = true;
    return c;
}

void cursor_impl::set_columns(const ttc::describe_info& d) {
    columns.clear();
    column_types.clear();
    for (const auto& c : d.columns) {
        column col;
        col.name      = c.name;
        col.ora_type  = c.ora_type;
        col.type_name = c.cs_form == 2 ? national_type_name(c.ora_type) : type_name(c.ora_type);
        col.size      = c.max_size != 0 ? c.max_size : c.buffer_size;
        col.precision = static_cast<std::int16_t>(
            c.precision);  // NOLINT(bugprone-signed-char-misuse): a signed byte on the wire
        col.scale    = c.scale;
        col.nullable = c.nullable != 0;
        columns.push_back(std::move(col));
        types::wire_type w;
        w.type    = static_cast<types::ora_type>(c.ora_type);
        w.form    = static_cast<types::cs_form>(c.cs_form);
        w.charset = c.cs_form == 2 ? types::charset::al16utf16 : client_charset;
        w.precision =
            static_cast<std::int16_t>(c.precision);  // NOLINT(bugprone-signed-char-misuse): as above
        w.scale = c.scale;
        column_types.push_back(w);
    }
}

std::error_code cursor_impl::on_item(ttc::reply_item& item) {
    const bool out_row = !tracker->context().in_fetch;
    tracker->apply(item);
    if (const auto* d = std::get_if<ttc::describe_info>(&item)) {
        set_columns(*d);
    } else if (const auto* io = std::get_if<ttc::io_vector>(&item)) {
        out_positions.clear();
        for (std::size_t i = 0; i < io->bind_directions.size() && i < bind_vars.size(); ++i)
            if (io->bind_directions[i] != ttc::bind_dir_input) out_positions.push_back(i);
    } else if (auto* r = std::get_if<ttc::row_data>(&item)) {
        if (out_row) {
            on_out_binds(*r);
            return {};
        }
        std::vector<value> row(r->columns.size());
        for (std::size_t i = 0; i < r->columns.size() && i < column_types.size(); ++i) {
            const auto& cv = r->columns[i];
            if (cv.is_null()) continue;
            if (column_types[i].type == types::ora_type::rowid) {
                // A fetched ROWID comes as its parts, not as bytes.
                row[i] = types::rowid_from_parts(cv.rowid.rba, cv.rowid.partition_id, cv.rowid.block_num,
                                                 cv.rowid.slot_num);
                continue;
            }
            if (column_types[i].type == types::ora_type::cursor) {
                // A cursor column (CURSOR(...) in a select list) is not a value.
                if (!value_error) value_error = client_errc::not_supported;
                continue;
            }
            if (lob_value(column_types[i], cv, row[i])) continue;  // a LOB locator (cursor_lob.cpp)
            if (auto ec = types::decode_value(column_types[i], cv.data, row[i]); ec && !value_error)
                value_error = ec;
        }
        rows.push_back(std::move(row));
    } else if (const auto* e = std::get_if<ttc::error_info>(&item)) {
        if (e->cursor_id != 0) cursor_id = e->cursor_id;
        row_count = e->row_count;
        if (e->error_number == ttc::ora_no_data_found) more_rows = false;
        for (const auto& b : e->batch_errors) {
            batch_error be;
            be.offset  = b.offset;
            be.code    = b.code;
            be.message = b.message;
            while (!be.message.empty() && (be.message.back() == '\n' || be.message.back() == ' '))
                be.message.pop_back();
            batch_errors.push_back(std::move(be));
        }
    } else if (const auto* ir = std::get_if<ttc::implicit_results>(&item)) {
        for (const auto& res : ir->results)
            implicit_results.push_back(child(conn, res.cursor_id, res.describe));
    } else if (const auto* p = std::get_if<ttc::parameters>(&item)) {
        if (!p->dml_rowcounts.empty()) dml_row_counts = p->dml_rowcounts;
    }
    return {};
}

void cursor_impl::on_out_binds(ttc::row_data& r) {
    auto decode = [&](const types::wire_type& w, const ttc::column_value& cv) {
        value v;
        if (cv.is_null()) return v;
        if (auto ec = types::decode_value(w, cv.data, v); ec && !value_error) value_error = ec;
        return v;
    };
    for (std::size_t i = 0; i < r.columns.size() && i < out_positions.size(); ++i) {
        const std::size_t pos = out_positions[i];
        if (pos >= bind_vars.size() || !bind_vars[pos]) continue;
        auto& var      = *bind_vars[pos];
        const auto& w  = bind_types[pos];
        const auto& cv = r.columns[i];
        if (returning) {
            std::vector<value> values;
            for (const auto& e : cv.elements)
                values.push_back(decode(w, e));
            var.returned.push_back(std::move(values));
        } else if (var.array) {
            var.out_elements.clear();
            for (const auto& e : cv.elements)
                var.out_elements.push_back(decode(w, e));
        } else if (var.type == db_type::cursor) {
            var.ref_cursor.reset();
            if (cv.cursor_id != 0 && cv.cursor_describe)
                var.ref_cursor = child(conn, cv.cursor_id, *cv.cursor_describe);
        } else {
            var.out = decode(w, cv);
        }
    }
}

void cursor_impl::reset_results() {
    rows.clear();
    next_row = 0;
    current.clear();
    value_error = {};
}

std::error_code cursor_impl::fetch_more(diagnostics& diag) {
    reset_results();
    if (!more_rows || cursor_id == 0) {
        more_rows = false;
        return {};
    }
    const std::uint32_t n = arraysize == 0 ? 1 : arraysize;
    std::error_code ec;
    if (requires_full_execute) {
        ttc::execute_request m;
        m.cursor_id                          = cursor_id;
        m.has_sql                            = false;
        m.options                            = ttc::exec_option::fetch | ttc::exec_option::not_plsql;
        m.prefetch_rows                      = n;
        m.al8i4[ttc::al8i4::execution_count] = n;
        m.al8i4[ttc::al8i4::is_query]        = 1;
        ec                                   = conn->call(
                                              "execute",
                                              [&](proto::writer& w) {
                m.seq = conn->session.next_seq();
                ttc::encode(w, m, conn->session.caps());
            },
                                              this, true, call_timeout, diag);
        requires_full_execute = false;
    } else {
        ttc::fetch_request f;
        f.cursor_id = cursor_id;
        f.rows      = n;
        ec          = conn->call(
                     "fetch",
                     [&](proto::writer& w) {
                f.seq = conn->session.next_seq();
                ttc::encode(w, f, conn->session.caps());
            },
                     this, true, call_timeout, diag);
    }
    if (ec) {
        more_rows = false;
        return ec;
    }
    return value_error;
}

bool cursor_impl::fetch_one(std::error_code& ec, diagnostics& diag) {
    ec = {};
    while (next_row >= rows.size()) {
        if (!more_rows) return false;
        if ((ec = fetch_more(diag))) return false;
        if (rows.empty() && !more_rows) return false;
    }
    current = std::move(rows[next_row++]);
    return true;
}

}  // namespace detail

const value& row_view::at(std::size_t i) const {
    if (values_ == nullptr || i >= values_->size()) throw error(client_errc::column_out_of_range, {});
    return (*values_)[i];
}

cursor::cursor() = default;
cursor::cursor(connection& conn) : impl_(std::make_unique<detail::cursor_impl>()) {
    impl_->conn = &conn.impl();
}
cursor::cursor(std::unique_ptr<detail::cursor_impl> impl) noexcept : impl_(std::move(impl)) {}
cursor::~cursor()                            = default;
cursor::cursor(cursor&&) noexcept            = default;
cursor& cursor::operator=(cursor&&) noexcept = default;

namespace {

std::string bind_key(std::string_view name) {
    std::string u(name);
    if (!u.empty() && u[0] == ':') u.erase(0, 1);
    if (u.size() >= 2 && u.front() == '"' && u.back() == '"') return u.substr(1, u.size() - 2);
    for (auto& c : u)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return u;
}

detail::bind_slot slot_of(const bind_arg& a, std::error_code& ec, diagnostics& diag,
                          const std::string& name) {
    detail::bind_slot s;
    if (!a.is_variable()) {
        s.v = a.as_value();
        return s;
    }
    if (!a.as_variable()) {
        ec = client_errc::bad_argument;
        diag.client_message =
            "the variable bound to :" + name + " is empty (make it with variable::out and co.)";
        return s;
    }
    s.var = a.as_variable().impl();  // the handle's storage, shared with the caller's copy
    return s;
}

// Binds in wire order: per unique name for PL/SQL, per occurrence for SQL.
const std::vector<std::string>& wire_names(const detail::sql_info& info) {
    return info.kind == detail::statement_kind::plsql ? info.unique : info.occurrences;
}

std::vector<detail::bind_slot> order_named(const detail::sql_info& info,
                                           const std::vector<named_value>& binds, std::error_code& ec,
                                           diagnostics& diag) {
    std::vector<detail::bind_slot> out;
    for (const auto& n : wire_names(info)) {
        auto it = std::find_if(binds.begin(), binds.end(),
                               [&](const named_value& b) { return bind_key(b.name) == n; });
        if (it == binds.end()) {
            ec                  = client_errc::bad_argument;
            diag.client_message = "no value bound for :" + n;
            return {};
        }
        out.push_back(slot_of(it->v, ec, diag, n));
        if (ec) return {};
    }
    return out;
}

std::vector<detail::bind_slot> order_positional(const detail::sql_info& info, const std::vector<value>& binds,
                                                std::error_code& ec, diagnostics& diag) {
    if (binds.size() != info.unique.size()) {
        ec                  = client_errc::bad_argument;
        diag.client_message = "the statement has " + std::to_string(info.unique.size()) +
                              " bind variable(s), " + std::to_string(binds.size()) + " value(s) given";
        return {};
    }
    std::vector<detail::bind_slot> out;
    for (const auto& n : wire_names(info)) {
        const auto pos = std::find(info.unique.begin(), info.unique.end(), n) - info.unique.begin();
        detail::bind_slot s;
        s.v = binds[static_cast<std::size_t>(pos)];
        out.push_back(std::move(s));
    }
    return out;
}

void finish(detail::cursor_impl* i, std::error_code ec, const diagnostics& d) {
    if (ec) {
        if (i != nullptr && i->conn != nullptr) i->conn->last_diag = d;
        throw error(ec, d);
    }
}

}  // namespace

void cursor::execute(std::string_view sql, const std::vector<value>& binds, std::error_code& ec,
                     diagnostics& diag) {
    ec = {};
    diag.clear();
    if (!impl_) {
        ec = client_errc::not_connected;
        return;
    }
    const auto info = detail::scan_sql(sql);
    auto ordered    = order_positional(info, binds, ec, diag);
    if (ec) return;
    std::vector<std::vector<detail::bind_slot>> rows;
    if (!ordered.empty()) rows.push_back(std::move(ordered));
    ec = impl_->execute(sql, std::move(rows), {}, diag);
}

void cursor::execute(std::string_view sql, const std::vector<named_value>& binds, std::error_code& ec,
                     diagnostics& diag) {
    ec = {};
    diag.clear();
    if (!impl_) {
        ec = client_errc::not_connected;
        return;
    }
    const auto info = detail::scan_sql(sql);
    auto ordered    = order_named(info, binds, ec, diag);
    if (ec) return;
    std::vector<std::vector<detail::bind_slot>> rows;
    if (!ordered.empty()) rows.push_back(std::move(ordered));
    ec = impl_->execute(sql, std::move(rows), {}, diag);
}

void cursor::execute(std::string_view sql, std::vector<value> binds) {
    std::error_code ec;
    diagnostics d;
    execute(sql, binds, ec, d);
    finish(impl_.get(), ec, d);
}

void cursor::execute(std::string_view sql, std::vector<named_value> binds) {
    std::error_code ec;
    diagnostics d;
    execute(sql, binds, ec, d);
    finish(impl_.get(), ec, d);
}

void cursor::execute_many(std::string_view sql, const std::vector<std::vector<value>>& rows,
                          const execute_many_options& o, const std::vector<named_value>& vars,
                          std::error_code& ec, diagnostics& diag) {
    ec = {};
    diag.clear();
    if (!impl_) {
        ec = client_errc::not_connected;
        return;
    }
    const auto info = detail::scan_sql(sql);
    // The names a row gives values for: the unique names not bound to a variable.
    std::vector<std::string> value_names;
    for (const auto& n : info.unique)
        if (std::none_of(vars.begin(), vars.end(),
                         [&](const named_value& v) { return bind_key(v.name) == n; }))
            value_names.push_back(n);
    for (const auto& v : vars) {
        if (std::find(info.unique.begin(), info.unique.end(), bind_key(v.name)) == info.unique.end()) {
            ec                  = client_errc::bad_argument;
            diag.client_message = "the statement has no bind variable :" + bind_key(v.name);
            return;
        }
    }
    std::vector<std::vector<detail::bind_slot>> slot_rows;
    slot_rows.reserve(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].size() != value_names.size()) {
            ec                  = client_errc::bad_argument;
            diag.client_message = "row " + std::to_string(r) + " has " + std::to_string(rows[r].size()) +
                                  " value(s); the statement takes " + std::to_string(value_names.size());
            return;
        }
        std::vector<detail::bind_slot> slots;
        for (const auto& n : wire_names(info)) {
            const auto var = std::find_if(vars.begin(), vars.end(),
                                          [&](const named_value& v) { return bind_key(v.name) == n; });
            if (var != vars.end()) {
                slots.push_back(slot_of(var->v, ec, diag, n));
                if (ec) return;
                continue;
            }
            const auto pos = std::find(value_names.begin(), value_names.end(), n) - value_names.begin();
            detail::bind_slot s;
            s.v = rows[r][static_cast<std::size_t>(pos)];
            slots.push_back(std::move(s));
        }
        slot_rows.push_back(std::move(slots));
    }
    if (slot_rows.empty()) return;  // nothing to run, as python-oracledb's executemany([])
    detail::execute_options opts;
    opts.batch_errors  = o.batch_errors;
    opts.dml_rowcounts = o.dml_row_counts;
    opts.many          = true;
    ec                 = impl_->execute(sql, std::move(slot_rows), opts, diag);
}

void cursor::execute_many(std::string_view sql, const std::vector<std::vector<value>>& rows,
                          const execute_many_options& o, const std::vector<named_value>& vars) {
    std::error_code ec;
    diagnostics d;
    execute_many(sql, rows, o, vars, ec, d);
    finish(impl_.get(), ec, d);
}

const std::vector<batch_error>& cursor::batch_errors() const noexcept {
    static const std::vector<batch_error> none;
    return impl_ ? impl_->batch_errors : none;
}

const std::vector<std::uint64_t>& cursor::dml_row_counts() const noexcept {
    static const std::vector<std::uint64_t> none;
    return impl_ ? impl_->dml_row_counts : none;
}

std::vector<cursor> cursor::implicit_results() {
    std::vector<cursor> out;
    if (!impl_) return out;
    for (auto& c : impl_->implicit_results)
        out.emplace_back(std::move(c));
    impl_->implicit_results.clear();
    return out;
}

const std::vector<column>& cursor::columns() const noexcept {
    static const std::vector<column> none;
    return impl_ ? impl_->columns : none;
}
bool cursor::is_query() const noexcept { return impl_ && impl_->info.kind == detail::statement_kind::query; }
std::uint64_t cursor::row_count() const noexcept { return impl_ ? impl_->row_count : 0; }

std::optional<row_view> cursor::fetch_one(std::error_code& ec, diagnostics& diag) {
    ec = {};
    diag.clear();
    if (!impl_) {
        ec = client_errc::not_connected;
        return std::nullopt;
    }
    if (!impl_->fetch_one(ec, diag)) return std::nullopt;
    return row_view(&impl_->current);
}

std::optional<row_view> cursor::fetch_one() {
    std::error_code ec;
    diagnostics d;
    auto r = fetch_one(ec, d);
    finish(impl_.get(), ec, d);
    return r;
}

std::vector<std::vector<value>> cursor::fetch_all() {
    std::vector<std::vector<value>> out;
    while (auto r = fetch_one())
        out.push_back(impl_->current);
    return out;
}

void cursor::set_arraysize(std::uint32_t n) noexcept {
    if (impl_) impl_->arraysize = n == 0 ? 1 : n;
}
std::uint32_t cursor::arraysize() const noexcept { return impl_ ? impl_->arraysize : 0; }
void cursor::set_fetch_lobs_inline(bool v) noexcept {
    if (impl_) impl_->fetch_lobs_inline = v;
}
bool cursor::fetch_lobs_inline() const noexcept { return impl_ && impl_->fetch_lobs_inline; }
void cursor::set_prefetch_rows(std::uint32_t n) noexcept {
    if (impl_) impl_->prefetch = n;
}
std::uint32_t cursor::prefetch_rows() const noexcept { return impl_ ? impl_->prefetch : 0; }
void cursor::set_call_timeout(std::chrono::milliseconds t) noexcept {
    if (impl_) impl_->call_timeout = t;
}

}  // namespace oranet
