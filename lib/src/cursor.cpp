#include "detail/connection_impl.hpp"
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

// The wire type and metadata a bound value travels with (python-oracledb's
// choices for Python values of the same kinds).
struct bind_shape {
    types::wire_type wire;
    ttc::bind_metadata meta;
};

bind_shape shape_for(const value& v, const ttc::caps& c) {
    bind_shape s;
    auto set = [&](types::ora_type t, std::uint32_t size, bool text = false) {
        s.wire.type        = t;
        s.wire.form        = text ? types::cs_form::implicit : types::cs_form::none;
        s.wire.charset     = client_charset;
        s.meta.ora_type    = static_cast<std::uint8_t>(t);
        s.meta.buffer_size = std::max<std::uint32_t>(size, 1);
        s.meta.cs_form     = text ? 1 : 0;
        s.meta.charset_id  = text ? client_charset : 0;
    };
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, null_t>) {
                set(types::ora_type::varchar, 1, true);
            } else if constexpr (std::is_same_v<T, std::string>) {
                const auto n = static_cast<std::uint32_t>(x.size());
                set(n > c.max_string_size ? types::ora_type::long_ : types::ora_type::varchar, n, true);
            } else if constexpr (std::is_same_v<T, raw_bytes>) {
                const auto n = static_cast<std::uint32_t>(x.data.size());
                set(n > c.max_string_size ? types::ora_type::long_raw : types::ora_type::raw, n);
            } else if constexpr (std::is_same_v<T, number>) {
                set(types::ora_type::number, 22);
            } else if constexpr (std::is_same_v<T, double>) {
                set(types::ora_type::binary_double, 8);
            } else if constexpr (std::is_same_v<T, float>) {
                set(types::ora_type::binary_float, 4);
            } else if constexpr (std::is_same_v<T, bool>) {
                set(types::ora_type::boolean, 4);
            } else if constexpr (std::is_same_v<T, date_time>) {
                set(types::ora_type::timestamp, 11);
            } else if constexpr (std::is_same_v<T, timestamp_tz>) {
                set(types::ora_type::timestamp_tz, 13);
            } else if constexpr (std::is_same_v<T, timestamp_ltz>) {
                set(types::ora_type::timestamp_ltz, 11);
            } else if constexpr (std::is_same_v<T, interval_ym>) {
                set(types::ora_type::interval_ym, 5);
            } else if constexpr (std::is_same_v<T, interval_ds>) {
                set(types::ora_type::interval_ds, 11);
            } else if constexpr (std::is_same_v<T, rowid>) {
                set(types::ora_type::varchar, ttc::max_urowid_length, true);
            }
        },
        v);
    return s;
}

}  // namespace

struct cursor_impl final : proto::session::reply_handler {
    connection_impl* conn   = nullptr;
    std::uint32_t cursor_id = 0;
    sql_info info;
    std::vector<column> columns;
    std::vector<types::wire_type> column_types;
    std::unique_ptr<ttc::reply_tracker> tracker;
    std::vector<std::vector<value>> rows;  // the current batch
    std::size_t next_row = 0;
    std::vector<value> current;
    bool more_rows          = false;
    std::uint64_t row_count = 0;
    std::uint32_t arraysize = 100;
    std::uint32_t prefetch  = 2;
    std::chrono::milliseconds call_timeout{0};
    std::error_code value_error;

    [[nodiscard]] ttc::reply_context context() const override { return tracker->context(); }

    [[nodiscard]] std::error_code on_item(ttc::reply_item& item) override {
        tracker->apply(item);
        if (const auto* d = std::get_if<ttc::describe_info>(&item)) {
            columns.clear();
            column_types.clear();
            for (const auto& c : d->columns) {
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
        } else if (const auto* r = std::get_if<ttc::row_data>(&item)) {
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
                if (auto ec = types::decode_value(column_types[i], cv.data, row[i]); ec && !value_error)
                    value_error = ec;
            }
            rows.push_back(std::move(row));
        } else if (const auto* e = std::get_if<ttc::error_info>(&item)) {
            if (e->cursor_id != 0) cursor_id = e->cursor_id;
            row_count = e->row_count;
            if (e->error_number == ttc::ora_no_data_found) more_rows = false;
        }
        return {};
    }

    void reset_results() {
        rows.clear();
        next_row = 0;
        current.clear();
        value_error = {};
    }

    std::error_code execute(std::string_view sql, std::vector<value> binds, diagnostics& diag) {
        diag.clear();
        if (conn == nullptr) return client_errc::not_connected;
        if (cursor_id != 0) {
            conn->cursors_to_close.push_back(cursor_id);
            cursor_id = 0;
        }
        info = scan_sql(sql);
        columns.clear();
        column_types.clear();
        reset_results();
        row_count        = 0;
        tracker          = std::make_unique<ttc::reply_tracker>(conn->session.caps());
        const bool query = info.kind == statement_kind::query;
        const bool plsql = info.kind == statement_kind::plsql;
        more_rows        = query;
        const auto& caps = conn->session.caps();

        ttc::execute_request m;
        m.seq       = 0;  // set in the body below, after the piggybacks took theirs
        m.cursor_id = 0;
        m.has_sql   = true;
        m.sql.assign(sql.begin(), sql.end());
        std::uint32_t opts  = ttc::exec_option::parse | ttc::exec_option::execute;
        std::uint32_t iters = 1;
        if (query) {
            iters = prefetch;
            if (iters > 0) opts |= ttc::exec_option::fetch;
        }
        if (!plsql) opts |= ttc::exec_option::not_plsql;
        if (!binds.empty()) {
            opts |= ttc::exec_option::bind;
            if (plsql) opts |= ttc::exec_option::plsql_bind;
            ttc::bind_row row;
            for (const auto& v : binds) {
                auto s = shape_for(v, caps);
                ttc::column_value cv;
                if (const auto* rid = std::get_if<rowid>(&v)) {
                    // A ROWID goes as its text, as the thin clients bind it.
                    if (auto ec = types::encode_value(s.wire, value{rid->text}, cv.data)) return ec;
                    cv.state = ttc::value_state::present;
                } else if (!is_null(v)) {
                    if (auto ec = types::encode_value(s.wire, v, cv.data)) return ec;
                    cv.state = ttc::value_state::present;
                }
                if (const auto* str = std::get_if<std::string>(&v); str && str->empty())
                    cv.state = ttc::value_state::null;
                m.binds.push_back(s.meta);
                row.push_back(std::move(cv));
            }
            m.bind_rows.push_back(std::move(row));
        }
        if (conn->autocommit) opts |= ttc::exec_option::commit;
        m.options                            = opts;
        m.prefetch_rows                      = iters;
        m.al8i4[ttc::al8i4::parse]           = 1;
        m.al8i4[ttc::al8i4::execution_count] = query ? 0 : 1;
        m.al8i4[ttc::al8i4::is_query]        = query ? 1 : 0;
        m.al8i4[ttc::al8i4::exec_flags]      = ttc::exec_flag::implicit_resultset;
        const auto ec                        = conn->call(
                                   "execute",
                                   [&](proto::writer& w) {
                m.seq = conn->session.next_seq();
                ttc::encode(w, m, caps);
            },
                                   this, query, call_timeout, diag);
        if (ec) {
            more_rows = false;
            return ec;
        }
        if (!query) more_rows = false;
        return value_error;
    }

    std::error_code fetch_more(diagnostics& diag) {
        reset_results();
        if (!more_rows || cursor_id == 0) {
            more_rows = false;
            return {};
        }
        ttc::fetch_request f;
        f.cursor_id   = cursor_id;
        f.rows        = arraysize == 0 ? 1 : arraysize;
        const auto ec = conn->call(
            "fetch",
            [&](proto::writer& w) {
                f.seq = conn->session.next_seq();
                ttc::encode(w, f, conn->session.caps());
            },
            this, true, call_timeout, diag);
        if (ec) {
            more_rows = false;
            return ec;
        }
        return value_error;
    }

    bool fetch_one(std::error_code& ec, diagnostics& diag) {
        ec = {};
        while (next_row >= rows.size()) {
            if (!more_rows) return false;
            if ((ec = fetch_more(diag))) return false;
            if (rows.empty() && !more_rows) return false;
        }
        current = std::move(rows[next_row++]);
        return true;
    }
};

}  // namespace detail

const value& row_view::at(std::size_t i) const {
    if (values_ == nullptr || i >= values_->size()) throw error(client_errc::column_out_of_range, {});
    return (*values_)[i];
}

cursor::cursor() = default;
cursor::cursor(connection& conn) : impl_(std::make_unique<detail::cursor_impl>()) {
    impl_->conn = &conn.impl();
}
cursor::~cursor() {
    if (impl_ && impl_->conn != nullptr && impl_->cursor_id != 0)
        impl_->conn->cursors_to_close.push_back(impl_->cursor_id);
}
cursor::cursor(cursor&&) noexcept            = default;
cursor& cursor::operator=(cursor&&) noexcept = default;

namespace {

std::vector<value> order_named(const detail::sql_info& info, const std::vector<named_value>& binds,
                               std::error_code& ec, diagnostics& diag) {
    std::vector<value> out;
    const bool plsql  = info.kind == detail::statement_kind::plsql;
    const auto& names = plsql ? info.unique : info.occurrences;
    for (const auto& n : names) {
        auto it = std::find_if(binds.begin(), binds.end(), [&](const named_value& b) {
            std::string u = b.name;
            if (!u.empty() && u[0] == ':') u.erase(0, 1);
            for (auto& c : u)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return u == n;
        });
        if (it == binds.end()) {
            ec                  = client_errc::bad_argument;
            diag.client_message = "no value bound for :" + n;
            return {};
        }
        out.push_back(it->v);
    }
    return out;
}

std::vector<value> order_positional(const detail::sql_info& info, const std::vector<value>& binds,
                                    std::error_code& ec, diagnostics& diag) {
    if (binds.size() != info.unique.size()) {
        ec                  = client_errc::bad_argument;
        diag.client_message = "the statement has " + std::to_string(info.unique.size()) +
                              " bind variable(s), " + std::to_string(binds.size()) + " value(s) given";
        return {};
    }
    if (info.kind == detail::statement_kind::plsql) return binds;
    std::vector<value> out;
    for (const auto& n : info.occurrences) {
        const auto pos = std::find(info.unique.begin(), info.unique.end(), n) - info.unique.begin();
        out.push_back(binds[static_cast<std::size_t>(pos)]);
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
    ec = impl_->execute(sql, std::move(ordered), diag);
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
    ec = impl_->execute(sql, std::move(ordered), diag);
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
void cursor::set_prefetch_rows(std::uint32_t n) noexcept {
    if (impl_) impl_->prefetch = n;
}
std::uint32_t cursor::prefetch_rows() const noexcept { return impl_ ? impl_->prefetch : 0; }
void cursor::set_call_timeout(std::chrono::milliseconds t) noexcept {
    if (impl_) impl_->call_timeout = t;
}

}  // namespace oranet
