// Bind variables that carry values out of a statement: PL/SQL OUT and
// IN OUT binds, PL/SQL index-by tables (associative arrays) of scalars,
// REF CURSORs and DML RETURNING ... INTO targets. Plain IN binds need none of
// this: pass values.
//
//   oranet::variable total = oranet::variable::out(oranet::db_type::number);
//   cur.execute("begin :total := :a + :b; end;", {{"total", total}, {"a", n1}, {"b", n2}});
//   std::int64_t t = oranet::value_as<std::int64_t>(total.get());
//
// A variable is a handle: copies share the same storage, so the one given to
// execute() is the one read afterwards.
#pragma once

#include <oranet/value.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace oranet {

class cursor;

namespace detail {
struct variable_impl;
}

enum class bind_direction : std::uint8_t { in, out, in_out };

// The Oracle type a variable is declared with (what an OUT value comes back as).
enum class db_type : std::uint16_t {
    varchar       = 1,
    number        = 2,
    date          = 12,
    raw           = 23,
    char_         = 96,
    binary_float  = 100,
    binary_double = 101,
    cursor        = 102,
    timestamp     = 180,
    timestamp_tz  = 181,
    interval_ym   = 182,
    interval_ds   = 183,
    timestamp_ltz = 231,
    boolean       = 252,
    nvarchar      = 0x8001,  // VARCHAR2 in the national character set
};

class variable {
public:
    variable() = default;  // empty: binding it is an error

    // A scalar OUT bind. `max_size`: the largest value in bytes for VARCHAR2,
    // NVARCHAR2, CHAR and RAW (default 4000; at most 32767 in PL/SQL).
    [[nodiscard]] static variable out(db_type t, std::uint32_t max_size = 0);
    // An IN OUT bind: `v` goes in, the result comes back as `t`.
    [[nodiscard]] static variable in_out(db_type t, value v, std::uint32_t max_size = 0);
    // A PL/SQL index-by table of scalars: IN (its elements), OUT (up to
    // `max_elements` come back) or IN OUT.
    [[nodiscard]] static variable array(db_type t, std::uint32_t max_elements,
                                        std::vector<value> elements = {},
                                        bind_direction d = bind_direction::in, std::uint32_t max_size = 0);
    // A REF CURSOR OUT bind (OPEN :c FOR ...): take_cursor() gives its rows.
    [[nodiscard]] static variable ref_cursor();

    [[nodiscard]] explicit operator bool() const noexcept { return impl_ != nullptr; }
    [[nodiscard]] db_type type() const noexcept;
    [[nodiscard]] bind_direction direction() const noexcept;
    [[nodiscard]] bool is_array() const noexcept;

    // After the execute: the OUT value of a scalar (NULL before).
    [[nodiscard]] const value& get() const;
    // After the execute: the elements of an OUT or IN OUT array.
    [[nodiscard]] const std::vector<value>& elements() const;
    // DML RETURNING INTO: the values of execution `i` (one per row that
    // execution touched); execute_many gives one execution per row of binds.
    [[nodiscard]] const std::vector<value>& returned(std::size_t i = 0) const;
    [[nodiscard]] std::size_t executions() const noexcept;
    // A REF CURSOR: the cursor the statement opened, once (an unbound
    // cursor when none was opened or it was taken already).
    [[nodiscard]] oranet::cursor take_cursor();

    [[nodiscard]] const std::shared_ptr<detail::variable_impl>& impl() const noexcept { return impl_; }

private:
    std::shared_ptr<detail::variable_impl> impl_;
};

// One bind argument: a value (IN) or a variable.
class bind_arg {
public:
    template <class T>
    requires(std::is_constructible_v<value, T&&> && !std::is_same_v<std::decay_t<T>, bind_arg>)
        bind_arg(T&& v)
        : arg_(value(std::forward<T>(v))) {}      // NOLINT(google-explicit-constructor): binds read as values
    bind_arg(variable v) : arg_(std::move(v)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool is_variable() const noexcept { return std::holds_alternative<variable>(arg_); }
    [[nodiscard]] const value& as_value() const { return std::get<value>(arg_); }
    [[nodiscard]] const variable& as_variable() const { return std::get<variable>(arg_); }

private:
    std::variant<value, variable> arg_;
};

}  // namespace oranet
