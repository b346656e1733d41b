#include <oranet/proto/ttc/ano.hpp>

namespace oranet::proto::ttc {

namespace {

constexpr std::size_t service_header_size   = 8;
constexpr std::size_t subpacket_header_size = 4;
constexpr std::size_t max_services          = 64;
constexpr std::size_t max_subpackets        = 64;

ano_subpacket version_subpacket(std::uint32_t v) {
    return {ano::type_version,
            {static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
             static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}};
}

ano_subpacket u16_subpacket(std::uint16_t type, std::uint16_t v) {
    return {type, {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}};
}

std::uint16_t u16_of(const ano_subpacket& s) noexcept {
    return s.data.size() >= 2 ? static_cast<std::uint16_t>((s.data[0] << 8) | s.data[1]) : 0;
}

// The supervisor's array subpacket: magic, element type UB2, u32 count, ids.
ano_subpacket service_array(const std::vector<std::uint16_t>& ids) {
    writer w;
    w.u32be(ano::magic);
    w.u16be(ano::type_ub2);
    w.u32be(static_cast<std::uint32_t>(ids.size()));
    for (auto id : ids)
        w.u16be(id);
    return {ano::type_raw, w.take()};
}

}  // namespace

void encode(writer& w, const ano_message& m) {
    std::size_t length = ano::header_size;
    for (const auto& s : m.services) {
        length += service_header_size;
        for (const auto& p : s.subpackets)
            length += subpacket_header_size + p.data.size();
    }
    w.u32be(ano::magic);
    w.u16be(static_cast<std::uint16_t>(length));
    w.u32be(m.version);
    w.u16be(static_cast<std::uint16_t>(m.services.size()));
    w.u8(m.flags);
    for (const auto& s : m.services) {
        w.u16be(s.id);
        w.u16be(static_cast<std::uint16_t>(s.subpackets.size()));
        w.u32be(s.error);
        for (const auto& p : s.subpackets) {
            w.u16be(static_cast<std::uint16_t>(p.data.size()));
            w.u16be(p.type);
            w.bytes(p.data);
        }
    }
}

std::error_code decode(reader& r, ano_message& m) {
    r.begin("ano");
    const std::size_t start   = r.offset();
    const std::uint32_t magic = r.u32be("magic");
    if (r.ok() && magic != ano::magic) r.fail(client_errc::malformed);
    const std::uint16_t length = r.u16be("length");
    m.version                  = r.u32be("version");
    const std::size_t n =
        r.count(r.u16be("service_count"), max_services, service_header_size, "service_count");
    m.flags = r.u8("flags");
    m.services.clear();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        r.begin("service");
        ano_service s;
        s.id = r.u16be("service");
        const std::size_t k =
            r.count(r.u16be("subpacket_count"), max_subpackets, subpacket_header_size, "subpacket_count");
        s.error = r.u32be("error");
        for (std::size_t j = 0; j < k && r.ok(); ++j) {
            ano_subpacket p;
            const std::uint16_t len = r.u16be("data_length");
            p.type                  = r.u16be("type");
            const bytes_view d      = r.bytes(len, "data");
            p.data.assign(d.begin(), d.end());
            if (r.ok()) s.subpackets.push_back(std::move(p));
        }
        r.end();
        if (r.ok()) m.services.push_back(std::move(s));
    }
    if (r.ok() && r.offset() - start != length) r.fail(client_errc::malformed);
    r.end();
    return r.error();
}

bool is_ano(bytes_view payload) noexcept {
    return payload.size() >= 4 && payload[0] == 0xde && payload[1] == 0xad && payload[2] == 0xbe &&
           payload[3] == 0xef;
}

ano_message make_ano_no_services_reply(const ano_message& request) {
    ano_message m;
    m.version = ano::version_server;
    for (const auto& req : request.services) {
        ano_service s;
        s.id = req.id;
        s.subpackets.push_back(version_subpacket(ano::version_server));
        switch (req.id) {
            case ano::service_supervisor: {
                s.subpackets.push_back(u16_subpacket(ano::type_status, ano::supervisor_ok));
                std::vector<std::uint16_t> ids;
                for (const auto& r : request.services)
                    ids.push_back(r.id);
                s.subpackets.push_back(service_array(ids));
                break;
            }
            case ano::service_authentication:
                s.subpackets.push_back(u16_subpacket(ano::type_status, ano::auth_dont_use));
                break;
            default:  // encryption, data integrity and anything else: no algorithm chosen
                s.subpackets.push_back({ano::type_raw, {0}});
                break;
        }
        m.services.push_back(std::move(s));
    }
    return m;
}

ano_message make_ano_request(std::uint64_t cid) {
    ano_message m;
    m.version                   = ano::version_python_1_2_1;
    const ano_subpacket version = version_subpacket(ano::version_python_1_2_1);

    ano_service supervisor{ano::service_supervisor, 0, {version}};
    std::vector<std::uint8_t> cid_bytes(8);
    for (int i = 0; i < 8; ++i)
        cid_bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(cid >> (56 - 8 * i));
    supervisor.subpackets.push_back({ano::type_raw, std::move(cid_bytes)});
    supervisor.subpackets.push_back(service_array({ano::service_supervisor, ano::service_authentication,
                                                   ano::service_encryption, ano::service_data_integrity}));

    ano_service auth{ano::service_authentication, 0, {version}};
    auth.subpackets.push_back(u16_subpacket(ano::type_ub2, ano::auth_type_client_server));
    auth.subpackets.push_back(u16_subpacket(ano::type_status, ano::auth_not_required));

    ano_service encryption{ano::service_encryption, 0, {version, {ano::type_raw, {0}}}};
    ano_service integrity{ano::service_data_integrity, 0, {version, {ano::type_raw, {0}}}};
    m.services = {supervisor, auth, encryption, integrity};
    return m;
}

std::error_code check_ano_reply(const ano_message& reply) noexcept {
    for (const auto& s : reply.services) {
        if (s.error != 0) return client_errc::tns_refused;
        const ano_subpacket* status = nullptr;
        for (const auto& p : s.subpackets)
            if (p.type == ano::type_status) status = &p;
        if (s.id == ano::service_supervisor && (status == nullptr || u16_of(*status) != ano::supervisor_ok))
            return client_errc::malformed;
        if (s.id == ano::service_authentication &&
            (status == nullptr || (u16_of(*status) != ano::auth_ok && u16_of(*status) != ano::auth_dont_use)))
            return client_errc::malformed;
    }
    return {};
}

}  // namespace oranet::proto::ttc
