// What a client sent, decoded with oranet's own protocol/ decoders (server
// role) into a flat list of messages and named fields, so two clients'
// recordings of the same calls can be compared field by field.
//
// TNS packets are decoded one by one (CONNECT with its connect data split
// into its (KEY=VALUE) parts; DATA with its flags); the DATA payloads the
// client sends before the server answers form one request, whose TTC
// messages (protocol, data types, auth, execute, fetch, commit, logoff,
// piggybacks...) are decoded in turn. Field names come from the decoders'
// trace (reader::begin and the named reads); a name seen twice in a message
// gets an index ("al8i4[3]"). Where order carries no meaning (auth key/value
// pairs, data type rows), the fields are keyed by name instead of position.
// The server's replies are decoded only for what the decoding of later
// requests depends on (ACCEPT: length form; protocol reply: field version).
#pragma once

#include "recorder.hpp"

#include <string>
#include <vector>

namespace oranet::test::diff {

struct wire_field {
    std::string path;  // "execute.bind[1].ora_type"
    std::string value;
};

struct wire_message {
    std::string kind;  // "tns.CONNECT", "ttc.execute", ...
    std::vector<wire_field> fields;

    [[nodiscard]] const wire_field* find(std::string_view path) const;
};

struct decoded_recording {
    std::vector<wire_message> messages;
    std::string error;  // empty when every byte decoded
};

[[nodiscard]] decoded_recording decode_recording(const std::vector<chunk>& chunks);

// One message per line, for failure output.
[[nodiscard]] std::string describe(const wire_message& m);

}  // namespace oranet::test::diff
