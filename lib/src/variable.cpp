#include "detail/cursor_impl.hpp"

#include <oranet/cursor.hpp>
#include <oranet/error.hpp>
#include <oranet/variable.hpp>

namespace oranet {
namespace detail {

namespace types = proto::types;
namespace ttc   = proto::ttc;

variable_impl::variable_impl()  = default;
variable_impl::~variable_impl() = default;

namespace {

std::uint32_t default_size(db_type t, std::uint32_t asked) {
    switch (t) {
        case db_type::varchar:
        case db_type::nvarchar:
        case db_type::char_:
        case db_type::raw: return asked != 0 ? asked : 4000;
        case db_type::number: return 22;
        case db_type::date: return 7;
        case db_type::timestamp:
        case db_type::timestamp_ltz:
        case db_type::interval_ds: return 11;
        case db_type::timestamp_tz: return 13;
        case db_type::interval_ym: return 5;
        case db_type::binary_double: return 8;
        case db_type::binary_float:
        case db_type::boolean:
        case db_type::cursor: return 4;
    }
    return asked;
}

}  // namespace

types::wire_type wire_type_of(const variable_impl& v) {
    types::wire_type w;
    const bool national = v.type == db_type::nvarchar;
    w.type              = national ? types::ora_type::varchar : static_cast<types::ora_type>(v.type);
    const bool text     = national || v.type == db_type::varchar || v.type == db_type::char_;
    w.form    = national ? types::cs_form::nchar : (text ? types::cs_form::implicit : types::cs_form::none);
    w.charset = national ? types::charset::al16utf16 : types::charset::al32utf8;
    return w;
}

ttc::bind_metadata metadata_of(const variable_impl& v) {
    const auto w = wire_type_of(v);
    ttc::bind_metadata m;
    m.ora_type    = static_cast<std::uint8_t>(w.type);
    m.buffer_size = default_size(v.type, v.max_size);
    m.cs_form     = static_cast<std::uint8_t>(w.form);
    // Both thin clients declare UTF-8 for text in either form (the bytes
    // of a national bind are still UTF-16: the form says so).
    m.charset_id = w.form != types::cs_form::none ? types::charset::al32utf8 : 0;
    if (v.array) {
        m.flags |= ttc::bind_array;
        m.max_elements = v.max_elements;
    }
    return m;
}

}  // namespace detail

namespace {

std::shared_ptr<detail::variable_impl> make(db_type t, bind_direction d, std::uint32_t size) {
    auto v      = std::make_shared<detail::variable_impl>();
    v->type     = t;
    v->dir      = d;
    v->max_size = size;
    return v;
}

const std::vector<value>& no_values() {
    static const std::vector<value> none;
    return none;
}

}  // namespace

variable variable::out(db_type t, std::uint32_t max_size) {
    variable v;
    v.impl_ = make(t, bind_direction::out, max_size);
    return v;
}

variable variable::in_out(db_type t, value in, std::uint32_t max_size) {
    variable v;
    v.impl_     = make(t, bind_direction::in_out, max_size);
    v.impl_->in = std::move(in);
    return v;
}

variable variable::array(db_type t, std::uint32_t max_elements, std::vector<value> elements, bind_direction d,
                         std::uint32_t max_size) {
    if (elements.size() > max_elements) {
        diagnostics d;
        d.client_message = "the array has " + std::to_string(elements.size()) +
                           " elements, more than its maximum of " + std::to_string(max_elements);
        throw error(client_errc::bad_argument, d);
    }
    variable v;
    v.impl_               = make(t, d, max_size);
    v.impl_->array        = true;
    v.impl_->max_elements = max_elements;
    v.impl_->in_elements  = std::move(elements);
    return v;
}

variable variable::ref_cursor() {
    variable v;
    v.impl_ = make(db_type::cursor, bind_direction::out, 0);
    return v;
}

db_type variable::type() const noexcept { return impl_ ? impl_->type : db_type::varchar; }
bind_direction variable::direction() const noexcept { return impl_ ? impl_->dir : bind_direction::in; }
bool variable::is_array() const noexcept { return impl_ && impl_->array; }

const value& variable::get() const {
    static const value null_value;
    return impl_ ? impl_->out : null_value;
}

const std::vector<value>& variable::elements() const { return impl_ ? impl_->out_elements : no_values(); }

const std::vector<value>& variable::returned(std::size_t i) const {
    if (!impl_ || i >= impl_->returned.size()) return no_values();
    return impl_->returned[i];
}

std::size_t variable::executions() const noexcept { return impl_ ? impl_->returned.size() : 0; }

cursor variable::take_cursor() {
    if (!impl_ || !impl_->ref_cursor) return cursor();
    return cursor(std::move(impl_->ref_cursor));
}

}  // namespace oranet
