#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/lob_op.hpp>

namespace oranet::proto::ttc {

namespace {

// Longest locator we accept from the wire (Oracle's are well under 200
// bytes; BFILE locators carry a directory and a file name).
constexpr std::size_t max_locator_length = 4096;

bool wants_null_lob_pointer(std::uint32_t op) noexcept {
    return op == lob_op_code::create_temp || op == lob_op_code::is_open || op == lob_op_code::file_exists ||
           op == lob_op_code::file_is_open;
}

bool returns_flag(std::uint32_t op) noexcept {
    return op == lob_op_code::is_open || op == lob_op_code::file_exists || op == lob_op_code::file_is_open;
}

void read_owned(reader& r, std::vector<std::uint8_t>& out, std::size_t n, std::string_view name) {
    const auto b = r.bytes(n, name);
    if (r.ok()) out.assign(b.begin(), b.end());
}

}  // namespace

bool lob_is_temporary(bytes_view locator) noexcept {
    if (locator.size() <= lob_locator::flag4_offset) return false;
    return (locator[lob_locator::flag1_offset] & lob_locator::flag1_abstract) != 0 ||
           (locator[lob_locator::flag4_offset] & lob_locator::flag4_temp) != 0;
}

bool lob_is_var_length_charset(bytes_view locator) noexcept {
    return locator.size() > lob_locator::flag3_offset &&
           (locator[lob_locator::flag3_offset] & lob_locator::flag3_var_length_cs) != 0;
}

void set_lob_op_pointers(lob_op_request& m) noexcept {
    m.charset_pointer  = m.operation == lob_op_code::create_temp;
    m.null_lob_pointer = wants_null_lob_pointer(m.operation);
}

void encode(writer& w, const lob_op_request& m, const caps& c) {
    encode(w, function_header{message_type::function, function_code::lob_op, m.seq, m.token}, c);
    w.u8(m.has_source ? 1 : 0);
    w.ub4(m.has_source ? static_cast<std::uint32_t>(m.source.size()) : 0);
    w.u8(m.has_dest ? 1 : 0);
    w.ub4(m.has_dest ? static_cast<std::uint32_t>(m.dest.size()) : m.dest_length);
    w.ub4(0);  // short source offset
    w.ub4(0);  // short dest offset
    w.u8(m.charset_pointer ? 1 : 0);
    w.u8(0);  // short amount pointer
    w.u8(m.null_lob_pointer ? 1 : 0);
    w.ub4(m.operation);
    w.u8(0);  // SCN array pointer
    w.u8(0);  // SCN array length
    w.ub8(m.source_offset);
    w.ub8(m.dest_offset);
    w.u8(m.send_amount ? 1 : 0);
    for (int i = 0; i < 3; ++i)
        w.u16be(0);  // array LOB fields
    if (m.has_source) w.bytes(bytes_view{m.source});
    if (m.has_dest) w.bytes(bytes_view{m.dest});
    if (m.charset_pointer) w.ub4(m.charset_id);
    if (m.has_data) encode(w, lob_data{m.data}, c);
    if (m.send_amount) w.ub8(m.amount);
}

std::error_code decode_body(reader& r, lob_op_request& m, const caps& c) {
    r.begin("lob_op");
    m.has_source               = r.u8("source_pointer") != 0;
    const std::uint32_t srclen = r.ub4("source_length");
    m.has_dest                 = r.u8("dest_pointer") != 0;
    m.dest_length              = r.ub4("dest_length");
    (void)r.ub4("short_source_offset");
    (void)r.ub4("short_dest_offset");
    m.charset_pointer = r.u8("charset_pointer") != 0;
    (void)r.u8("short_amount_pointer");
    m.null_lob_pointer = r.u8("null_lob_pointer") != 0;
    m.operation        = r.ub4("operation");
    (void)r.u8("scn_pointer");
    (void)r.u8("scn_length");
    m.source_offset = r.ub8("source_offset");
    m.dest_offset   = r.ub8("dest_offset");
    m.send_amount   = r.u8("amount_pointer") != 0;
    for (int i = 0; i < 3; ++i)
        (void)r.u16be("array_lob");
    if (r.ok() && (srclen > max_locator_length || (m.has_dest && m.dest_length > max_locator_length)))
        r.fail(client_errc::count_too_large);
    if (m.has_source) read_owned(r, m.source, srclen, "source_locator");
    if (m.has_dest) read_owned(r, m.dest, m.dest_length, "dest_locator");
    if (m.charset_pointer) m.charset_id = r.ub4("charset_id");
    m.has_data = false;
    if (r.ok() && r.remaining() > 0 && r.peek() == static_cast<std::uint8_t>(message_type::lob_data)) {
        (void)r.u8("message_type");
        lob_data d;
        if (auto ec = decode_body(r, d, c); !ec) {
            m.data     = std::move(d.data);
            m.has_data = true;
        }
    }
    if (m.send_amount) m.amount = r.ub8("amount");
    r.end();
    return r.error();
}

void encode(writer& w, const lob_data& m, const caps& c) {
    (void)c;
    w.u8(static_cast<std::uint8_t>(message_type::lob_data));
    w.bytes_with_length(bytes_view{m.data});
}

std::error_code decode_body(reader& r, lob_data& m, const caps& c) {
    (void)c;
    r.begin("lob_data");
    std::vector<std::uint8_t> scratch;
    const auto b = r.bytes_with_length(scratch, "data");
    if (r.ok()) m.data.assign(b.data.begin(), b.data.end());
    r.end();
    return r.error();
}

lob_op_reply_shape reply_shape_of(const lob_op_request& req) noexcept {
    lob_op_reply_shape s;
    s.operation      = req.operation;
    s.locator_length = req.has_source ? req.source.size() : 0;
    s.send_amount    = req.send_amount;
    return s;
}

void encode(writer& w, const lob_op_return& m, const caps& c) {
    (void)c;
    w.u8(static_cast<std::uint8_t>(message_type::parameter));
    w.bytes(bytes_view{m.locator});
    if (m.has_charset) {
        w.ub2(m.charset_id);
        w.u8(m.trailing_flags);
    }
    if (m.has_amount) w.sb8(m.amount);
    if (m.has_flag) w.u8(m.flag ? 1 : 0);
}

std::error_code decode_body(reader& r, lob_op_return& m, const lob_op_reply_shape& shape, const caps& c) {
    (void)c;
    r.begin("lob_op_return");
    if (shape.locator_length > max_locator_length) r.fail(client_errc::count_too_large);
    read_owned(r, m.locator, shape.locator_length, "locator");
    m.has_charset = shape.operation == lob_op_code::create_temp;
    if (m.has_charset) {
        m.charset_id     = r.ub2("charset_id");
        m.trailing_flags = r.u8("trailing_flags");
    }
    // Python 1.2.1 sends an amount with create temporary (the duration) and
    // reads one back; the newer clients send none.
    m.has_amount = shape.send_amount;
    if (m.has_amount) m.amount = r.sb8("amount");
    m.has_flag = returns_flag(shape.operation);
    if (m.has_flag) m.flag = r.u8("flag") != 0;
    r.end();
    return r.error();
}

void encode(writer& w, const free_temp_lobs_piggyback& m, const caps& c) {
    encode(w, function_header{message_type::piggyback, function_code::lob_op, m.seq, m.token}, c);
    std::size_t total = 0;
    for (const auto& l : m.locators)
        total += l.size();
    w.u8(1);  // pointer (the locators)
    w.ub4(static_cast<std::uint32_t>(total));
    w.u8(0);  // dest locator
    w.ub4(0);
    w.ub4(0);  // source locator
    w.ub4(0);
    w.u8(0);  // source offset
    w.u8(0);  // dest offset
    w.u8(0);  // charset
    w.ub4(lob_op_code::free_temp | lob_op_code::array);
    w.u8(0);   // SCN
    w.ub4(0);  // LOB SCN
    w.ub8(0);  // LOB SCN length
    w.ub8(0);
    w.u8(0);
    for (int i = 0; i < 3; ++i) {  // array LOB fields
        w.u8(0);
        w.ub4(0);
    }
    for (const auto& l : m.locators)
        w.bytes(bytes_view{l});
}

std::error_code decode_body(reader& r, free_temp_lobs_piggyback& m, std::size_t locator_length,
                            const caps& c) {
    (void)c;
    r.begin("free_temp_lobs");
    (void)r.u8("pointer");
    const std::uint32_t total = r.ub4("total_length");
    (void)r.u8("dest_pointer");
    (void)r.ub4("dest_length");
    (void)r.ub4("source_pointer");
    (void)r.ub4("source_length");
    (void)r.u8("source_offset");
    (void)r.u8("dest_offset");
    (void)r.u8("charset");
    const std::uint32_t op = r.ub4("operation");
    (void)r.u8("scn");
    (void)r.ub4("lob_scn");
    (void)r.ub8("lob_scnl");
    (void)r.ub8("unused");
    (void)r.u8("unused");
    for (int i = 0; i < 3; ++i) {
        (void)r.u8("array_pointer");
        (void)r.ub4("array_length");
    }
    if (r.ok() && op != (lob_op_code::free_temp | lob_op_code::array)) r.fail(client_errc::ttc_bad_request);
    if (r.ok() && (locator_length == 0 || total % locator_length != 0)) r.fail(client_errc::malformed);
    const std::size_t n = r.ok() ? r.count(total / locator_length, 65535, locator_length, "locators") : 0;
    m.locators.clear();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        std::vector<std::uint8_t> l;
        read_owned(r, l, locator_length, "locator");
        m.locators.push_back(std::move(l));
    }
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc
