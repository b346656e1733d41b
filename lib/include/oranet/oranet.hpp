// The one header a program includes.
#pragma once

#include <oranet/errc.hpp>
#include <oranet/logging.hpp>
#include <oranet/version.hpp>
