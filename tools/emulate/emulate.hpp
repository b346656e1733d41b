// oranet emulate: a TNS/TTC server backed by SQLite, for tests and demos.
#pragma once

namespace oranet::emulate {}
